/**
 * Thousands of licenses: the demo with 5,000 extra licenses loads through the UI, and the
 * Licenses page renders a window of 50, filters by SEN, product and contact email, and shows
 * more on request. Timings are printed (annotations), with only generous bounds asserted:
 * tests/bench/licenses.bench.ts is where the figures are measured.
 */
import { expect, test } from '@playwright/test';
import { loadDemo } from './helpers/demo';
import { loginAs } from './helpers/session';

test('5,000 licenses: a window of 50, fast filters, Show more', async ({ page }) => {
	test.setTimeout(120_000);
	const note = (type: string, ms: number) =>
		test.info().annotations.push({ type, description: `${ms.toFixed(0)} ms` });

	let t = performance.now();
	await loadDemo(page, 5000);
	note('demo load with 5,000 extra licenses', performance.now() - t);

	t = performance.now();
	await loginAs(page, 'olivia.park@northwind.example');
	await expect(page.getByText('Showing 50 of 5,009 licenses')).toBeVisible();
	note('Licenses page with 5,009 licenses, first window', performance.now() - t);
	await expect(page.getByRole('region', { name: /SEN-/ })).toHaveCount(50);

	const search = page.getByLabel('Search licenses');
	t = performance.now();
	await search.fill('SEN-3000004321');
	await expect(page.getByRole('region', { name: /SEN-3000004321/ })).toHaveCount(1);
	await expect(page.getByText('Showing 1 of 1 matching (5,009 in all)')).toBeVisible();
	const bySen = performance.now() - t;
	note('filter by SEN', bySen);
	expect(bySen).toBeLessThan(5000);

	t = performance.now();
	await search.fill('sam.lee@');
	// Every fourth extra license, plus the demo licenses Sam is on that Olivia sees.
	await expect(page.getByText(/Showing 50 of 1,25\d matching/)).toBeVisible();
	note('filter by contact email', performance.now() - t);

	await search.fill('');
	await page.getByLabel('Show licenses for').selectOption({ label: 'Tessera Desk' });
	await expect(page.getByText(/Showing 50 of 1,00\d matching/)).toBeVisible();

	t = performance.now();
	await page.getByRole('button', { name: 'Show more' }).click();
	await expect(page.getByRole('region', { name: /SEN-/ })).toHaveCount(100);
	note('Show more (50 → 100 cards)', performance.now() - t);
	for (const a of test.info().annotations) console.log(`${a.type}: ${a.description}`);
});
