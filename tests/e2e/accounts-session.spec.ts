/**
 * The login session and throttling on this device (A2, A3, X2): an idle session ends after
 * 30 minutes and a login lasts at most 12 hours (Playwright's clock), and repeated wrong
 * passwords slow down, then lock, even for the right password.
 */
import { expect, test } from '@playwright/test';
import { PASSWORD, expectLoggedIn, logIn, logOut, readyAccount } from './helpers/accounts';

test('A2: an idle session ends after 30 minutes; the Log in page says why', async ({ page }) => {
	await page.clock.install();
	await readyAccount(page, 'max@acme.com', 'Max');
	await page.clock.fastForward('29:00');
	await expectLoggedIn(page, 'max@acme.com');
	await page.clock.fastForward('02:00');
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Log in' })
		.click();
	await expect(
		page.getByText('You were logged out after 30 minutes without activity.')
	).toBeVisible();
});

test('A2: activity keeps a session going, but not past 12 hours', async ({ page }) => {
	await page.clock.install();
	await readyAccount(page, 'nia@acme.com', 'Nia');
	// Some activity every 25 minutes: 28 × 25 minutes is 11 h 40 min, still logged in.
	for (let i = 0; i < 28; i++) {
		await page.clock.fastForward('25:00');
		await page.keyboard.press('Shift');
	}
	await expectLoggedIn(page, 'nia@acme.com');
	await page.clock.fastForward('25:00');
	await page.keyboard.press('Shift');
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Log in' })
		.click();
	await expect(page.getByText('a login lasts at most 12 hours')).toBeVisible();
});

test('X2: repeated wrong passwords slow down, even the right password has to wait', async ({
	page
}) => {
	test.setTimeout(240_000);
	await readyAccount(page, 'ola@acme.com', 'Ola');
	await logOut(page);
	// Seven failures: the fifth to seventh must each wait out the delay the one before set
	// (1 s, 2 s, 4 s), which the retry does. After the seventh the next try waits 8 s, long
	// enough that reloading the Log in page on a busy machine still comes too early.
	for (let i = 0; i < 7; i++) {
		await expect(async () => {
			await logIn(page, 'ola@acme.com', `wrong ${i}`);
			await expect(page.getByRole('status')).toContainText(/do not match|Too many/);
			await expect(page.getByRole('status')).toContainText('do not match', { timeout: 500 });
		}).toPass({ timeout: 30_000 });
		await page.getByRole('button', { name: 'Dismiss message' }).click();
	}
	await logIn(page, 'ola@acme.com', PASSWORD);
	await expect(page.getByRole('status')).toContainText('Too many failed attempts');
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');
	// Once the wait is over, the right password logs in.
	await expect(async () => {
		await page.getByRole('button', { name: 'Log in' }).click();
		await expectLoggedIn(page, 'ola@acme.com');
	}).toPass({ timeout: 30_000 });
});
