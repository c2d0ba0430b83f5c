/**
 * Seeds 000/001 end to end, through the UI as a person would: log in with the demo password,
 * find the license, act on its contacts, read the announcement (UI vocabulary), and check what the
 * other person sees after logging in as them.
 */
import { expect, test } from '@playwright/test';
import { announcement, confirmDialog, contact, loadDemo, openLicense } from './helpers/demo';
import { logInThroughUi, logOut } from './helpers/session';

const OLIVIA = 'olivia.park@northwind.example';
const PRIYA = 'priya.shah@northwind.example';
const SAM = 'sam.lee@northwind.example';
const MARCO = 'marco.rossi@gmail.com';
const CHEN = 'chen.wei@contoso.example';
const ISSUES = 'Tessera Issues';

test.beforeEach(async ({ page }) => {
	await loadDemo(page);
});

test('C5: a colleague on the same company domain is made primary at once', async ({ page }) => {
	await logInThroughUi(page, OLIVIA);
	const region = await openLicense(page, ISSUES, 'SEN-2041000101');
	await expect(contact(region, 'Billing', OLIVIA)).toContainText('Primary');
	await contact(region, 'Billing', PRIYA).getByRole('button', { name: 'Make primary' }).click();
	await expect(announcement(page)).toContainText(
		'Priya Shah (priya.shah@northwind.example) is now the primary billing contact'
	);
	await expect(contact(region, 'Billing', PRIYA)).toContainText('Primary');
	await expect(contact(region, 'Billing', OLIVIA)).not.toContainText('Primary');
	// C8: the replaced primary is mailed.
	await expect(announcement(page)).toContainText(`Mail sent to ${OLIVIA}`);
});

test('C6/C13: a public-domain contact is refused with the reason, then promotes himself', async ({
	page
}) => {
	await logInThroughUi(page, OLIVIA);
	let region = await openLicense(page, ISSUES, 'SEN-2041000101');
	await contact(region, 'Technical', MARCO).getByRole('button', { name: 'Make primary' }).click();
	const said = announcement(page);
	await expect(said).toContainText('Can’t make primary');
	await expect(said).toContainText('gmail.com');
	await expect(said).toContainText('northwind.example');
	await expect(said).toContainText('public email domain');
	await expect(said).toContainText('must log in and promote themselves');
	await expect(contact(region, 'Technical', OLIVIA)).toContainText('Primary');

	await logOut(page);
	await logInThroughUi(page, MARCO);
	region = await openLicense(page, ISSUES, 'SEN-2041000101');
	const own = contact(region, 'Technical', MARCO);
	await expect(own).toContainText('(you)');
	await own.getByRole('button', { name: 'Make primary' }).click();
	// Nobody else could undo it (C6: Olivia is on another domain): it is confirmed first.
	await confirmDialog(page, 'Make primary');
	await expect(announcement(page)).toContainText('Marco Rossi (marco.rossi@gmail.com) is now');
	await expect(contact(region, 'Technical', MARCO)).toContainText('Primary');
	await expect(contact(region, 'Technical', OLIVIA)).not.toContainText('Primary');
});

test('C6/C13: another company’s domain is refused, naming both domains, then self-promotion', async ({
	page
}) => {
	await logInThroughUi(page, OLIVIA);
	let region = await openLicense(page, 'Tessera Chat', 'SEN-2041000105');
	await contact(region, 'Technical', CHEN).getByRole('button', { name: 'Make primary' }).click();
	const said = announcement(page);
	await expect(said).toContainText('contoso.example');
	await expect(said).toContainText('northwind.example');
	await expect(said).not.toContainText('public email domain');
	await expect(said).toContainText(`${CHEN} must log in and promote themselves`);

	await logOut(page);
	await logInThroughUi(page, CHEN);
	region = await openLicense(page, 'Tessera Chat', 'SEN-2041000105');
	await contact(region, 'Technical', CHEN).getByRole('button', { name: 'Make primary' }).click();
	await confirmDialog(page, 'Make primary');
	await expect(contact(region, 'Technical', CHEN)).toContainText('Primary');
});

