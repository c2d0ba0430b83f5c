/**
 * P3/P4: "Load demo data" builds the demo organization with progress and says how long it
 * took; the Demo page lists the accounts with their (demo-only) password; "Reset" asks for
 * confirmation, removes everything and logs out. The demo's two organizations: Fabrikam's admin
 * sees its verified domain, required two-step verification, managed accounts and audit log;
 * Litware's admin sees its domain, admins and SAML chosen, and a Litware person logs in through
 * the simulated SAML provider; the page says how to log in as each kind of person, and passes axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/lib/core/demo-data';
import { announcement, loadDemo } from './helpers/demo';
import { logOut, loginAs } from './helpers/session';

test('P3: load demo data, see the accounts and password, then reset with confirmation', async ({
	page
}) => {
	await page.goto('/demo');
	const accounts = page.getByRole('region', { name: 'Demo accounts' });
	await expect(accounts).toContainText('Loading the demo creates these accounts.');
	await expect(accounts).toContainText(DEMO_PASSWORD);
	for (const person of DEMO_PEOPLE) await expect(accounts).toContainText(person.email);
	await expect(accounts).toContainText('gmail.com');
	await expect(accounts).toContainText('outlook.com');

	await loadDemo(page);
	await expect(announcement(page)).toContainText(/loaded in \d+\.\d s/);
	await expect(accounts).toContainText('These accounts exist on this device.');
	await expect(page.getByRole('button', { name: 'Load demo data' })).toBeDisabled();

	await loginAs(page, 'olivia.park@northwind.example');
	await expect(page.getByRole('region', { name: /SEN-/ }).first()).toBeVisible();
	// Olivia sees the 9 Northwind licenses she is a contact of or administers (C3), not the labs site's.
	await expect(page.getByText('Showing 9 of 9 licenses')).toBeVisible();

	await page.goto('/demo');
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	const confirm = page.getByRole('group', { name: /Delete everything/ });
	await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await confirm.getByRole('button', { name: 'Cancel' }).click();
	await expect(confirm).toHaveCount(0);
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	await page.getByRole('button', { name: 'Reset everything' }).click();
	await expect(announcement(page)).toContainText('Everything Tessera stored on this device');
	await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Load demo data' })).toBeEnabled();

	await page.goto('/licenses');
	await expect(page.getByText('Log in to see the licenses')).toBeVisible();
	// The demo loads again after a reset.
	await loadDemo(page);
});

test('P3: the demo organizations: Fabrikam managed with policies and an audit log, Litware on SAML', async ({
	page
}) => {
	test.slow();
	await page.goto('/demo');
	const how = page.getByRole('region', { name: 'How to log in' });
	for (const title of [
		'An unmanaged account',
		'The admin of Fabrikam',
		'The admin of Litware',
		'A managed account of Fabrikam',
		'A SAML person of Litware'
	]) {
		await expect(how.getByRole('heading', { name: title })).toBeVisible();
	}
	await expect(how).toContainText('grace.hall@bluepeak-it.example');
	await expect(how).toContainText('dana.whitfield@fabrikam.example');
	await expect(how).toContainText('simulated identity provider');
	await expect(how).toContainText('mei.tanaka@litware.example');
	await loadDemo(page);

	// Fabrikam's admin: the verified domain, the policies, the managed accounts, the audit log.
	await loginAs(page, 'grace.hall@bluepeak-it.example', '/organization');
	await expect(page.getByRole('heading', { name: 'Fabrikam' })).toBeVisible();
	const domain = page
		.getByRole('region', { name: 'Domains' })
		.getByRole('listitem')
		.filter({ hasText: 'fabrikam.example' });
	await expect(domain).toContainText('Verified');
	await expect(page.getByLabel('Require two-step verification')).toBeChecked();
	const managed = page.getByRole('region', { name: 'Managed accounts' });
	await expect(managed).toContainText('2 managed accounts');
	await expect(managed).toContainText('dana.whitfield@fabrikam.example');
	await expect(managed).toContainText('leo.martins@fabrikam.example');
	await expect(managed).not.toContainText('lucia.gomez@yahoo.com');
	// O2: nobody of Fabrikam has logged in on this device yet.
	await expect(
		managed.getByRole('listitem').filter({ hasText: 'dana.whitfield@fabrikam.example' })
	).toContainText('Last login on this device: never');
	const audit = page.getByRole('region', { name: 'Audit log' });
	const table = audit.getByRole('table');
	await expect(table).toContainText('Create the organization');
	await expect(table).toContainText('Verify the domain');
	await expect(table).toContainText('Grace Hall');
	await expect(table).toContainText('Leo Martins');
	expect(await table.getByRole('row').count()).toBeGreaterThan(8);

	// Litware's admin: its verified domain, its admins, and its managed SAML accounts.
	await logOut(page);
	await loginAs(page, 'omar.haddad@bluepeak-it.example', '/organization');
	await expect(page.getByRole('heading', { name: 'Litware' })).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: 'Domains' })
			.getByRole('listitem')
			.filter({ hasText: 'litware.example' })
	).toContainText('Verified');
	await expect(page.getByRole('region', { name: 'Admins' })).toContainText('Omar Haddad');
	const litware = page.getByRole('region', { name: 'Managed accounts' });
	await expect(litware).toContainText('mei.tanaka@litware.example');
	await expect(litware).toContainText('Signs in with SAML');
	// SAML is chosen in the Single sign-on section, and the audit log says who chose it.
	const sso = page.getByRole('region', { name: 'Single sign-on' });
	await expect(sso.getByRole('radio', { name: 'SAML', exact: true })).toBeChecked();
	await expect(sso.getByRole('list', { name: 'Directory people' })).toContainText(
		'mei.tanaka@litware.example'
	);
	const litwareAudit = page.getByRole('region', { name: 'Audit log' }).getByRole('table');
	await expect(litwareAudit).toContainText('sign in through SAML');
	await expect(litwareAudit).toContainText('Omar Haddad');

	// A SAML person of Litware logs in through the simulated provider with the demo password.
	await logOut(page);
	await page.goto('/login?next=%2Fprofile');
	await page.getByLabel('Email').fill('mei.tanaka@litware.example');
	await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Simulated SAML sign-in for Litware' })
	).toBeVisible();
	await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(/\/profile$/);
	await expect(page.getByText('Managed by Litware')).toBeVisible();
});

test('P2/P3: the Demo page, with how to log in, has no axe violations, light, dark and 360 px', async ({
	page
}) => {
	await page.goto('/demo');
	await expect(page.getByRole('region', { name: 'How to log in' })).toBeVisible();
	for (const [scheme, width] of [
		['light', 1280],
		['dark', 1280],
		['light', 360],
		['dark', 360]
	] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width, height: 800 });
		const result = await new AxeBuilder({ page }).analyze();
		expect(result.violations, `Demo (${scheme}, ${width} px)`).toEqual([]);
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(wide, `page width at ${width} px`).toBeLessThanOrEqual(width);
	}
});
