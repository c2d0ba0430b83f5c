// A9 end to end, by role and label: a site admin keeps the service desk's portal-only
// customers in the Customers section of the Sites panel (add, rename, remove, migrate to an
// account); the migrated customer sets a password through "Can't log in?" and logs in; a log in
// with an address only the desk has says it is a service-desk customer. axe checks the section
// light and dark at 360 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { logIn, logOut, mailLink, openMail, readyAccount } from './helpers/accounts';
import { announcement, confirmDialog } from './helpers/demo';

async function adminWithSite(page: Page): Promise<void> {
	await readyAccount(page, 'ana@acme.com', 'Ana');
	await page.goto('/licenses');
	await page.getByRole('button', { name: 'Create a site' }).click();
	await page.getByLabel('Host name').fill('acme.example.net');
	await page.getByRole('button', { name: 'Create site' }).click();
	await expect(announcement(page)).toContainText('Created the site acme.example.net');
	await page.getByRole('button', { name: 'Customers of acme.example.net' }).click();
	await expect(page.getByRole('region', { name: 'Customers of acme.example.net' })).toBeVisible();
}

async function addCustomer(page: Page, email: string, name: string): Promise<void> {
	const section = page.getByRole('region', { name: 'Customers of acme.example.net' });
	await section.getByLabel('Email').fill(email);
	await section.getByLabel('Full name').fill(name);
	await section.getByRole('button', { name: 'Add customer' }).click();
	await expect(announcement(page)).toContainText('is now a customer of the service desk');
	await expect(section.getByRole('listitem').filter({ hasText: email })).toBeVisible();
}

test('A9: a site admin adds, renames, removes and migrates service-desk customers', async ({
	page
}) => {
	await adminWithSite(page);
	const section = page.getByRole('region', { name: 'Customers of acme.example.net' });
	await addCustomer(page, 'kim@shop.example', 'Kim Lee');
	await addCustomer(page, 'lee@shop.example', 'Lee Park');
	await addCustomer(page, 'max@shop.example', 'Max Roe');

	await section.getByRole('button', { name: 'Rename kim@shop.example' }).click();
	await section.getByLabel('New full name').fill('Kim Stone');
	await section.getByRole('button', { name: 'Save name' }).click();
	await expect(announcement(page)).toContainText('full name is now Kim Stone');
	await expect(section.getByText('Kim Stone')).toBeVisible();

	await section.getByRole('button', { name: 'Remove max@shop.example' }).click();
	await confirmDialog(page, 'Remove customer');
	await expect(announcement(page)).toContainText('is no longer a customer');
	await expect(section.getByRole('listitem').filter({ hasText: 'max@shop.example' })).toHaveCount(
		0
	);

	await section.getByRole('button', { name: 'Migrate to account lee@shop.example' }).click();
	await confirmDialog(page, 'Migrate to account');
	await expect(announcement(page)).toContainText('now has an account');
	await expect(section.getByRole('listitem').filter({ hasText: 'lee@shop.example' })).toHaveCount(
		0
	);

	// The new account chooses a password through "Can't log in?" (A4) and logs in.
	await logOut(page);
	await page.goto('/login');
	await page.getByLabel('Email').fill('lee@shop.example');
	await page.getByRole('link', { name: "Can't log in?" }).click();
	await page.getByRole('button', { name: 'Send reset link' }).click();
	// The request is written before the page answers; leaving earlier cancels it.
	await expect(page.getByRole('status')).toContainText('If an account uses lee@shop.example');
	await openMail(page, 'lee@shop.example', 'Choose a new password');
	await mailLink(page, 'Choose a new password').click();
	await page.getByLabel('Password', { exact: true }).fill('a fresh and rather long passphrase');
	await page.getByRole('button', { name: 'Save password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password is saved');
	await logIn(page, 'lee@shop.example', 'a fresh and rather long passphrase');
	await expect(page.getByRole('banner')).toContainText('lee@shop.example');
});

test('A9: a log in with an address only the service desk has says where to go', async ({
	page
}) => {
	await adminWithSite(page);
	await addCustomer(page, 'kim@shop.example', 'Kim Lee');
	await logOut(page);
	await logIn(page, 'kim@shop.example', 'any password at all');
	const status = page.getByRole('main').getByRole('status');
	await expect(status).toContainText('service-desk customer of acme.example.net');
	await expect(status).toContainText('https://acme.example.net/servicedesk/customer/portals');
});

test('P2: the Customers section has no axe violations, light and dark at 360 px', async ({
	page
}) => {
	await adminWithSite(page);
	await addCustomer(page, 'kim@shop.example', 'Kim Lee');
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 360, height: 800 });
		const results = await new AxeBuilder({ page }).include('section.customers').analyze();
		expect(results.violations, `Customers (${scheme}, 360 px)`).toEqual([]);
	}
});