test('C7: the primary cannot be deleted; a deleted contact no longer sees the license', async ({
	page
}) => {
	await logInThroughUi(page, OLIVIA);
	const region = await openLicense(page, 'Tessera Pages', 'SEN-2041000112');
	await contact(region, 'Technical', OLIVIA).getByRole('button', { name: 'Delete' }).click();
	await expect(announcement(page)).toContainText('The primary contact cannot be deleted');
	await expect(contact(region, 'Technical', OLIVIA)).toHaveCount(1);

	await contact(region, 'Technical', SAM).getByRole('button', { name: 'Delete' }).click();
	await expect(announcement(page)).toContainText(
		'Sam Lee (sam.lee@northwind.example) is no longer a technical contact'
	);
	await expect(announcement(page)).toContainText('no longer appears in their Licenses');
	await expect(contact(region, 'Technical', SAM)).toHaveCount(0);

	await logOut(page);
	await logInThroughUi(page, SAM);
	await expect(page.getByRole('region', { name: /SEN-2041000106/ })).toBeVisible();
	await expect(page.getByRole('region', { name: /SEN-2041000112/ })).toHaveCount(0);
	await page.getByLabel('Search licenses').fill('SEN-2041000112');
	await expect(page.getByText('Showing 0 of 0 matching')).toBeVisible();
	// C8: Sam was told by mail.
	await page.goto(`/mail?address=${encodeURIComponent(SAM)}`);
	await expect(page.getByRole('main')).toContainText('You are no longer a technical contact');
});

test('C4: adding by email invites a new person by name; adding twice is refused', async ({
	page
}) => {
	const nina = 'nina.novak@northwind.example';
	await logInThroughUi(page, OLIVIA);
	const region = await openLicense(page, ISSUES, 'SEN-2041000101');
	const email = region.getByLabel('Billing contact email');
	await email.fill(nina);
	await region.getByLabel('Full name').fill('Nina Novak');
	await region.getByRole('button', { name: 'Add' }).first().click();
	await expect(announcement(page)).toContainText(`Added ${nina} as a billing contact`);
	await expect(announcement(page)).toContainText('invited by mail');
	await expect(contact(region, 'Billing', nina)).toContainText('Invited');
	await expect(email).toHaveValue('');

	await email.fill(PRIYA);
	await expect(region.getByLabel('Full name')).toHaveCount(0);
	await region.getByRole('button', { name: 'Add' }).first().click();
	// The refusal is about the address: it is shown on that field, not in the banner.
	await expect(email).toHaveAccessibleDescription(/already holds this role/);
	await expect(email).toBeFocused();
	await expect(email).toHaveValue(PRIYA);

	await page.goto(`/mail?address=${encodeURIComponent(nina)}`);
	await expect(page.getByRole('main')).toContainText('You are now a billing contact');
});

test('C9: a technical contact requests support; it is kept with the license', async ({ page }) => {
	await logInThroughUi(page, SAM);
	const region = await openLicense(page, ISSUES, 'SEN-2041000106');
	await region.getByRole('button', { name: 'Request support' }).click();
	await region.getByLabel('Subject').fill('Search is slow');
	await region.getByLabel('Description').fill('Since the upgrade, searches take 20 s.');
	await region.getByRole('button', { name: 'Send support request' }).click();
	await expect(announcement(page)).toContainText('Support request “Search is slow” sent');
	const requests = region.getByRole('list', { name: 'Support requests' });
	await expect(requests).toContainText('Search is slow');
	await expect(requests).toContainText(SAM);

	// Billing-only contacts see the request but cannot file one (C12).
	await logOut(page);
	await logInThroughUi(page, PRIYA);
	const seen = await openLicense(page, ISSUES, 'SEN-2041000106');
	await expect(seen.getByRole('list', { name: 'Support requests' })).toContainText(
		'Search is slow'
	);
	await expect(seen.getByRole('button', { name: 'Request support' })).toHaveCount(0);
});

