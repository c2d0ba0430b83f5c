/**
 * A3, A5, A12: Profile in real Chromium: full name and avatar, email change confirmed through
 * Mail, password change, sudo mode after ten minutes (Playwright's clock), and every form's
 * bad input explained under its field with what was typed kept.
 */
import { crc32, deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import {
	PASSWORD,
	expectLoggedIn,
	logIn,
	logOut,
	mailLink,
	openMail,
	readyAccount,
	signUp
} from './helpers/accounts';

/** A real PNG of `width` × `height` pixels in two colours, made the way the format says. */
function png(width: number, height: number): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body), body.length + 4);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	const rows = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			rows.set(x < width / 2 ? [200, 40, 40] : [40, 40, 200], y * (width * 3 + 1) + 1 + x * 3);
		}
	}
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

async function profile(page: Page): Promise<void> {
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Profile' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
}

test('A5: change the full name (bad input kept) and the avatar', async ({ page }) => {
	await readyAccount(page, 'hana@acme.com', 'Hana');
	await profile(page);
	const name = page.getByLabel('Full name');
	await expect(name).toHaveValue('Hana');
	await name.fill('   ');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Enter your full name.')).toBeVisible();
	await expect(name).toBeFocused();
	await name.fill('Hana Kim');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByRole('status')).toContainText('Your full name is now Hana Kim');
	await expect(page.getByRole('banner')).toContainText('Hana Kim');

	const picker = page.getByLabel('Avatar image');
	await picker.setInputFiles({
		name: 'notes.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('hi')
	});
	await expect(page.getByText('Choose a PNG, JPEG, GIF or WebP image.')).toBeVisible();
	await picker.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png(300, 200) });
	const avatar = page.getByRole('img', { name: 'Your avatar' });
	await expect(avatar).toHaveAttribute('src', /^data:image\/png;base64,/);
	expect(await avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(128);
	await page.getByRole('button', { name: 'Remove avatar' }).click();
	await expect(avatar).toHaveCount(0);
	await expect(
		page.getByText('Accounts can never be combined or merged', { exact: false })
	).toBeVisible();
});

test('A5: a new email takes effect only through the link mailed to it', async ({ page }) => {
	await signUp(page, { email: 'ivan@gmail.com', name: 'Ivan' });
	await readyAccount(page, 'ivan@acme.com', 'Ivan');
	await profile(page);
	const field = page.getByLabel('New email address');
	const send = page.getByRole('button', { name: 'Send confirmation link' });
	await field.fill('ivan@');
	await send.click();
	await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible();
	await expect(field).toHaveValue('ivan@');
	await field.fill('IVAN@gmail.com');
	await send.click();
	await expect(page.getByText('Another account already uses this email address')).toBeVisible();

	await field.fill('ivan@newco.com');
	await send.click();
	await expect(page.getByRole('status')).toContainText(
		'We sent a confirmation link to ivan@newco.com'
	);
	await expect(page.getByText('Waiting for confirmation')).toBeVisible();
	await expect(page.getByRole('banner')).toContainText('ivan@acme.com');

	await openMail(page, 'ivan@newco.com', 'Confirm your new email address');
	await mailLink(page, 'Confirm new address').click();
	await expect(page.getByRole('status')).toContainText('Your email address is now ivan@newco.com');
	await expect(page.getByRole('banner')).toContainText('ivan@newco.com');
	await openMail(page, 'ivan@acme.com', 'Your account has a new email address');
	await logOut(page);
	await logIn(page, 'ivan@acme.com');
	await expect(page.getByRole('status')).toContainText('do not match');
	await logIn(page, 'ivan@newco.com');
	await expectLoggedIn(page, 'ivan@newco.com');
});

test('A12: after ten minutes, changing the password asks for the current one first', async ({
	page
}) => {
	await page.clock.install();
	await readyAccount(page, 'jo@acme.com', 'Jo');
	await profile(page);
	const next = page.getByLabel('New password');
	const change = page.getByRole('button', { name: 'Change password' });
	await next.fill('short');
	await change.click();
	await expect(page.getByText('Use at least 8 characters')).toBeVisible();
	await expect(next).toHaveValue('short');

	await page.clock.fastForward('11:00');
	await next.fill('another long passphrase here');
	await change.click();
	await expect(page.getByRole('heading', { name: 'Confirm it’s you' })).toBeVisible();
	const current = page.getByLabel('Password', { exact: true });
	await expect(current).toBeFocused();
	await current.fill('wrong password');
	await page.getByRole('button', { name: 'Confirm', exact: true }).click();
	await expect(page.getByText('That password is not right.')).toBeVisible();
	await current.fill(PASSWORD);
	await page.getByRole('button', { name: 'Confirm', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Your password is changed');
	await logOut(page);
	await logIn(page, 'jo@acme.com', 'another long passphrase here');
	await expectLoggedIn(page, 'jo@acme.com');
});

test('A3: switching account is logging out and in; Profile needs a login', async ({ page }) => {
	await signUp(page, { email: 'kim@gmail.com', name: 'Kim Home' });
	await readyAccount(page, 'kim@acme.com', 'Kim Work');
	await profile(page);
	await page.getByRole('button', { name: 'Switch account' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');
	await profile(page);
	await expect(page.getByText('Log in to see and change your account.')).toBeVisible();
});

test('every account form explains bad input under its field and keeps what was typed', async ({
	page
}) => {
	await page.goto('/signup');
	await page.getByLabel('Email').fill('not an email');
	await page.getByLabel('Password', { exact: true }).fill('1234');
	await page.getByRole('button', { name: 'Sign up' }).click();
	await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Email')).toBeFocused();
	await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/name@example\.com/);
	await expect(page.getByLabel('Full name')).toHaveAccessibleDescription(/Enter your full name/);
	await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(
		/at least 8 characters/
	);
	await expect(page.getByLabel('Email')).toHaveValue('not an email');
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('1234');

	// NIST 800-63B: no composition rules, but one of the most common passwords is refused.
	await page.getByLabel('Email').fill('lee@acme.com');
	await page.getByLabel('Full name').fill('Lee');
	await page.getByLabel('Password', { exact: true }).fill('password');
	await page.getByRole('button', { name: 'Sign up' }).click();
	await expect(page.getByText('Choose a harder password.')).toBeVisible();

	await page.goto('/login');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByText('Enter an email address.')).toBeVisible();
	await expect(page.getByText('Enter your password.')).toBeVisible();

	await page.goto('/cant-log-in');
	await page.getByLabel('Email').fill('lee@');
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/name@example\.com/);
	await expect(page.getByLabel('Email')).toHaveValue('lee@');

	await page.goto('/reset?token=made-up');
	await expect(page.getByRole('alert')).toContainText('not valid');
});
