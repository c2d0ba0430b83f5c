/**
 * O3, O4, A12, A13 in real Chromium, by role and label. An admin of Acme (acme.com verified
 * through Mail) sets a password policy and watches a weak password refused with the reason on
 * the field; requires two-step verification and watches a managed account's next log in
 * demand enrollment with a real TOTP code (the test is the authenticator app); expires
 * passwords (0 days) and watches the next log in demand a new one. The holder regenerates and
 * downloads recovery codes (sudo mode). axe finds nothing on both sections, light and dark,
 * at 360 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import {
	PASSWORD,
	currentStep,
	expectLoggedIn,
	logIn,
	logOut,
	openMail,
	readyAccount,
	signUp,
	totpCode,
	verifyThroughMail
} from './helpers/accounts';
import { announcement } from './helpers/demo';
import { createOrganization, verifyDomainByMail } from './helpers/organization';

const ADMIN = 'admin@acme.com';
const BOB = 'bob@acme.com';
const NEW_PASSWORD = 'plum orbit cactus lantern';

function section(page: Page, name: string) {
	return page.getByRole('region', { name });
}

/** Bob has an account on acme.com; the admin creates Acme and verifies acme.com through Mail. */
async function acme(page: Page): Promise<void> {
	await signUp(page, { email: BOB, name: 'Bob Brown' });
	await verifyThroughMail(page, BOB);
	await readyAccount(page, ADMIN, 'Ada Admin');
	await createOrganization(page, 'Acme');
	await verifyDomainByMail(page, 'acme.com', 'it@acme.com');
}

async function savePolicy(
	page: Page,
	policy: { strength: string; length: string; days: string }
): Promise<void> {
	await page.goto('/organization');
	const form = section(page, 'Password policy');
	await form.getByLabel('Minimum strength').fill(policy.strength);
	await form.getByLabel('Minimum length').fill(policy.length);
	await form.getByLabel('Expires after (days)').fill(policy.days);
	await form.getByRole('button', { name: 'Save policy' }).click();
	await expect(announcement(page)).toContainText('Password policy saved');
}

test('O3: a weak password is refused for a managed account, with the reason on the field', async ({
	page
}) => {
	test.slow();
	await acme(page);
	// Bad input first: the reason is on the field and nothing is saved.
	await page.goto('/organization');
	const form = section(page, 'Password policy');
	await form.getByLabel('Minimum length').fill('7');
	await form.getByRole('button', { name: 'Save policy' }).click();
	await expect(form.getByLabel('Minimum length')).toHaveAttribute('aria-invalid', 'true');
	await expect(form.getByText('Enter a whole number of characters from 8 to 64.')).toBeVisible();
	await savePolicy(page, { strength: '3', length: '16', days: '' });
	await logOut(page);

	// Sign up on the verified domain: too short, then too easy to guess.
	await page.goto('/signup');
	await page.getByLabel('Email').fill('new@acme.com');
	await page.getByLabel('Full name').fill('Nina New');
	const password = page.getByLabel('Password', { exact: true });
	// The policy is said before anything is typed.
	await expect(password).toHaveAccessibleDescription(
		/Acme asks for at least 16 characters and strength 3 of 4\./
	);
	await password.fill('Xq7!vR2#pL');
	await page.getByRole('button', { name: 'Sign up' }).click();
	await expect(password).toHaveAttribute('aria-invalid', 'true');
	await expect(
		page.getByText('At least 16 characters, required by Acme’s password policy.')
	).toBeVisible();
	await password.fill('qwertyuiopasdfgh');
	await page.getByRole('button', { name: 'Sign up' }).click();
	await expect(page.getByText(/Too easy to guess: Acme requires strength 3 of 4/)).toBeVisible();
	await expect(password).toHaveValue('qwertyuiopasdfgh');
	// A strong enough one signs up.
	await password.fill(NEW_PASSWORD);
	await page.getByRole('button', { name: 'Sign up' }).click();
	await expect(page.getByRole('heading', { name: 'Check your mail' })).toBeVisible();

	// A managed account's change is judged the same way (Profile → Security).
	await logIn(page, BOB);
	await expectLoggedIn(page, BOB);
	// Through the menu: a reload would drop this tab's vault key (X6) and ask the password.
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Profile' })
		.click();
	const change = page.getByLabel('New password');
	await change.fill('qwertyuiopasdfgh');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText(/Too easy to guess: Acme requires strength 3 of 4/)).toBeVisible();
});

