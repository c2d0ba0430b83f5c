/**
 * A4 + C4 and A8 through the real Licenses and Handover pages: an account created for an
 * added contact chooses its first password through "Can't log in?", and deleting an account
 * is refused while it is a primary contact, then allowed once its licenses are handed over.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	expectLoggedIn,
	logIn,
	logOut,
	mailLink,
	openMail,
	readyAccount,
	signUp
} from './helpers/accounts';

/** Starts a server license from the Licenses page and opens its details; answers its SEN. */
async function startLicense(page: Page): Promise<string> {
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Licenses' })
		.click();
	await page.getByRole('button', { name: 'Start a license' }).click();
	await page.getByRole('button', { name: 'Start license' }).click();
	await expect(page.getByRole('status')).toContainText('Started license');
	const text = (await page.getByRole('status').textContent()) ?? '';
	const sen = /SEN-\d+/.exec(text)?.[0] ?? '';
	expect(sen).not.toBe('');
	// A new license is shown with its details open; open them if not.
	const toggle = page
		.getByRole('region', { name: sen })
		.getByRole('button', { name: /details of/i });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	return sen;
}

async function addBillingContact(page: Page, sen: string, email: string, name?: string) {
	const card = page.getByRole('region', { name: sen });
	const form = card.locator('form').filter({ has: page.getByLabel('Billing contact email') });
	await form.getByLabel('Billing contact email').fill(email);
	if (name !== undefined) await form.getByLabel('Full name').fill(name);
	await form.getByRole('button', { name: 'Add' }).click();
	await expect(card.getByRole('list').filter({ hasText: email }).first()).toBeVisible();
}

test('A4/C4: an invited account chooses its first password through “Can’t log in?”', async ({
	page
}) => {
	await readyAccount(page, 'alice@acme.com', 'Alice');
	const sen = await startLicense(page);
	await addBillingContact(page, sen, 'newbie@acme.com', 'New Bie');
	await logOut(page);

	await logIn(page, 'newbie@acme.com', 'any password at all');
	await expect(page.getByRole('status')).toContainText('do not match');

	await openMail(page, 'newbie@acme.com', /^You are now a billing contact for/);
	await mailLink(page, 'Set your password').click();
	await expect(page.getByLabel('Email')).toHaveValue('newbie@acme.com');
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await expect(page.getByRole('status')).toContainText('If an account uses newbie@acme.com');
	await openMail(page, 'newbie@acme.com', 'Choose a new password');
	await mailLink(page, 'Choose a new password').click();
	await page.getByLabel('Password', { exact: true }).fill('my very first passphrase');
	await page.getByRole('button', { name: 'Save password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password is saved');
	// The mailed link proved the address: no verification step.
	await logIn(page, 'newbie@acme.com', 'my very first passphrase');
	await expectLoggedIn(page, 'newbie@acme.com');
	await expect(page.getByRole('region', { name: sen })).toBeVisible();
});

test('A8: Delete account is refused while primary contact, and allowed after a handover', async ({
	page
}) => {
	await signUp(page, { email: 'bob@acme.com', name: 'Bob' });
	await readyAccount(page, 'alice@acme.com', 'Alice');
	const sen = await startLicense(page);
	await addBillingContact(page, sen, 'bob@acme.com');

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Profile' })
		.click();
	await page.getByRole('button', { name: 'Delete account' }).click();
	await expect(page.getByRole('status')).toContainText('can’t be deleted yet');
	const blocking = page.getByRole('list', { name: 'Licenses where you are a primary contact' });
	await expect(blocking.getByRole('listitem')).toHaveCount(2);
	const link = blocking.getByRole('link').first();
	await expect(link).toHaveAttribute('href', `/licenses?sen=${sen}`);
	await expect(link).toContainText(sen);

	await page.goto('/handover');
	await page.getByLabel('Person leaving').selectOption({ label: 'Alice (alice@acme.com)' });
	await page.getByLabel('Successor’s email').fill('bob@acme.com');
	await page.getByRole('button', { name: 'Preview handover' }).click();
	await page.getByRole('button', { name: 'Hand over', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(/hand/i);

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Profile' })
		.click();
	await page.getByRole('button', { name: 'Delete account' }).click();
	await page.getByRole('button', { name: 'Yes, delete account' }).click();
	await expect(page.getByRole('status')).toContainText('was deleted');
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');
	await logIn(page, 'alice@acme.com');
	await expect(page.getByRole('status')).toContainText('do not match');
	await openMail(page, 'alice@acme.com', 'Your account was deleted');
});
