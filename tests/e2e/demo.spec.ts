/**
 * P3/P4: "Load demo data" builds the demo organization with progress and says how long it
 * took; the Demo page lists the accounts with their (demo-only) password; "Reset" asks for
 * confirmation, removes everything and logs out.
 */
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/lib/core/demo-data';
import { announcement, loadDemo } from './helpers/demo';
import { loginAs } from './helpers/session';

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
