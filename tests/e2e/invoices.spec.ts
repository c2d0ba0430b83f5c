/**
 * C14 end to end: the primary billing contact edits the billing details and renews; the
 * invoice is listed, mailed and opens as its own page that prints clean (no navigation, the
 * lines and billing details visible). A technical contact sees neither details nor invoices.
 * Plus axe on the license section and the invoice page, light, dark and 360 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { announcement, confirmDialog, loadDemo, openLicense } from './helpers/demo';
import { loginAs } from './helpers/session';

const PRIYA = 'priya.shah@northwind.example';
const SAM = 'sam.lee@northwind.example';

test.beforeEach(async ({ page }) => {
	await loadDemo(page);
});

async function detailsAndRenew(page: Page): Promise<{ issues: Locator; number: string }> {
	await loginAs(page, PRIYA);
	const issues = await openLicense(page, 'Tessera Issues', 'SEN-2041000110');
	await issues.getByRole('button', { name: 'Edit billing details' }).click();
	await issues.getByLabel('Billing name').fill('Northwind Traders Ltd');
	await issues.getByLabel('Billing address').fill('12 Harbour Road\nSeattle WA 98101');
	await issues.getByLabel('Tax id (optional)').fill('US-98-7654321');
	await issues.getByRole('button', { name: 'Save billing details' }).click();
	await expect(announcement(page)).toContainText('Billing details saved.');
	await expect(issues).toContainText('Northwind Traders Ltd');

	await issues.getByRole('button', { name: 'Renew Tessera Issues SEN-2041000110' }).click();
	await confirmDialog(page, 'Renew');
	await expect(announcement(page)).toContainText('Renewed SEN-2041000110 until');
	await expect(announcement(page)).toContainText('mailed to the billing contacts');
	const link = issues.getByRole('link', { name: /^Invoice INV-/ });
	await expect(link).toHaveCount(1);
	const number = ((await link.textContent()) ?? '').replace('Invoice ', '').trim();
	return { issues, number };
}

test('C14: a billing contact edits the details, renews, sees the invoice listed, mailed and printed', async ({
	page
}) => {
	const { issues, number } = await detailsAndRenew(page);
	await expect(issues.getByRole('link', { name: `Invoice ${number}` })).toBeVisible();

	await page.goto(`/mail?address=${encodeURIComponent(PRIYA)}`);
	await expect(page.getByRole('main')).toContainText(`Invoice ${number} for Tessera Issues`);

	await page.goto(`/invoices/${number}`);
	const invoice = page.getByRole('article', { name: `Invoice ${number}` });
	await expect(invoice).toContainText('Northwind Traders Ltd');
	await expect(invoice).toContainText('US-98-7654321');
	await expect(invoice.getByRole('table', { name: 'Invoice lines' })).toContainText(
		'Tessera Issues Cloud, 50 users, 12 months'
	);
	await expect(page.getByRole('navigation').first()).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await expect(invoice).toContainText('Northwind Traders Ltd');
	await expect(invoice.getByRole('table', { name: 'Invoice lines' })).toBeVisible();
	const shot = await page.screenshot({ fullPage: true });
	expect(shot.byteLength).toBeGreaterThan(1000);
	await page.emulateMedia({ media: 'screen' });
});

test('C14/C12: a technical contact sees neither billing details nor invoices', async ({ page }) => {
	const { number } = await detailsAndRenew(page);
	await loginAs(page, SAM);
	const issues = await openLicense(page, 'Tessera Issues', 'SEN-2041000110');
	await expect(issues.getByRole('heading', { name: 'Billing details' })).toHaveCount(0);
	await expect(issues.getByRole('heading', { name: 'Invoices' })).toHaveCount(0);
	await expect(issues).not.toContainText('Northwind Traders Ltd');
	await expect(issues.getByRole('button', { name: /^Renew/ })).toHaveCount(0);
	await page.goto(`/invoices/${number}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Invoice not found' })).toBeVisible();
	await expect(page.getByRole('main')).not.toContainText('Northwind Traders Ltd');
});

test('P2: the license billing section and the invoice page have no axe violations, light, dark and 360 px', async ({
	page
}) => {
	test.slow();
	const { number } = await detailsAndRenew(page);
	const modes = [
		['light', 1280],
		['dark', 1280],
		['dark', 360],
		['light', 360]
	] as const;
	for (const [scheme, width] of modes) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width, height: 800 });
		await page.goto('/licenses');
		const issues = await openLicense(page, 'Tessera Issues', 'SEN-2041000110');
		await issues.getByRole('button', { name: 'Edit billing details' }).click();
		const licenses = await new AxeBuilder({ page }).analyze();
		expect(licenses.violations, `License billing (${scheme}, ${width} px)`).toEqual([]);

		await page.goto(`/invoices/${number}`);
		await expect(page.getByRole('article', { name: `Invoice ${number}` })).toBeVisible();
		const invoice = await new AxeBuilder({ page }).analyze();
		expect(invoice.violations, `Invoice (${scheme}, ${width} px)`).toEqual([]);
		const fits = await page.evaluate(
			() => document.documentElement.scrollWidth <= document.documentElement.clientWidth
		);
		expect(fits, `Invoice fits ${width} px`).toBe(true);
	}
});
