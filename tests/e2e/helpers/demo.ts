// Loads the demo organization through the Demo page, as a person would (P3), and finds the
// things the seed scenarios act on: a license region, a contact's list item.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/**
 * The shell's live region, where results and refusals are announced (UI vocabulary). The service
 * worker's "Ready to work offline" prompt is a status too, outside main.
 */
export function announcement(page: Page): Locator {
	return page.getByRole('main').getByRole('status');
}

/** Opens /demo, clicks "Load demo data" and waits for the announcement. */
export async function loadDemo(page: Page, extraLicenses = 0): Promise<void> {
	await page.goto('/demo');
	const load = page.getByRole('button', { name: 'Load demo data' });
	await expect(load).toBeEnabled();
	if (extraLicenses > 0) await page.getByLabel('Extra licenses').fill(String(extraLicenses));
	await load.click();
	await expect(announcement(page)).toContainText('Demo data loaded', { timeout: 60_000 });
}

/** The license region named by product and SEN (UI vocabulary). */
export function licenseRegion(page: Page, product: string, sen: string): Locator {
	return page.getByRole('region', { name: new RegExp(`${product}.*${sen}`) });
}

/** Finds the license (filtering by SEN, as with thousands) and expands its details. */
export async function openLicense(page: Page, product: string, sen: string): Promise<Locator> {
	await page.getByLabel('Search licenses').fill(sen);
	const region = licenseRegion(page, product, sen);
	const toggle = region.getByRole('button', { name: new RegExp(product) });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	await expect(region.getByRole('list', { name: 'Billing contacts' })).toBeVisible();
	return region;
}

/** The list item of `email` in the role's contact list. */
export function contact(region: Locator, role: 'Billing' | 'Technical', email: string): Locator {
	return region
		.getByRole('list', { name: `${role} contacts` })
		.getByRole('listitem')
		.filter({ hasText: email });
}

/** Answers the app's confirmation dialog with its confirming button. */
export async function confirmDialog(page: Page, confirm: string): Promise<void> {
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await dialog.getByRole('button', { name: confirm, exact: true }).click();
	await expect(dialog).toHaveCount(0);
}
