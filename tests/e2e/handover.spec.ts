/**
 * C11 end to end: hand one person's roles to another across several licenses, with a preview
 * per license, progress, and a per-license report; then check both people's licenses.
 */
import { expect, test } from '@playwright/test';
import { announcement, contact, loadDemo, openLicense } from './helpers/demo';
import { logInThroughUi, logOut } from './helpers/session';

const OLIVIA = 'olivia.park@northwind.example';
const SAM = 'sam.lee@northwind.example';
const LENA = 'lena.fischer@northwind.example';

test.beforeEach(async ({ page }) => {
	await loadDemo(page);
});

test('C11: Sam’s roles go to a new colleague on every license Olivia manages', async ({ page }) => {
	await logInThroughUi(page, OLIVIA);
	await page.getByRole('link', { name: 'Hand over licenses' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Handover' })).toBeVisible();
	await page.getByLabel('Person leaving').selectOption({ label: `Sam Lee (${SAM})` });
	await page.getByLabel('Successor’s email').fill(LENA);
	await page.getByLabel('Full name').fill('Lena Fischer');
	await page.getByRole('button', { name: 'Preview handover' }).click();

	const preview = page.getByRole('list', { name: 'What will happen' });
	// L01, L02, L04, L06, L07, L12: Sam's licenses that Olivia is a contact of (C3).
	await expect(preview.getByRole('listitem')).toHaveCount(6);
	await expect(preview).toContainText('Lena Fischer will replace Sam Lee as technical contact');
	await expect(preview).not.toContainText('SEN-2041000109');

	await page.getByRole('button', { name: 'Hand over', exact: true }).click();
	const report = page.getByRole('list', { name: 'Handover report' });
	await expect(report.getByRole('listitem')).toHaveCount(6);
	await expect(report).toContainText('Lena Fischer replaced Sam Lee as technical contact');
	await expect(announcement(page)).toContainText('Handover done on 6 licenses');
	await expect(announcement(page)).toContainText(LENA);
	await expect(announcement(page)).toContainText(SAM);

	await page.goto('/licenses');
	const pages = await openLicense(page, 'Tessera Pages', 'SEN-2041000102');
	await expect(contact(pages, 'Technical', LENA)).toContainText('Primary');
	await expect(contact(pages, 'Technical', SAM)).toHaveCount(0);
	await page.getByLabel('Search licenses').fill(LENA);
	await expect(page.getByText('Showing 6 of 6 matching')).toBeVisible();

	// Sam keeps only the labs licenses, which Olivia does not manage.
	await logOut(page);
	await logInThroughUi(page, SAM);
	await expect(page.getByText('Showing 3 of 3 licenses')).toBeVisible();
	await expect(page.getByRole('region', { name: /SEN-2041000102/ })).toHaveCount(0);
});

test('C11: a successor on a public domain is added, and must promote themselves where primary', async ({
	page
}) => {
	await logInThroughUi(page, OLIVIA);
	await page.goto('/handover');
	await page.getByLabel('Person leaving').selectOption({ label: `Sam Lee (${SAM})` });
	await page.getByLabel('Successor’s email').fill('marco.rossi@gmail.com');
	await expect(page.getByLabel('Full name')).toHaveCount(0);
	await page.getByRole('button', { name: 'Preview handover' }).click();
	const preview = page.getByRole('list', { name: 'What will happen' });
	const pagesLine = preview.getByRole('listitem').filter({ hasText: 'SEN-2041000102' });
	await expect(pagesLine).toContainText('Needs self-promotion');
	await expect(pagesLine).toContainText('must log in and make themselves primary');
	await page.getByRole('button', { name: 'Hand over', exact: true }).click();
	await expect(page.getByRole('list', { name: 'Handover report' })).toBeVisible();

	await page.goto('/licenses');
	const pages = await openLicense(page, 'Tessera Pages', 'SEN-2041000102');
	await expect(contact(pages, 'Technical', SAM)).toContainText('Primary');
	await expect(contact(pages, 'Technical', 'marco.rossi@gmail.com')).toHaveCount(1);
});
