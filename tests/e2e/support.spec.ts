// A10 and C15 end to end, by role and label, on the demo: Sam links one of the legacy support
// accounts that share his address (Profile → Services → Change account → verification mail in
// Mail → Link on one); Sam, a technical contact, requests support, the simulated desk's answer
// arrives in Mail, and he replies, resolves and reopens. axe checks the Services section, the
// link page and a thread, light and dark at 360 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mailLink, openMail } from './helpers/accounts';
import { announcement, loadDemo, openLicense } from './helpers/demo';
import { loginAs } from './helpers/session';

const SAM = 'sam.lee@northwind.example';
const DESK = 'Tessera Desk';
const SEN = 'SEN-2041000104';

test.beforeEach(async ({ page }) => {
	await loadDemo(page);
});

async function sendVerification(page: Page): Promise<void> {
	await loginAs(page, SAM, '/profile');
	const services = page.getByRole('region', { name: 'Services' });
	await expect(services.getByRole('heading', { name: 'Change account' })).toBeVisible();
	await services.getByLabel('Email', { exact: true }).fill(SAM);
	await services.getByRole('button', { name: 'Send verification mail' }).click();
	await expect(announcement(page)).toContainText('We sent a verification mail to');
}

async function axe(page: Page, selector: string, what: string): Promise<void> {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 360, height: 800 });
		const results = await new AxeBuilder({ page }).include(selector).analyze();
		expect(results.violations, `${what} (${scheme}, 360 px)`).toEqual([]);
	}
}

test('A10: Change account mails the address its support accounts; confirming links exactly one', async ({
	page
}) => {
	await sendVerification(page);
	await openMail(page, SAM, 'Link your support account');
	const article = page.getByRole('article');
	await expect(article).toContainText('Sam Lee (old support portal)');
	await expect(article).toContainText('Sam Lee (Northwind IT)');
	await mailLink(page, 'Choose a support account').click();

	await expect(page.getByRole('heading', { name: 'Link a support account' })).toBeVisible();
	const choices = page.getByRole('list', { name: 'Support accounts' });
	await expect(choices.getByRole('listitem')).toHaveCount(3);
	await choices
		.getByRole('button', { name: 'Link Sam Lee (Northwind IT) (sa_demo_sam_2022)' })
		.click();
	await expect(announcement(page)).toContainText('Support account linked to your account');
	await expect(page.getByText('The support account sa_demo_sam_2022 is linked')).toBeVisible();

	await page.goto('/profile');
	const services = page.getByRole('region', { name: 'Services' });
	await expect(services).toContainText('Your support account: Sam Lee (Northwind IT)');
	await expect(services).not.toContainText('old support portal');
});

test('C15: a technical contact requests support; the desk answers by mail; reply, resolve, reopen', async ({
	page
}) => {
	await loginAs(page, SAM);
	let region = await openLicense(page, DESK, SEN);
	await region.getByRole('button', { name: 'Request support' }).click();
	await region.getByLabel('Subject').fill('Export fails');
	await region.getByLabel('Description').fill('The CSV export stops at 10 %.');
	await region.getByRole('button', { name: 'Send support request' }).click();
	await expect(announcement(page)).toContainText('Support request “Export fails” sent');
	let request = region.getByRole('listitem', { name: 'Export fails' });
	await expect(request).toContainText('Waiting for customer');

	await openMail(page, SAM, 'Support answered: Export fails');
	await expect(page.getByRole('article')).toContainText('we need the steps');

	await page.goto('/licenses');
	region = await openLicense(page, DESK, SEN);
	request = region.getByRole('listitem', { name: 'Export fails' });
	await expect(request.getByRole('list', { name: 'Messages' })).toContainText('Support desk');
	await request.getByLabel('Reply').fill('1. Open Reports 2. Export CSV');
	await request.getByRole('button', { name: 'Send reply' }).click();
	await expect(announcement(page)).toContainText('Reply sent');
	await expect(request).toContainText('Status: Open');
	await expect(request.getByRole('list', { name: 'Messages' })).toContainText('Open Reports');

	await request.getByRole('button', { name: 'Resolve' }).click();
	await expect(announcement(page)).toContainText('Support request resolved');
	await expect(request).toContainText('Status: Resolved');
	await expect(request.getByLabel('Reply')).toHaveCount(0);

	await request.getByRole('button', { name: 'Reopen' }).click();
	await expect(announcement(page)).toContainText('Support request reopened');
	await expect(request).toContainText('Status: Open');
});

test('P2: Services, the link page and a support thread have no axe violations, light and dark at 360 px', async ({
	page
}) => {
	await sendVerification(page);
	await axe(page, 'section[aria-labelledby="services-title"]', 'Services');
	await openMail(page, SAM, 'Link your support account');
	await mailLink(page, 'Choose a support account').click();
	await expect(page.getByRole('list', { name: 'Support accounts' })).toBeVisible();
	await axe(page, 'main', 'Link a support account');
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/licenses');
	const region = await openLicense(page, DESK, SEN);
	await expect(
		region.getByRole('listitem', { name: 'Customer portal shows a blank page' })
	).toContainText('Waiting for customer');
	await axe(page, 'form.reply', 'Support thread reply');
	await axe(page, 'ol.thread', 'Support thread');
});
