// Logging in for end-to-end tests. `loginAs` writes the device's session record the way a
// successful login does (src/lib/app/session.ts) for a demo account, whose ids are fixed in
// demo-data.ts; `logInThroughUi` uses the Log in form with the demo password, for the tests
// that must go through the real door.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, demoPersonByEmail } from '../../../src/lib/core/demo-data';

const SESSION_KEY = 'tessera.session';

/** Logs in as a demo account by session record, then opens `path` (Licenses by default). */
export async function loginAs(page: Page, email: string, path = '/licenses'): Promise<void> {
	const person = demoPersonByEmail(email);
	if (person === undefined) throw new Error(`${email} is not a demo account`);
	if (page.url() === 'about:blank') await page.goto('/');
	const now = Date.now();
	const record = {
		accountId: person.id,
		email: person.email,
		name: person.name,
		startedAt: now,
		lastActiveAt: now,
		authAt: now
	};
	await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
		SESSION_KEY,
		JSON.stringify(record)
	] as const);
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
