// A11 and A14 end to end, by role and label, on the demo: Tom (admin of
// northwind-labs.example.net) adds a product user and upgrades the site's users to accounts (the
// report says who was invited or reused, Nina's two product users become one account, the build
// bot is flagged); the bot follows the mailed link and chooses a password (A4), creates an app password for the site (shown
// once), and the simulated basic authentication accepts it and refuses the bot's account
// password; revoked, it is refused. axe checks the new section, Services and the page, light and
// dark at 360 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
	expectLoggedIn,
	logIn,
	logOut,
	mailLink,
	openMail,
	readyAccount
} from './helpers/accounts';
import { announcement, confirmDialog, loadDemo } from './helpers/demo';
import { createOrganization, verifyDomainByMail } from './helpers/organization';

const DEMO_PASSWORD = 'tessera-demo-2024';
const SITE = 'northwind-labs.example.net';
const BOT = 'build-bot@northwind.example';
const BOT_PASSWORD = 'a long password for the build bot';

async function openUsers(page: Page) {
	await page.goto('/licenses');
	await page.getByRole('button', { name: `Users of ${SITE}` }).click();
	const section = page.getByRole('region', { name: `Users of ${SITE}` });
	await expect(section).toBeVisible();
	return section;
}

async function basicAuth(page: Page, email: string, password: string) {
	await page.goto('/basic-auth');
	await expect(page.getByRole('heading', { name: 'Simulated basic authentication' })).toBeVisible();
	await page.getByLabel('Site').fill(SITE);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Check' }).click();
	return page.getByRole('status', { name: 'Check result' });
}

async function axe(page: Page, include: string, what: string): Promise<void> {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 360, height: 800 });
		const results = await new AxeBuilder({ page }).include(include).analyze();
		expect(results.violations, `${what} (${scheme}, 360 px)`).toEqual([]);
	}
}

