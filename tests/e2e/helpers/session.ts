// Logging in for end-to-end tests: `loginAs` logs a demo account (ids and password fixed in
// demo-data.ts) in through the Log in form and opens a page; `logInThroughUi` stops at the
// form. X6: a session record written into localStorage by hand logs nobody in, so there is
// no shortcut past the real door (accounts-keys.spec.ts checks that).
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, demoPersonByEmail } from '../../../src/lib/core/demo-data';

/** Logs in as a demo account through the Log in page, then opens `path` (Licenses by default). */
export async function loginAs(page: Page, email: string, path = '/licenses'): Promise<void> {
	const person = demoPersonByEmail(email);
	if (person === undefined) throw new Error(`${email} is not a demo account`);
	await logInThroughUi(page, email);
	// Someone may have been logged in already: wait for this person's session, not any.
	const banner = page.getByRole('banner');
	await expect(banner).toContainText(`Logged in as ${person.name}`, { timeout: 15_000 });
	await page.goto(path);
	await expect(page.getByText(`Logged in as ${person.name}`)).toBeVisible();
}

/** Logs out through the shell's button. */
export async function logOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Log out' }).click();
	await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
}

/** Logs in through the Log in page with the demo password (needs issue 4's form). */
export async function logInThroughUi(page: Page, email: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Email', { exact: true }).fill(email);
	await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Log in', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible({ timeout: 15_000 });
}
