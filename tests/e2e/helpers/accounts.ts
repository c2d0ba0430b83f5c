// Steps the account end-to-end specs share, done the way a person does them: by label, role
// and the words of the UI vocabulary, through the simulated Mail client. Each test gets a fresh
// browser context, so a fresh IndexedDB: addresses need not be unique across tests.
import { expect, type Page } from '@playwright/test';
import { TOTP } from 'otpauth';

export const PASSWORD = 'correct horse battery staple';

export async function signUp(
	page: Page,
	account: { email: string; name: string; password?: string }
): Promise<void> {
	await page.goto('/signup');
	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Full name').fill(account.name);
	await page.getByLabel('Password', { exact: true }).fill(account.password ?? PASSWORD);
	await page.getByRole('button', { name: 'Sign up' }).click();
	await expect(page.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
}

/** Opens the newest message with that subject in the address's mailbox. */
export async function openMail(
	page: Page,
	address: string,
	subject: string | RegExp
): Promise<void> {
	await page.goto('/mail');
	await page.getByRole('link', { name: address, exact: true }).click();
	await page.getByRole('link', { name: subject, exact: true }).first().click();
	await expect(page.getByRole('heading', { level: 2, name: subject })).toBeVisible();
}

/** A link inside the open message (not the message list). */
export function mailLink(page: Page, name: string) {
	return page.getByRole('article').getByRole('link', { name });
}

export async function verifyThroughMail(page: Page, address: string): Promise<void> {
	await openMail(page, address, 'Verify your email address');
	await mailLink(page, 'Verify email').click();
	await expect(page.getByRole('status')).toContainText('is verified');
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Log in' }).click();
}

export async function expectLoggedIn(page: Page, email: string): Promise<void> {
	await expect(page.getByRole('banner')).toContainText(`Logged in as`);
	await expect(page.getByRole('banner')).toContainText(email);
}

export async function logOut(page: Page): Promise<void> {
	await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
	await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
}

/** A verified account, logged in. */
export async function readyAccount(
	page: Page,
	email: string,
	name = 'Alice Example'
): Promise<void> {
	await signUp(page, { email, name });
	await verifyThroughMail(page, email);
	await logIn(page, email);
	await expectLoggedIn(page, email);
}

/** The code an authenticator app shows for a 30-second step (RFC 6238, SHA1, 6 digits). */
export function totpCode(secret: string, step: number): string {
	return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({
		timestamp: step * 30_000
	});
}

export function currentStep(): number {
	return Math.floor(Date.now() / 30_000);
}
