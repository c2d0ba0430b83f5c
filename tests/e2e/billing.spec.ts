/**
 * C10 end to end: a site admin who is not the billing contact opens the site's Billing
 * overview, sees the estimate, makes himself billing contact; the replaced primary is mailed,
 * stays a secondary and promotes herself back; technical contacts do not change. Plus the
 * axe-core check of Licenses and Billing overview (P2).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { announcement, confirmDialog, contact, loadDemo, openLicense } from './helpers/demo';
import { loginAs, logInThroughUi, logOut } from './helpers/session';

const TOM = 'tom.becker@northwind.example';
const PRIYA = 'priya.shah@northwind.example';
const SAM = 'sam.lee@northwind.example';
const MARCO = 'marco.rossi@gmail.com';
const LABS = 'northwind-labs.example.net';

async function openLabsOverview(page: Page): Promise<void> {
	await page.goto('/licenses');
	await page.getByRole('link', { name: `Billing overview of ${LABS}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Billing overview' })).toBeVisible();
	await expect(page.getByRole('main')).toContainText(LABS);
}

test.beforeEach(async ({ page }) => {
	await loadDemo(page);
});

test('C10: make me billing contact, the mail to the replaced primary, and her way back', async ({
	page
}) => {
	await logInThroughUi(page, TOM);
	await openLabsOverview(page);
	// 25 × $3.30 + 50 × $8.15 + 10 × $20.00 (catalog cloud prices × tiers)
	await expect(page.getByRole('region', { name: 'Upcoming billing estimate' })).toContainText(
		'$690.00 per month'
	);
	const table = page.getByRole('table', { name: `Cloud licenses on ${LABS}` });
	await expect(table.getByRole('row')).toHaveCount(5);
	await expect(table).toContainText('Priya Shah');

	await page.getByRole('button', { name: 'Make me billing contact' }).click();
	// C10 changes every cloud license of the site at once: it asks first.
	await confirmDialog(page, 'Make me billing contact');
	await expect(announcement(page)).toContainText(
		`You are now the primary billing contact of 3 licenses on ${LABS}`
	);
	await expect(announcement(page)).toContainText(`Mail sent to ${PRIYA}`);
	// C10: not shown to a site admin who already is the primary billing contact.
	await expect(page.getByRole('button', { name: 'Make me billing contact' })).toHaveCount(0);
	await expect(page.getByText('You are the primary billing contact of every')).toBeVisible();

	// Technical contacts are not affected.
	await page.goto('/licenses');
	const issues = await openLicense(page, 'Tessera Issues', 'SEN-2041000110');
	await expect(contact(issues, 'Billing', TOM)).toContainText('Primary');
	await expect(contact(issues, 'Billing', PRIYA)).not.toContainText('Primary');
	await expect(contact(issues, 'Technical', SAM)).toContainText('Primary');
	await expect(contact(issues, 'Technical', MARCO)).toHaveCount(1);
	await expect(contact(issues, 'Technical', TOM)).toHaveCount(0);

	await page.goto(`/mail?address=${encodeURIComponent(PRIYA)}`);
	await expect(page.getByRole('main')).toContainText(
		'You were replaced as primary billing contact for Tessera Repos (SEN-2041000109)'
	);

	await logOut(page);
	await logInThroughUi(page, PRIYA);
	const repos = await openLicense(page, 'Tessera Repos', 'SEN-2041000109');
	await expect(contact(repos, 'Billing', PRIYA)).not.toContainText('Primary');
	await contact(repos, 'Billing', PRIYA).getByRole('button', { name: 'Make primary' }).click();
	await expect(contact(repos, 'Billing', PRIYA)).toContainText('Primary');
	await expect(contact(repos, 'Billing', TOM)).not.toContainText('Primary');

	// Tom gets the button back for the license he no longer pays for.
	await logOut(page);
	await logInThroughUi(page, TOM);
	await openLabsOverview(page);
	await expect(page.getByRole('button', { name: 'Make me billing contact' })).toBeVisible();
});

test('C12: a site admin sees its cloud licenses but only contacts change them', async ({
	page
}) => {
	await loginAs(page, TOM);
	const repos = await openLicense(page, 'Tessera Repos', 'SEN-2041000109');
	await expect(repos).toContainText('You see this license as an admin of its site');
	await expect(contact(repos, 'Billing', PRIYA)).toContainText('Primary');
	await expect(repos.getByRole('button', { name: 'Make primary' })).toHaveCount(0);
	await expect(repos.getByRole('button', { name: 'Delete' })).toHaveCount(0);
	await expect(repos.getByLabel('Billing contact email')).toHaveCount(0);
	await expect(repos.getByRole('button', { name: 'Request support' })).toHaveCount(0);
	await expect(repos.getByRole('link', { name: 'Billing overview' })).toBeVisible();
});

test('C12: only site admins see a site’s billing overview', async ({ page }) => {
	await loginAs(page, SAM, '/billing?site=s_demo_labs');
	await expect(
		page.getByText(`Only the site admins of ${LABS} see its billing overview`)
	).toBeVisible();
	await expect(page.getByText('per month')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Make me billing contact' })).toHaveCount(0);
});

test('P2: Licenses and Billing overview have no axe violations, light, dark and 360 px', async ({
	page
}) => {
	// Seven full axe-core analyses: real work that a busy shared machine slows down, so this
	// test gets three times the default time instead of depending on a quiet machine.
	test.slow();
	await loginAs(page, 'olivia.park@northwind.example');
	const modes = [
		['light', 1280],
		['dark', 1280],
		['dark', 360]
	] as const;
	for (const [scheme, width] of modes) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width, height: 800 });
		await page.goto('/licenses');
		await openLicense(page, 'Tessera Issues', 'SEN-2041000101');
		await page.getByRole('button', { name: 'Start a license' }).click();
		await page.getByLabel('Hosting').selectOption('cloud');
		const licenses = await new AxeBuilder({ page }).analyze();
		expect(licenses.violations, `Licenses (${scheme}, ${width} px)`).toEqual([]);

		await page.goto('/billing?site=s_demo_northwind');
		await expect(page.getByRole('region', { name: 'Upcoming billing estimate' })).toBeVisible();
		const billing = await new AxeBuilder({ page }).analyze();
		expect(billing.violations, `Billing overview (${scheme}, ${width} px)`).toEqual([]);
	}
	await loginAs(page, TOM, '/billing?site=s_demo_labs');
	await expect(page.getByRole('button', { name: 'Make me billing contact' })).toBeVisible();
	const withButton = await new AxeBuilder({ page }).analyze();
	expect(withButton.violations, 'Billing overview with Make me billing contact').toEqual([]);
});
