// Organization steps the end-to-end specs share (O1), done as a person does them: by role,
// label and the UI vocabulary's words, verifying a domain through the simulated Mail client.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { mailLink, openMail } from './accounts';
import { announcement } from './demo';

/** From the Organization page of a logged-in account with no organization yet. */
export async function createOrganization(page: Page, name: string): Promise<void> {
	await page.goto('/organization');
	await page.getByRole('button', { name: 'Create organization' }).click();
	await page.getByLabel('Organization name').fill(name);
	await page.getByRole('button', { name: 'Create', exact: true }).click();
	await expect(page.getByRole('heading', { name })).toBeVisible();
}

/** The domain's item in the Domains section. */
export function domainItem(page: Page, domain: string): Locator {
	return page
		.getByRole('region', { name: 'Domains' })
		.getByRole('listitem')
		.filter({ hasText: domain });
}

/** Adds the domain (if not there yet) and verifies it by a mail to `address`, through Mail. */
export async function verifyDomainByMail(
	page: Page,
	domain: string,
	address: string
): Promise<void> {
	await page.goto('/organization');
	const item = domainItem(page, domain);
	if ((await item.count()) === 0) {
		await page.getByLabel('Domain', { exact: true }).fill(domain);
		await page.getByRole('button', { name: 'Add domain' }).click();
		await expect(item).toContainText('Pending');
	}
	await item.getByRole('button', { name: 'Verify domain' }).click();
	await item.getByLabel('Verification address').fill(address);
	await item.getByRole('button', { name: 'Send verification mail' }).click();
	await expect(announcement(page)).toContainText('Verification mail sent');
	await openMail(page, address, new RegExp(`^Verify ${domain.replace(/\./g, '\\.')} for `));
	await mailLink(page, 'Verify domain').click();
	await expect(announcement(page)).toContainText(`${domain} is verified.`);
	await page.goto('/organization');
	await expect(domainItem(page, domain)).toContainText('Verified');
}
