/**
 * A15 end to end: one account, one session for every product. "Your products" lists every
 * product on every site the account may use; each opens its simulated home already signed in
 * (no second log in); Log out in one tab ends the session in every product and tab; an account
 * without access is told so. Plus axe on both pages, light and dark at 360 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadDemo } from './helpers/demo';
import { DEMO_PASSWORD } from '../../src/lib/core/demo-data';
import { loginAs, logOut } from './helpers/session';

const PRIYA = 'priya.shah@northwind.example';
const SAM = 'sam.lee@northwind.example';
const LABS = 'northwind-labs.example.net';

test.beforeEach(async ({ page }) => {
	await loadDemo(page);
});

test('A15: Your products opens each product signed in, with no second log in', async ({ page }) => {
	await loginAs(page, PRIYA);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Your products' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
	const labs = page.getByRole('region', { name: LABS });
	await expect(labs.getByRole('link')).toHaveCount(3);
	for (const product of ['Tessera Issues', 'Tessera Repos', 'Tessera Desk']) {
		await expect(labs.getByRole('link', { name: `${product} on ${LABS}` })).toBeVisible();
	}
	await expect(labs).toContainText('Because you are a contact of its license.');
	await expect(page.getByRole('region', { name: 'northwind.example.net' })).toContainText(
		'Tessera Issues'
	);

	await labs.getByRole('link', { name: /Tessera Repos/ }).click();
	await expect(page).toHaveURL(/\/products\/home\?site=s_demo_labs&product=repos$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Tessera Repos' })).toBeVisible();
	await expect(page.getByRole('note').filter({ hasText: 'Signed in as' })).toContainText(
		`Signed in as Priya Shah (${PRIYA}) with your Tessera account: no second log in.`
	);
	await expect(page.getByLabel('Password')).toHaveCount(0);
});

test('A15: Log out in one tab ends the session in every product and tab; logging in again goes back', async ({
	page,
	context
}) => {
	await loginAs(page, PRIYA, '/products/home?site=s_demo_labs&product=issues');
	await expect(page.getByRole('heading', { level: 1, name: 'Tessera Issues' })).toBeVisible();
	const other = await context.newPage();
	await other.goto('/products/home?site=s_demo_labs&product=desk');
	await expect(other.getByRole('heading', { level: 1, name: 'Tessera Desk' })).toBeVisible();

	await logOut(page);
	// The other tab learns of it without a reload.
	await expect(other.getByRole('heading', { level: 1, name: 'Logged out' })).toBeVisible();
	await expect(other.getByRole('button', { name: 'Log out' })).toHaveCount(0);
	await page.goto('/products/home?site=s_demo_labs&product=issues');
	await expect(page.getByRole('heading', { level: 1, name: 'Logged out' })).toBeVisible();

	// Log in once more from the product: it comes back to it, and every tab is signed in again.
	await other.getByRole('main').getByRole('link', { name: 'Log in' }).click();
	await expect(other).toHaveURL(/\/login\?next=/);
	await other.getByLabel('Email', { exact: true }).fill(PRIYA);
	await other.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await other.getByRole('button', { name: 'Log in', exact: true }).click();
	await expect(other.getByRole('heading', { level: 1, name: 'Tessera Desk' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Tessera Issues' })).toBeVisible();
});

test('A15: a product the account may not use says so', async ({ page }) => {
	await loginAs(page, SAM, '/products/home?site=s_demo_northwind&product=chat');
	await expect(
		page.getByRole('heading', { level: 1, name: 'No access to this product' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Your products' }).last()).toHaveAttribute(
		'href',
		'/products'
	);
});

test('P2: Your products and a product home have no axe violations, light and dark at 360 px', async ({
	page
}) => {
	await loginAs(page, PRIYA, '/products');
	await expect(page.getByRole('region', { name: LABS })).toBeVisible();
	for (const path of ['/products', '/products/home?site=s_demo_labs&product=repos']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await page.setViewportSize({ width: 360, height: 800 });
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations, `${path} (${scheme}, 360 px)`).toEqual([]);
		}
	}
});