test('O4: enforced two-step verification makes the next log in enroll with a real TOTP code', async ({
	page
}) => {
	test.slow();
	await acme(page);
	await page.goto('/organization');
	const box = section(page, 'Two-step verification').getByRole('checkbox', {
		name: 'Require two-step verification'
	});
	await box.check();
	await expect(announcement(page)).toContainText('Two-step verification is now required');
	await expect(box).toBeChecked();
	await logOut(page);

	await logIn(page, BOB);
	await expect(page.getByText('Your organization requires two-step verification')).toBeVisible();
	// Nothing else first: the session has not begun.
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');
	const key = await page.getByLabel('Setup key').inputValue();
	const step = currentStep();
	await page.getByLabel('Verification code').fill(totpCode(key, step));
	await page.getByRole('button', { name: 'Turn on' }).click();
	await expect(page.getByRole('list', { name: 'Recovery codes' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Download recovery codes' })).toBeVisible();
	await page.getByRole('button', { name: 'I saved my recovery codes' }).click();
	await expectLoggedIn(page, BOB);
	await logOut(page);

	// From now on the log in asks for the code, and enrollment is not asked again.
	await logIn(page, BOB);
	await page.getByLabel('Verification code').fill(totpCode(key, step + 1));
	await page.getByRole('button', { name: 'Verify' }).click();
	await expectLoggedIn(page, BOB);
	// A13: the holder was told.
	await openMail(page, BOB, 'Two-step verification is on');
});

test('O3/A12: an expired password makes the next log in ask for a new one first', async ({
	page
}) => {
	test.slow();
	await acme(page);
	await savePolicy(page, { strength: '2', length: '12', days: '0' });
	await logOut(page);

	await logIn(page, BOB);
	await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');
	const field = page.getByLabel('Password', { exact: true });
	await field.fill('short pw 1');
	await page.getByRole('button', { name: 'Save password' }).click();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await field.fill(NEW_PASSWORD);
	await page.getByRole('button', { name: 'Save password' }).click();
	await expectLoggedIn(page, BOB);
	// A13: the holder was told.
	await openMail(page, BOB, 'Your password was changed');
	await logOut(page);
	await logIn(page, BOB, NEW_PASSWORD);
	await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
});

test('A13/A12: regenerate recovery codes (sudo mode), download them; the old ones stop working', async ({
	page
}) => {
	test.slow();
	await page.clock.install();
	await readyAccount(page, BOB, 'Bob Brown');
	// Through the menu: a reload would drop this tab's vault key (X6) and ask the password.
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Profile' })
		.click();
	await page.getByRole('button', { name: 'Set up two-step verification' }).click();
	const key = await page.getByLabel('Setup key').inputValue();
	await page.getByLabel('Verification code').fill(totpCode(key, currentStep()));
	await page.getByRole('button', { name: 'Turn on' }).click();
	const list = page.getByRole('list', { name: 'Recovery codes' });
	// allInnerTexts does not wait: read the codes once all ten are shown.
	await expect(list.getByRole('listitem')).toHaveCount(10);
	const old = (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
	await page.getByRole('button', { name: 'I saved my recovery codes' }).click();

	// Eleven minutes later the password is asked again first (A12).
	await page.clock.fastForward('11:00');
	await page.getByRole('button', { name: 'Regenerate recovery codes' }).click();
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Confirm', exact: true }).click();
	await expect(list).toBeVisible();
	await expect(list.getByRole('listitem')).toHaveCount(10);
	const fresh = (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
	expect(fresh).toHaveLength(10);
	expect(fresh).not.toContain(old[0]);
	await expect(announcement(page)).toContainText('You have new recovery codes');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download recovery codes' }).click()
	]);
	expect(download.suggestedFilename()).toBe('tessera-recovery-codes-bob@acme.com.txt');
	const text = await readFile(await download.path(), 'utf8');
	for (const code of fresh) expect(text).toContain(code);
	await page.getByRole('button', { name: 'I saved my recovery codes' }).click();
	await openMail(page, BOB, 'You have new recovery codes');
	await logOut(page);

	// An old code no longer logs in; a new one does, and the holder is told (A13).
	await logIn(page, BOB);
	await page.getByLabel('Verification code').fill(old[0] ?? '');
	await page.getByRole('button', { name: 'Verify' }).click();
	await expect(page.getByText('That code is not right')).toBeVisible();
	await page.getByLabel('Verification code').fill(fresh[0] ?? '');
	await page.getByRole('button', { name: 'Verify' }).click();
	await expectLoggedIn(page, BOB);
	await openMail(page, BOB, 'A recovery code was used');
});

test('O3/O4: the policy sections have no axe violations, light and dark, at 360 px', async ({
	page
}) => {
	test.slow();
	await acme(page);
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto('/organization');
		await expect(section(page, 'Password policy')).toBeVisible();
		// With an error on a field too.
		await section(page, 'Password policy').getByLabel('Minimum strength').fill('9');
		await section(page, 'Password policy').getByRole('button', { name: 'Save policy' }).click();
		await expect(section(page, 'Password policy').getByLabel('Minimum strength')).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		for (const name of ['Password policy', 'Two-step verification']) {
			const result = await new AxeBuilder({ page })
				.include(
					`section[aria-labelledby="${await section(page, name).getAttribute('aria-labelledby')}"]`
				)
				.analyze();
			expect(result.violations, `${name} (${scheme}, 360 px)`).toEqual([]);
		}
	}
});