test('C9: billing contacts get renewal quotes for licenses expiring within 30 days', async ({
	page
}) => {
	await page.goto(`/mail?address=${encodeURIComponent('jana.novak@outlook.com')}`);
	await expect(page.getByRole('main')).toContainText(
		'Renewal quote: Tessera Pages (SEN-2041000102) expires on'
	);
	await logInThroughUi(page, OLIVIA);
	await expect(
		page.getByText('licenses you are a billing contact of expire within 30 days')
	).toBeVisible();
	await expect(page.getByRole('region', { name: /SEN-2041000102/ })).toContainText(
		/Expires in \d+ days/
	);
	await page.getByRole('button', { name: 'Send renewal quotes' }).click();
	// The demo load sent them already: the same quote is never mailed twice.
	await expect(announcement(page)).toContainText('were sent already');
	// Technical contacts get no quotes (C12).
	await page.goto(`/mail?address=${encodeURIComponent(SAM)}`);
	await expect(page.getByRole('main')).not.toContainText('Renewal quote');
});

test('C0: create a site, then start cloud and server licenses on it', async ({ page }) => {
	await logInThroughUi(page, 'ana.costa@contoso.example');
	await page.getByRole('button', { name: 'Create a site' }).click();
	await page.getByLabel('Host name').fill('Contoso.example.net');
	await page.getByRole('button', { name: 'Create site' }).click();
	await expect(announcement(page)).toContainText('Created the site contoso.example.net');
	await expect(page.getByRole('link', { name: /Billing overview/ })).toBeVisible();

	await page.getByRole('button', { name: 'Start a license' }).click();
	await page.getByLabel('Product').selectOption({ label: 'Tessera Desk' });
	await page.getByLabel('Hosting').selectOption('Cloud');
	await expect(page.getByLabel('Site')).toHaveValue(/.+/);
	await page.getByLabel('Users').selectOption('50');
	await page.getByRole('button', { name: 'Start license' }).click();
	await expect(announcement(page)).toContainText('you are its billing and technical contact');
	const region = page.getByRole('region', { name: /Tessera Desk/ });
	await expect(region).toContainText('Cloud · contoso.example.net · 50 users');
	await expect(contact(region, 'Billing', 'ana.costa@contoso.example')).toContainText('Primary');
	await expect(contact(region, 'Technical', 'ana.costa@contoso.example')).toContainText('Primary');

	await page.getByRole('button', { name: 'Start a license' }).click();
	await page.getByLabel('Product').selectOption({ label: 'Tessera Chat' });
	await expect(page.getByLabel('Hosting')).toHaveValue('server');
	await expect(page.getByLabel('Site')).toHaveCount(0);
	await page.getByRole('button', { name: 'Start license' }).click();
	const chat = page.getByRole('region', { name: /Tessera Chat/ });
	await expect(chat).toContainText('Server · 10 users');
	await page.getByRole('button', { name: 'Clear filters' }).click();
	// Her three Contoso licenses and the two she just started.
	await expect(page.getByText('Showing 5 of 5 licenses')).toBeVisible();
});

test('offline: after one visit, the seed flows work with the network off', async ({
	page,
	context
}) => {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 15_000
	});
	await context.setOffline(true);
	await logInThroughUi(page, OLIVIA);
	const region = await openLicense(page, ISSUES, 'SEN-2041000101');
	await contact(region, 'Technical', MARCO).getByRole('button', { name: 'Make primary' }).click();
	await expect(announcement(page)).toContainText('must log in and promote themselves');
	await contact(region, 'Billing', PRIYA).getByRole('button', { name: 'Make primary' }).click();
	await expect(contact(region, 'Billing', PRIYA)).toContainText('Primary');
	await page.goto('/billing?site=s_demo_northwind');
	await expect(page.getByRole('region', { name: 'Upcoming billing estimate' })).toBeVisible();
	await page.goto('/handover');
	await expect(page.getByLabel('Person leaving')).toBeVisible();
});
