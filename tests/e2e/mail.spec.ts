/**
 * Mail (UI vocabulary) and P1 for accounts: the simulated mail client is reachable while logged out
 * and says it is simulated; and the whole account journey (sign up, verify, log in, two-step
 * enrolment with its lazily loaded QR code and strength meter) works with the network off.
 */
import { expect, test } from '@playwright/test';
import {
	currentStep,
	expectLoggedIn,
	logIn,
	signUp,
	totpCode,
	verifyThroughMail
} from './helpers/accounts';

test('Mail is reachable logged out, labelled simulated, and says when there is no mail', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mail' })).toBeVisible();
	await expect(page.getByText('Simulated mail.')).toBeVisible();
	await expect(page.getByText('No mail yet.')).toBeVisible();
});

test('P1: offline, sign up, verify through Mail, log in and enrol in two-step verification', async ({
	page,
	context
}) => {
	await page.goto('/');
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 15_000
	});
	await context.setOffline(true);

	await page.goto('/signup');
	await page.getByLabel('Password', { exact: true }).fill('an offline passphrase');
	// The strength meter's dictionaries load lazily, from the service worker's cache.
	await expect(page.getByText('Strength:')).toBeVisible();
	await signUp(page, { email: 'olga@acme.com', name: 'Olga' });
	await verifyThroughMail(page, 'olga@acme.com');
	await logIn(page, 'olga@acme.com');
	await expectLoggedIn(page, 'olga@acme.com');

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Profile' })
		.click();
	await page.getByRole('button', { name: 'Set up two-step verification' }).click();
	await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
	const key = await page.getByLabel('Setup key').inputValue();
	await page.getByLabel('Verification code').fill(totpCode(key, currentStep()));
	await page.getByRole('button', { name: 'Turn on' }).click();
	await expect(page.getByRole('list', { name: 'Recovery codes' })).toBeVisible();
});
