/**
 * A1, A2, A4, A12: sign up, verify through Mail, log in; reset a password through Mail;
 * invited accounts (C4) choose their first password the same way. Real Chromium, real
 * IndexedDB, PBKDF2 at 600,000 iterations.
 */
import { expect, test } from '@playwright/test';
import {
	PASSWORD,
	expectLoggedIn,
	logIn,
	logOut,
	mailLink,
	openMail,
	readyAccount,
	signUp,
	verifyThroughMail
} from './helpers/accounts';

test('A1/A2: sign up, verify through Mail, log in, log out', async ({ page }) => {
	await signUp(page, { email: 'alice@acme.com', name: 'Alice Example' });
	// A12: an unverified account cannot start a session.
	await logIn(page, 'alice@acme.com');
	await expect(
		page.getByRole('heading', { name: 'Verify your email address first' })
	).toBeVisible();
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');
	await page.getByRole('button', { name: 'Resend verification email' }).click();
	await expect(page.getByRole('status')).toContainText('new verification link');

	await page.getByRole('link', { name: 'Mail', exact: true }).first().click();
	await expect(page.getByText('Simulated mail')).toBeVisible();
	await verifyThroughMail(page, 'alice@acme.com');
	await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
	await expect(page.getByLabel('Email')).toHaveValue('alice@acme.com');
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expectLoggedIn(page, 'alice@acme.com');
	await logOut(page);
});

test('A1: the mail client lists every address, newest message first, and only the newest link verifies', async ({
	page
}) => {
	await signUp(page, { email: 'bob@acme.com', name: 'Bob' });
	await signUp(page, { email: 'carol@gmail.com', name: 'Carol' });
	await page.goto('/mail');
	await expect(page.getByRole('link', { name: 'bob@acme.com' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'carol@gmail.com' })).toBeVisible();
	await openMail(page, 'bob@acme.com', 'Verify your email address');
	const oldLink = await mailLink(page, 'Verify email').getAttribute('href');
	await logIn(page, 'bob@acme.com');
	await page.getByRole('button', { name: 'Resend verification email' }).click();
	await expect(page.getByRole('status')).toContainText('new verification link');
	await page.goto(oldLink ?? '/verify');
	await expect(page.getByRole('status')).toContainText('not valid any more');
	await verifyThroughMail(page, 'bob@acme.com');
});

test('A1: an address already taken gets a clear message by the Email field', async ({ page }) => {
	await signUp(page, { email: 'dave@acme.com', name: 'Dave' });
	await page.goto('/signup');
	await page.getByLabel('Email').fill('DAVE@acme.com');
	await page.getByLabel('Full name').fill('Other Dave');
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign up' }).click();
	const email = page.getByLabel('Email');
	await expect(email).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Another account already uses this email address')).toBeVisible();
	await expect(email).toHaveValue('DAVE@acme.com');
	await expect(page.getByLabel('Full name')).toHaveValue('Other Dave');
});

test('A2: a wrong password and an unknown address get the same message', async ({ page }) => {
	await readyAccount(page, 'erin@acme.com', 'Erin');
	await logOut(page);
	await logIn(page, 'erin@acme.com', 'not the password');
	const words = 'That email and password do not match an account';
	await expect(page.getByRole('status')).toContainText(words);
	await expect(page.getByLabel('Email')).toHaveValue('erin@acme.com');
	await logIn(page, 'nobody@acme.com', PASSWORD);
	await expect(page.getByRole('status')).toContainText(words);
});

test("A4: Can't log in? mails a single-use link that sets a new password", async ({ page }) => {
	await readyAccount(page, 'fay@acme.com', 'Fay');
	await logOut(page);
	await page.goto('/login');
	await page.getByLabel('Email').fill('fay@acme.com');
	await page.getByRole('link', { name: "Can't log in?" }).click();
	await expect(page.getByLabel('Email')).toHaveValue('fay@acme.com');
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await expect(page.getByRole('status')).toContainText('If an account uses fay@acme.com');

	await openMail(page, 'fay@acme.com', 'Choose a new password');
	const link = mailLink(page, 'Choose a new password');
	const href = (await link.getAttribute('href')) ?? '';
	await link.click();
	await expect(page.getByText('For fay@acme.com')).toBeVisible();
	await page.getByLabel('Password', { exact: true }).fill('a fresh and rather long passphrase');
	await page.getByRole('button', { name: 'Save password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password is saved');

	await page.goto(href);
	await expect(page.getByRole('alert')).toContainText('already used');

	await logIn(page, 'fay@acme.com', PASSWORD);
	await expect(page.getByRole('status')).toContainText('do not match');
	await logIn(page, 'fay@acme.com', 'a fresh and rather long passphrase');
	await expectLoggedIn(page, 'fay@acme.com');
});
