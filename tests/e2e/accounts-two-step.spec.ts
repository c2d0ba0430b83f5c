/**
 * A2, A5, X2: two-step verification in real Chromium. The test is the authenticator app: it
 * reads the Setup key and computes RFC 6238 codes with the `otpauth` package.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	currentStep,
	expectLoggedIn,
	logIn,
	logOut,
	readyAccount,
	totpCode
} from './helpers/accounts';

const EMAIL = 'gina@acme.com';

async function enrol(page: Page): Promise<{ key: string; step: number; codes: string[] }> {
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Profile' })
		.click();
	await expect(page.getByRole('heading', { level: 2, name: 'Security' })).toBeVisible();
	await page.getByRole('button', { name: 'Set up two-step verification' }).click();
	const qr = page.getByRole('img', { name: /QR code/ });
	await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
	const key = await page.getByLabel('Setup key').inputValue();
	expect(key).toMatch(/^[A-Z2-7]{32}$/);

	// Bad input is explained under the field and kept.
	const field = page.getByLabel('Verification code');
	await field.fill('12 34');
	await page.getByRole('button', { name: 'Turn on' }).click();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveValue('12 34');
	await expect(page.getByText('Enter the 6 digits your authenticator app shows')).toBeVisible();

	const step = currentStep();
	await field.fill(totpCode(key, step));
	await page.getByRole('button', { name: 'Turn on' }).click();
	const list = page.getByRole('list', { name: 'Recovery codes' });
	await expect(list).toBeVisible();
	const codes = (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
	expect(codes).toHaveLength(10);
	await page.getByRole('button', { name: 'I saved my recovery codes' }).click();
	await expect(page.getByText('10 recovery codes left')).toBeVisible();
	return { key, step, codes };
}

async function secondStep(page: Page, code: string): Promise<void> {
	await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
	await page.getByLabel('Verification code').fill(code);
	await page.getByRole('button', { name: 'Verify' }).click();
}

test('A2/X2: enrol by the Setup key, log in with a code once; reuse is refused', async ({
	page
}) => {
	await readyAccount(page, EMAIL, 'Gina');
	const { key, step, codes } = await enrol(page);
	await logOut(page);

	// The enrolment code's step is spent; the app's next code is accepted once.
	const next = totpCode(key, step + 1);
	await logIn(page, EMAIL);
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');
	await secondStep(page, next);
	await expectLoggedIn(page, EMAIL);
	await logOut(page);

	await logIn(page, EMAIL);
	await secondStep(page, next);
	await expect(page.getByText('That code was already used')).toBeVisible();
	await expect(page.getByLabel('Verification code')).toHaveValue(next);
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');

	// A recovery code instead works, once.
	await page.getByLabel('Verification code').fill(codes[0] ?? '');
	await page.getByRole('button', { name: 'Verify' }).click();
	await expectLoggedIn(page, EMAIL);
	await expect(page.getByRole('status')).toContainText('you have 9 left');
	await logOut(page);

	await logIn(page, EMAIL);
	await secondStep(page, codes[0] ?? '');
	await expect(page.getByText('That code is not right')).toBeVisible();
	await secondStep(page, codes[1] ?? '');
	await expectLoggedIn(page, EMAIL);
});

test('A5: turning two-step verification off asks for a code', async ({ page }) => {
	await readyAccount(page, EMAIL, 'Gina');
	const { codes } = await enrol(page);
	await page.getByRole('button', { name: 'Turn off two-step verification' }).click();
	const field = page.getByLabel('Verification code');
	await field.fill('000000');
	await page.getByRole('button', { name: 'Turn off two-step verification' }).click();
	await expect(page.getByText('That code is not right')).toBeVisible();
	await field.fill(codes[4] ?? '');
	await page.getByRole('button', { name: 'Turn off two-step verification' }).click();
	await expect(page.getByRole('status')).toContainText('Two-step verification is off');
	await expect(page.getByRole('button', { name: 'Set up two-step verification' })).toBeVisible();
	await logOut(page);
	await logIn(page, EMAIL);
	await expectLoggedIn(page, EMAIL);
});