test('A11/A14: upgrade to accounts, a bot’s app password accepted and its account password refused; revoked, refused', async ({
	page
}) => {
	test.setTimeout(120_000);
	await loadDemo(page);
	await logIn(page, 'tom.becker@northwind.example', DEMO_PASSWORD);
	await expectLoggedIn(page, 'tom.becker@northwind.example');
	const section = await openUsers(page);
	await expect(section.getByRole('listitem', { name: BOT })).toContainText('Bot');

	// A11: a new product user, then the upgrade (confirmed), its report in the section.
	await section.getByLabel('Email').fill('ole@northwind.example');
	await section.getByLabel('Full name').fill('Ole Sand');
	await section.getByRole('checkbox', { name: 'Tessera Issues' }).check();
	await section.getByRole('button', { name: 'Add user' }).click();
	await expect(announcement(page)).toContainText('is now a user of the chosen products');
	await section.getByRole('button', { name: 'Upgrade to accounts' }).click();
	await confirmDialog(page, 'Upgrade');
	await expect(announcement(page)).toContainText('3 accounts invited');
	const report = section.getByRole('list', { name: 'Upgrade report' });
	await expect(report.getByRole('listitem')).toHaveCount(4);
	await expect(
		report.getByRole('listitem').filter({ hasText: 'nina.berg@northwind.example' })
	).toContainText('is a new account');
	await expect(
		report.getByRole('listitem').filter({ hasText: 'sam.lee@northwind.example' })
	).toContainText('already had an account');
	await expect(report.getByRole('listitem').filter({ hasText: BOT })).toContainText('Flagged bot');
	await expect(report.getByRole('listitem').filter({ hasText: BOT })).toContainText(
		'or an app password'
	);
	await axe(page, 'section.users', 'Users section');
	await logOut(page);

	// The bot's account chooses a password through "Can't log in?" (A4) and logs in.
	await openMail(page, BOT, `An account was created for you (${SITE})`);
	await mailLink(page, 'Set your password').click();
	await expect(page.getByLabel('Email')).toHaveValue(BOT);
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await expect(page.getByText('the link is in its')).toBeVisible();
	await openMail(page, BOT, 'Choose a new password');
	await mailLink(page, 'Choose a new password').click();
	await page.getByLabel('Password', { exact: true }).fill(BOT_PASSWORD);
	await page.getByRole('button', { name: 'Save password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password is saved');
	await logIn(page, BOT, BOT_PASSWORD);
	await expectLoggedIn(page, BOT);

	// A14: an app password for the site, shown once.
	await page.goto('/profile');
	const services = page.getByRole('region', { name: 'Services' });
	await services.getByLabel('Name').fill('CI pipeline');
	await services.getByLabel('Site').selectOption({ label: SITE });
	await services.getByRole('button', { name: 'Create app password' }).click();
	await expect(announcement(page)).toContainText('shown only once');
	const field = services.getByLabel('New app password');
	await expect(field).toHaveAttribute('readonly', '');
	await expect(services.getByRole('button', { name: 'Copy' })).toBeVisible();
	await expect(services.getByRole('button', { name: 'Download' })).toBeVisible();
	const secret = await field.inputValue();
	expect(secret).toMatch(/^tsr-/);
	await axe(page, 'section.app-passwords', 'App passwords');
	await services.getByRole('button', { name: 'Done' }).click();
	await expect(services.getByLabel('New app password')).toHaveCount(0);
	await expect(services.getByRole('listitem', { name: 'CI pipeline' })).toContainText('Never used');

	// The simulated basic authentication: the app password yes, the account password no.
	await expect(await basicAuth(page, BOT, secret)).toContainText('Accepted: the app password');
	await expect(await basicAuth(page, BOT, BOT_PASSWORD)).toContainText('Use an app password');
	await axe(page, 'main', 'Basic authentication page');
	await page.goto('/profile');
	await expect(
		page.getByRole('region', { name: 'Services' }).getByRole('listitem', { name: 'CI pipeline' })
	).toContainText('Last used');

	// Revoked (confirmed), it is refused.
	await page
		.getByRole('region', { name: 'Services' })
		.getByRole('button', { name: 'Revoke CI pipeline' })
		.click();
	await confirmDialog(page, 'Revoke');
	await expect(announcement(page)).toContainText('revoked');
	await expect(await basicAuth(page, BOT, secret)).toContainText('Refused');
});

test('A14: an admin of the organization managing an account sees and revokes its app passwords', async ({
	page
}) => {
	test.slow(); // three full-cost log ins (PBKDF2) and a domain verification through Mail
	const domain = 'globex-apps.example';
	const bob = `bob@${domain}`;
	await readyAccount(page, bob, 'Bob Brown');
	await page.goto('/licenses');
	await page.getByRole('button', { name: 'Create a site' }).click();
	await page.getByLabel('Host name').fill('globex.example.net');
	await page.getByRole('button', { name: 'Create site' }).click();
	await expect(announcement(page)).toContainText('Created the site globex.example.net');
	await page.goto('/profile');
	const services = page.getByRole('region', { name: 'Services' });
	await services.getByLabel('Name').fill('Deploy');
	await services.getByRole('button', { name: 'Create app password' }).click();
	await expect(services.getByLabel('New app password')).toHaveValue(/^tsr-/);
	await logOut(page);

	await readyAccount(page, `ada@${domain}`, 'Ada Admin');
	await createOrganization(page, 'Globex');
	await verifyDomainByMail(page, domain, `it@${domain}`);
	await page.goto('/organization');
	const managed = page.getByRole('region', { name: 'Managed accounts' });
	const row = managed.getByRole('listitem', { name: bob });
	const list = row.getByRole('list', { name: `App passwords of ${bob}` });
	await expect(list.getByRole('listitem', { name: 'Deploy' })).toContainText('globex.example.net');
	await list.getByRole('button', { name: 'Revoke Deploy' }).click();
	await confirmDialog(page, 'Revoke');
	await expect(announcement(page)).toContainText('revoked');
	await expect(row.getByRole('list', { name: `App passwords of ${bob}` })).toHaveCount(0);
});
