/**
 * Thousands of licenses: the demo with 5,000 extra licenses loads through the UI, and the
 * Licenses page renders a window of 50, filters by SEN, product and contact email, and shows
 * more on request. Behaviour only: timings are measured by tests/bench/licenses.bench.ts,
 * never asserted here (shared machines are noisy).
 */
import { expect, test } from '@playwright/test';
import { loadDemo } from './helpers/demo';
import { loginAs } from './helpers/session';

test('5,000 licenses: a window of 50, fast filters, Show more', async ({ page }) => {
	test.setTimeout(240_000);
	await loadDemo(page, 5000);
	await loginAs(page, 'olivia.park@northwind.example');
	await expect(page.getByText('Showing 50 of 5,009 licenses')).toBeVisible();
	await expect(page.getByRole('region', { name: /SEN-/ })).toHaveCount(50);

	const search = page.getByLabel('Search licenses');
	await search.fill('SEN-3000004321');
	await expect(page.getByRole('region', { name: /SEN-3000004321/ })).toHaveCount(1);
	await expect(page.getByText('Showing 1 of 1 matching (5,009 in all)')).toBeVisible();

	await search.fill('sam.lee@');
	// Every fourth extra license, plus the demo licenses Sam is on that Olivia sees.
	await expect(page.getByText(/Showing 50 of 1,25\d matching/)).toBeVisible();

	await search.fill('');
	await page.getByLabel('Show licenses for').selectOption({ label: 'Tessera Desk' });
	await expect(page.getByText(/Showing 50 of 1,00\d matching/)).toBeVisible();

	await page.getByRole('button', { name: 'Show more' }).click();
	await expect(page.getByRole('region', { name: /SEN-/ })).toHaveCount(100);
});
