/**
 * S9 and X4 end to end (issue 9, faults 6 and 7e): someone whose name carries a right-to-left
 * override (U+202E) signs up and changes their password on device A. The header shows the
 * name isolated, so the email beside it stays in place. Device B previews A's file: the
 * password change is listed first and marked "Sensitive" in words, every change type is
 * counted, the names sit in <bdi>, and axe finds nothing in light or dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { PASSWORD, readyAccount } from './helpers/accounts';
import { announcement } from './helpers/demo';

const EVIL = 'Eve \u202eevil';
const EMAIL = 'eve@acme.com';
const PASSPHRASE = 'correct horse battery staple';

async function newDevice(browser: Browser): Promise<Page> {
	return (await browser.newContext()).newPage();
}

async function openSync(page: Page): Promise<void> {
	await page.goto('/sync');
	await expect(page.getByTestId('queue-count')).not.toContainText('Counting');
}

test('S9/X4: a password change is previewed first and marked; a U+202E name reorders nothing', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const a = await newDevice(browser);
	await readyAccount(a, EMAIL, EVIL);

	// The header: name and email each isolated, the email still after the name on the line.
	const who = a.getByRole('banner').locator('bdi');
	await expect(who.nth(0)).toHaveText(EVIL);
	await expect(who.nth(1)).toHaveText(EMAIL);
	const [name, email] = [await who.nth(0).boundingBox(), await who.nth(1).boundingBox()];
	expect(name && email && name.x + name.width <= email.x).toBe(true);

	await a.goto('/profile');
	await a.getByLabel('New password').fill('another long passphrase here');
	await a.getByRole('button', { name: 'Change password' }).click();
	// The page was loaded again after logging in, so this tab does not hold the account key
	// that the new password re-seals (X6): it asks for the password once.
	const confirm = a.getByRole('form', { name: 'Confirm it’s you' });
	await confirm.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await confirm.getByRole('button', { name: 'Confirm' }).click();
	await expect(announcement(a)).toContainText('Your password is changed');

	await openSync(a);
	await a.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	const download = a.waitForEvent('download');
	await a.getByRole('button', { name: 'Export changes' }).click();
	const path = test.info().outputPath('eve.json');
	await (await download).saveAs(path);

	const b = await newDevice(browser);
	await openSync(b);
	await b.getByLabel('Import changes').setInputFiles(path);
	const dialog = b.getByRole('dialog');
	await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
	await dialog.getByRole('button', { name: 'Open' }).click();
	await expect(dialog).toHaveAccessibleName(/^Preview of /);

	const sensitive = dialog.getByRole('list', { name: /^Sensitive changes/ });
	// Eve's sign-up enrolled device A (X6), itself sensitive; the password change is there too.
	await expect(sensitive.getByRole('listitem')).toHaveCount(2);
	await expect(sensitive.getByRole('listitem').first()).toContainText(
		`Sensitive Enroll a device for ${EVIL} (${EMAIL})`
	);
	await expect(sensitive.getByRole('listitem').nth(1)).toContainText(
		`Sensitive Change the password of ${EVIL} (${EMAIL})`
	);
	const kinds = dialog.getByRole('list', { name: 'What the changes are' });
	await expect(kinds).toContainText('Sensitive 1 password change');
	await expect(kinds).toContainText('1 new account');
	const accounts = dialog.getByRole('list', { name: 'Accounts they touch' });
	await expect(accounts.locator('bdi').first()).toHaveText(EVIL);

	for (const scheme of ['light', 'dark'] as const) {
		await b.emulateMedia({ colorScheme: scheme });
		const result = await new AxeBuilder({ page: b }).analyze();
		expect(result.violations, `Preview (${scheme})`).toEqual([]);
	}
	await dialog.getByRole('button', { name: 'Apply' }).click();
	await expect(announcement(b)).toContainText('Imported');
});
