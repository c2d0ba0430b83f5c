/**
 * O2, A6, A8, A13 in real Chromium, by role and label (docs/rules.md "UI vocabulary"): an
 * existing account becomes managed once its domain is verified (its Profile says "Managed by",
 * it can no longer change its email); the admin resets its two-step verification, deactivates
 * it (its log in is refused with the reason), reactivates it (it logs in) and changes its
 * email; each action mails the holder a notice. axe checks the section light and dark at 360 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
	currentStep,
	expectLoggedIn,
	logIn,
	logOut,
	openMail,
	readyAccount,
	totpCode
} from './helpers/accounts';
import { announcement } from './helpers/demo';
import { createOrganization, verifyDomainByMail } from './helpers/organization';

const ORG = 'Acme Corp';
const DOMAIN = 'acme-corp.example';
const ADMIN = `ada@${DOMAIN}`;
const BOB = `bob@${DOMAIN}`;
const ROBERT = `robert@${DOMAIN}`;

/** The admin's Managed accounts section on the Organization page. */
async function managedAccounts(page: Page) {
	await page.goto('/organization');
	const section = page.getByRole('region', { name: 'Managed accounts' });
	await expect(section).toBeVisible();
	return section;
}

/** One account's row in the section, found through the search field as an admin would. */
async function rowOf(page: Page, email: string) {
	const section = await managedAccounts(page);
	await section.getByLabel('Search accounts').fill(email);
	const row = section.getByRole('listitem', { name: email });
	await expect(row).toBeVisible();
	return row;
}

async function confirm(page: Page, button: string): Promise<void> {
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: button }).click();
}

/** bob turns on two-step verification from his Profile (the holder may, A6). */
async function enrolBob(page: Page): Promise<{ key: string; step: number }> {
	// Through the menu, not a reload: this tab keeps the account key the log in opened (X6).
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Profile' })
		.click();
	await page.getByRole('button', { name: 'Set up two-step verification' }).click();
	const key = await page.getByLabel('Setup key').inputValue();
	const step = currentStep();
	await page.getByLabel('Verification code').fill(totpCode(key, step));
	await page.getByRole('button', { name: 'Turn on' }).click();
	await page.getByRole('button', { name: 'I saved my recovery codes' }).click();
	await expect(page.getByText('10 recovery codes left')).toBeVisible();
	return { key, step };
}

test('O2/A6: an existing account becomes managed; the admin resets, deactivates, reactivates and renames it', async ({
	page
}) => {
	test.slow(); // six full-cost log ins (PBKDF2) and a domain verification through Mail
	await readyAccount(page, BOB, 'Bob Brown');
	const { key, step } = await enrolBob(page);
	await expect(page.getByText(/Managed by/)).toHaveCount(0);
	await logOut(page);

	await readyAccount(page, ADMIN, 'Ada Admin');
	await createOrganization(page, ORG);
	await verifyDomainByMail(page, DOMAIN, `it@${DOMAIN}`);
	await logOut(page);

	// A6: bob's Profile now names the organization; his email and deletion are an admin's.
	await logIn(page, BOB);
	await page.getByLabel('Verification code').fill(totpCode(key, step + 1));
	await page.getByRole('button', { name: 'Verify' }).click();
	await expectLoggedIn(page, BOB);
	await page.goto('/profile');
	await expect(page.getByText(`Managed by ${ORG}`)).toBeVisible();
	const email = page.getByRole('region', { name: 'Email address' });
	await expect(email).toContainText(
		`An admin of ${ORG} changes the email address of this account.`
	);
	await expect(email.getByRole('textbox')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Delete account' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Turn off two-step verification' })).toHaveCount(0);
	await logOut(page);

	// O2: the admin resets bob's two-step verification, then deactivates him (both confirmed).
	await logIn(page, ADMIN);
	await expectLoggedIn(page, ADMIN);
	let row = await rowOf(page, BOB);
	await expect(row).toContainText('Two-step on');
	await row.getByRole('button', { name: 'Reset two-step verification' }).click();
	await confirm(page, 'Reset two-step verification');
	await expect(announcement(page)).toContainText(`Two-step verification of ${BOB} is off`);
	await expect(row).toContainText('Two-step off');
	await row.getByRole('button', { name: 'Deactivate' }).click();
	await confirm(page, 'Deactivate account');
	await expect(announcement(page)).toContainText(`${BOB} is deactivated`);
	await expect(row).toContainText('Deactivated');
	await logOut(page);

	// A6: a deactivated account cannot log in, and is told why.
	await logIn(page, BOB);
	await expect(announcement(page)).toContainText(
		`This account was deactivated by an admin of ${ORG}, so it cannot log in.`
	);
	await expect(page.getByRole('banner')).not.toContainText('Logged in as');

	// The admin reactivates bob and changes his address, which takes effect at once.
	await logIn(page, ADMIN);
	await expectLoggedIn(page, ADMIN);
	row = await rowOf(page, BOB);
	await row.getByRole('button', { name: 'Reactivate' }).click();
	await expect(announcement(page)).toContainText(`${BOB} is reactivated`);
	await row.getByRole('button', { name: 'Change email' }).click();
	await row.getByLabel('New email').fill(ROBERT);
	await row.getByRole('button', { name: 'Save email' }).click();
	await expect(announcement(page)).toContainText(`The address of ${BOB} is now ${ROBERT}`);
	await logOut(page);

	// He logs in with the new address, without a second step (it was reset).
	await logIn(page, ROBERT);
	await expectLoggedIn(page, ROBERT);
	await page.goto('/profile');
	await expect(page.getByText(`Managed by ${ORG}`)).toBeVisible();

	// A13: each admin action mailed him a notice naming the organization and the admin.
	await openMail(page, BOB, 'An admin reset your two-step verification');
	await expect(page.getByRole('article')).toContainText(`Ada Admin (${ADMIN}), an admin of ${ORG}`);
	await openMail(page, ROBERT, 'An admin changed your email address');
});

test('P2: the Managed accounts section has no axe violations, light and dark at 360 px', async ({
	page
}) => {
	test.slow();
	await readyAccount(page, ADMIN, 'Ada Admin');
	await createOrganization(page, ORG);
	await verifyDomainByMail(page, DOMAIN, `it@${DOMAIN}`);
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 360, height: 800 });
		const row = await rowOf(page, ADMIN);
		await row.getByRole('button', { name: 'Change email' }).click();
		const results = await new AxeBuilder({ page }).include('section.managed').analyze();
		expect(results.violations, `Managed accounts (${scheme}, 360 px)`).toEqual([]);
		// Nothing in the section is wider than the section (the page's width is the page's).
		const section = page.getByRole('region', { name: 'Managed accounts' });
		const overflow = await section.evaluate((el) => el.scrollWidth - el.clientWidth);
		expect(overflow, 'nothing in the section scrolls sideways').toBeLessThanOrEqual(0);
	}
});
