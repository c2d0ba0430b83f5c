/**
 * O5/A7 in real Chromium, by role and label. An admin of Acme (acme.com verified through Mail)
 * chooses SAML and adds a directory person, who then logs in through the simulated SAML
 * provider and lands logged in. With Google: people in a group, "Run Google sync" and its
 * report (accounts created); one removed from the directory is deactivated by the next sync.
 * Password sync (sign-in None): saving a person pushes their directory password to their
 * managed account, which then logs in with it, not the old one. axe finds nothing on the section
 * and on the provider page, light and dark, at 360 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
	PASSWORD,
	expectLoggedIn,
	logIn,
	logOut,
	openMail,
	readyAccount
} from './helpers/accounts';
import { announcement, confirmDialog } from './helpers/demo';
import { createOrganization, verifyDomainByMail } from './helpers/organization';

const ADMIN = 'ada@boss.org';
const CAROL_PASSWORD = 'carol at the provider';

function sso(page: Page) {
	return page.getByRole('region', { name: 'Single sign-on' });
}

/** The admin creates Acme, verifies acme.com through Mail and chooses the provider. */
async function acmeWith(page: Page, provider: 'SAML' | 'Google'): Promise<void> {
	await readyAccount(page, ADMIN, 'Ada Admin');
	await createOrganization(page, 'Acme');
	await verifyDomainByMail(page, 'acme.com', 'it@acme.com');
	await page.goto('/organization');
	await sso(page).getByRole('radio', { name: provider, exact: true }).check();
	await sso(page).getByRole('button', { name: 'Save sign-in provider' }).click();
	await expect(announcement(page)).toContainText(`sign in through ${provider} (simulated)`);
}

async function addPerson(page: Page, email: string, name: string, groups = ''): Promise<void> {
	const section = sso(page);
	await section.getByLabel('Email').fill(email);
	await section.getByLabel('Full name').fill(name);
	await section.getByLabel('Provider password', { exact: true }).fill(CAROL_PASSWORD);
	await section.getByLabel('Groups').fill(groups);
	await section.getByRole('button', { name: 'Save person' }).click();
	await expect(announcement(page)).toContainText(`${email} is saved in the simulated directory`);
}

test('O5: a directory person logs in through the simulated SAML provider', async ({ page }) => {
	test.slow();
	await acmeWith(page, 'SAML');
	await addPerson(page, 'carol@acme.com', 'Carol Cole');
	await expect(sso(page).getByRole('list', { name: 'Directory people' })).toContainText(
		'carol@acme.com'
	);
	await logOut(page);

	await page.goto('/login?next=%2Fprofile');
	await page.getByLabel('Email').fill('carol@acme.com');
	// No Tessera password is asked for an address of a single sign-on domain.
	await expect(page.getByText(/signs in through Acme’s single sign-on \(SAML\)/)).toBeVisible();
	await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
	await page.getByRole('button', { name: 'Log in' }).click();

	await expect(page).toHaveURL(/\/identity-provider\?/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Simulated SAML sign-in for Acme' })
	).toBeVisible();
	await expect(page.getByLabel('Email')).toHaveValue('carol@acme.com');
	await page.getByLabel('Password', { exact: true }).fill('not the one');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(announcement(page)).toContainText('That email and password do not match');
	await page.getByLabel('Password', { exact: true }).fill(CAROL_PASSWORD);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expectLoggedIn(page, 'carol@acme.com');
	await expect(page).toHaveURL(/\/profile$/);
});

test('O5: Google sync provisions a group, reports it, and deactivates who left', async ({
	page
}) => {
	test.slow();
	await acmeWith(page, 'Google');
	await addPerson(page, 'carol@acme.com', 'Carol Cole', 'engineering');
	await addPerson(page, 'dave@acme.com', 'Dave Dale', 'engineering');
	const section = sso(page);
	await expect(section.getByRole('checkbox', { name: 'engineering' })).toBeChecked();
	await section.getByRole('button', { name: 'Run Google sync' }).click();
	await expect(announcement(page)).toContainText('Google sync done: 2 accounts created');
	const report = section.getByRole('region', { name: 'Google sync report' });
	const created = report.getByRole('list', { name: 'Accounts created' });
	await expect(created).toContainText('carol@acme.com');
	await expect(created).toContainText('dave@acme.com');

	await section.getByRole('button', { name: 'Remove dave@acme.com' }).click();
	await confirmDialog(page, 'Remove');
	await expect(announcement(page)).toContainText('dave@acme.com is removed');
	await section.getByRole('button', { name: 'Run Google sync' }).click();
	await expect(announcement(page)).toContainText('1 deactivated');
	await expect(report.getByRole('list', { name: 'Deactivated' })).toContainText('dave@acme.com');
	await expect(report.getByRole('list', { name: 'Accounts created' })).toHaveCount(0);
});

test('O5: with sign-in None the directory syncs passwords: a pushed one replaces the account’s', async ({
	page
}) => {
	test.slow();
	const PUSHED = 'pushed by the directory';
	await readyAccount(page, 'bob@acme.com', 'Bob Brown');
	await logOut(page);
	await readyAccount(page, ADMIN, 'Ada Admin');
	await createOrganization(page, 'Acme');
	await verifyDomainByMail(page, 'acme.com', 'it@acme.com');
	await page.goto('/organization');
	const section = sso(page);
	await expect(section.getByRole('radio', { name: 'None', exact: true })).toBeChecked();
	await expect(section).toContainText('Connected for password sync');
	await section.getByLabel('Email').fill('bob@acme.com');
	await section.getByLabel('Full name').fill('Bob Brown');
	await section.getByLabel('Provider password', { exact: true }).fill(PUSHED);
	await section.getByRole('button', { name: 'Save person' }).click();
	await expect(announcement(page)).toContainText(
		'bob@acme.com is saved in the simulated directory'
	);
	await logOut(page);

	await openMail(page, 'bob@acme.com', /^Your password was replaced by your organization/);
	await logIn(page, 'bob@acme.com', PASSWORD);
	await expect(announcement(page)).toContainText('That email and password do not match');
	await logIn(page, 'bob@acme.com', PUSHED);
	await expectLoggedIn(page, 'bob@acme.com');
});

test('O5: the section and the provider page have no axe violations, light and dark, at 360 px', async ({
	page
}) => {
	test.slow();
	await acmeWith(page, 'Google');
	await addPerson(page, 'carol@acme.com', 'Carol Cole', 'engineering');
	await sso(page).getByRole('button', { name: 'Run Google sync' }).click();
	await expect(sso(page).getByRole('region', { name: 'Google sync report' })).toBeVisible();
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 360, height: 800 });
		const id = await sso(page).getAttribute('aria-labelledby');
		const section = await new AxeBuilder({ page })
			.include(`section[aria-labelledby="${id}"]`)
			.analyze();
		expect(section.violations, `Single sign-on (${scheme}, 360 px)`).toEqual([]);
	}
	await logOut(page);
	await page.goto('/identity-provider?email=carol%40acme.com');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Simulated Google sign-in for Acme' })
	).toBeVisible();
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 360, height: 800 });
		const result = await new AxeBuilder({ page }).analyze();
		expect(result.violations, `provider page (${scheme}, 360 px)`).toEqual([]);
	}
});
