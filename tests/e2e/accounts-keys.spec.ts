/**
 * X6 in real Chromium: a session record written into localStorage by hand (what anyone at
 * the keyboard can do with developer tools), or copied from another device, logs nobody in;
 * and a password reset of an account with two-step verification on asks for a recovery code,
 * then turns two-step verification off and says so by mail.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PEOPLE } from '../../src/lib/core/demo-data';
import {
	currentStep,
	expectLoggedIn,
	logIn,
	logOut,
	mailLink,
	openMail,
	readyAccount,
	totpCode
} from './helpers/accounts';
import { loadDemo } from './helpers/demo';
import { loginAs } from './helpers/session';

// Demo loads and full-cost log ins (X1, two PBKDF2 each since X6) on a shared machine.
test.describe.configure({ timeout: 90_000 });

const KEY = 'tessera.session';
const OLIVIA = 'olivia.park@northwind.example';

async function writeSession(page: Page, record: unknown): Promise<void> {
	await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
		KEY,
		JSON.stringify(record)
	] as const);
}

async function expectLoggedOut(page: Page): Promise<void> {
	await page.goto('/licenses');
	await expect(page.getByText('Log in to see the licenses')).toBeVisible();
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');
}

test('X6: a session record written into localStorage by hand logs nobody in', async ({ page }) => {
	await loadDemo(page);
	const olivia = DEMO_PEOPLE.find((p) => p.email === OLIVIA);
	if (olivia === undefined) throw new Error('no Olivia in the demo');
	const now = Date.now();
	const forged = {
		accountId: olivia.id,
		email: olivia.email,
		name: olivia.name,
		startedAt: now,
		lastActiveAt: now,
		authAt: now
	};
	await writeSession(page, forged);
	await expectLoggedOut(page);
	await writeSession(page, { ...forged, proof: 'S'.repeat(86) });
	await expectLoggedOut(page);

	// Olivia's own record from a real log in is accepted; pointed at another account, it is not.
	await loginAs(page, OLIVIA);
	const real = await page.evaluate((key) => localStorage.getItem(key), KEY);
	const record: unknown = JSON.parse(real ?? 'null');
	const sam = DEMO_PEOPLE.find((p) => p.email === 'sam.lee@northwind.example');
	if (typeof record !== 'object' || record === null || sam === undefined) throw new Error('none');
	await writeSession(page, { ...record, accountId: sam.id, email: sam.email, name: sam.name });
	await expectLoggedOut(page);
});

test('X6: a real session record copied to another device logs nobody in there', async ({
	browser
}) => {
	const first = await browser.newContext();
	const a = await first.newPage();
	await loadDemo(a);
	await loginAs(a, OLIVIA);
	const real = await a.evaluate((key) => localStorage.getItem(key), KEY);
	await first.close();

	const second = await browser.newContext();
	const b = await second.newPage();
	await loadDemo(b);
	await b.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, real ?? ''] as const);
	await expectLoggedOut(b);
	await second.close();
});

test('X6/A4/A2: a reset with two-step on asks for a recovery code and turns two-step off', async ({
	page
}) => {
	const email = 'quinn@acme.com';
	await readyAccount(page, email, 'Quinn');
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Profile' })
		.click();
	await page.getByRole('button', { name: 'Set up two-step verification' }).click();
	const key = await page.getByLabel('Setup key').inputValue();
	await page.getByLabel('Verification code').fill(totpCode(key, currentStep()));
	await page.getByRole('button', { name: 'Turn on' }).click();
	const list = page.getByRole('list', { name: 'Recovery codes' });
	await expect(list.getByRole('listitem')).toHaveCount(10);
	const codes = (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
	await page.getByRole('button', { name: 'I saved my recovery codes' }).click();
	await logOut(page);

	await page.goto(`/cant-log-in?email=${encodeURIComponent(email)}`);
	await page.getByRole('button', { name: 'Send reset link' }).click();
	// The request is written before the page answers; leaving earlier cancels it.
	await expect(page.getByRole('status')).toContainText(`If an account uses ${email}`);
	await openMail(page, email, 'Choose a new password');
	await mailLink(page, 'Choose a new password').click();
	const recovery = page.getByLabel('Recovery code');
	await expect(recovery).toBeVisible();
	const password = page.getByLabel('Password', { exact: true });
	await password.fill('a fresh and rather long passphrase');
	await recovery.fill('aaaa-bbbb-cccc');
	await page.getByRole('button', { name: 'Save password' }).click();
	await expect(
		page.getByText('That recovery code is not valid or was already used.')
	).toBeVisible();
	await expect(recovery).toHaveValue('aaaa-bbbb-cccc');
	await recovery.fill(codes[0] ?? '');
	await page.getByRole('button', { name: 'Save password' }).click();
	await expect(page.getByRole('status')).toContainText('two-step verification is off');

	await openMail(page, email, 'Two-step verification is off');
	await logIn(page, email, 'a fresh and rather long passphrase');
	await expectLoggedIn(page, email);
});
