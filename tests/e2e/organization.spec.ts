/**
 * O1 end to end: an account creates an organization (its first admin), adds domains (a public
 * one is refused with the reason), verifies one through a mail read in Mail and another through
 * its DNS TXT record looked up over DNS-over-HTTPS at a local responder this test starts; a DNS
 * check asked for offline waits and runs when the device is online again; admins are added and
 * removed, never the last. Plus axe on the page, light and dark, at 360 px.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { announcement, confirmDialog, loadDemo } from './helpers/demo';
import { createOrganization, domainItem, verifyDomainByMail } from './helpers/organization';
import { loginAs } from './helpers/session';

const OLIVIA = 'olivia.park@northwind.example';
const TOM = 'tom.becker@northwind.example';

/** A DNS-over-HTTPS JSON responder: TXT answers from `records`, by name. */
function dohResponder(records: Map<string, string[]>): Promise<{ server: Server; url: string }> {
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const name = (url.searchParams.get('name') ?? '').replace(/\.$/, '').toLowerCase();
		const answer = (records.get(name) ?? []).map((text) => ({
			name: `${name}.`,
			type: 16,
			TTL: 60,
			data: `"${text}"`
		}));
		res.writeHead(200, {
			'content-type': 'application/dns-json',
			'access-control-allow-origin': '*'
		});
		res.end(JSON.stringify({ Status: 0, Answer: answer }));
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			resolve({ server, url: `http://127.0.0.1:${port}/dns-query` });
		});
	});
}

test.beforeEach(async ({ page }) => {
	await loadDemo(page);
	await loginAs(page, OLIVIA, '/organization');
});

test('O1: create an organization, add a domain and verify it through Mail', async ({ page }) => {
	await createOrganization(page, 'Northwind Traders');
	await expect(page.getByRole('region', { name: 'Admins' })).toContainText(OLIVIA);

	// A public domain is refused with the reason, on the field.
	await page.getByLabel('Domain', { exact: true }).fill('Gmail.com');
	await page.getByRole('button', { name: 'Add domain' }).click();
	await expect(page.getByLabel('Domain', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('region', { name: 'Domains' })).toContainText('public');

	// Added normalised, pending, with its TXT record.
	await page.getByLabel('Domain', { exact: true }).fill('NorthWind.Example.');
	await page.getByRole('button', { name: 'Add domain' }).click();
	const item = domainItem(page, 'northwind.example');
	await expect(item).toContainText('Pending');
	await expect(item).toContainText('tessera-domain-verification=');

	// The verification mail must go to an address at that domain.
	await item.getByRole('button', { name: 'Verify domain' }).click();
	await expect(item.getByLabel('Verification address')).toHaveValue(OLIVIA);
	await item.getByLabel('Verification address').fill('it@elsewhere.example');
	await item.getByRole('button', { name: 'Send verification mail' }).click();
	await expect(item.getByLabel('Verification address')).toHaveAttribute('aria-invalid', 'true');

	await verifyDomainByMail(page, 'northwind.example', 'it@northwind.example');
	await expect(domainItem(page, 'northwind.example')).not.toContainText('TXT record');

	// Removing it ends the management of its accounts: asked first.
	await domainItem(page, 'northwind.example')
		.getByRole('button', { name: 'Remove domain northwind.example' })
		.click();
	await confirmDialog(page, 'Remove domain');
	await expect(announcement(page)).toContainText('no longer managed');
	await expect(domainItem(page, 'northwind.example')).toHaveCount(0);
});

test('O1: verify by DNS over HTTPS; offline the check waits for a connection', async ({
	page,
	context
}) => {
	const records = new Map<string, string[]>();
	const { server, url } = await dohResponder(records);
	try {
		await createOrganization(page, 'Northwind Traders');
		await page.getByLabel('Domain', { exact: true }).fill('northwind.example');
		await page.getByRole('button', { name: 'Add domain' }).click();
		const item = domainItem(page, 'northwind.example');
		const record = (await item.locator('code').textContent())?.trim() ?? '';
		expect(record).toMatch(/^tessera-domain-verification=\S+$/);

		// Point this device at the local responder.
		await page.getByText('DNS settings').click();
		await page.getByLabel('DNS-over-HTTPS resolver').fill('ftp://resolver.example');
		await page.getByRole('button', { name: 'Save resolver' }).click();
		await expect(page.getByLabel('DNS-over-HTTPS resolver')).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		await page.getByLabel('DNS-over-HTTPS resolver').fill(url);
		await page.getByRole('button', { name: 'Save resolver' }).click();
		await expect(announcement(page)).toContainText('DNS resolver saved');

		// Not published yet: the check says so and names the record.
		await item.getByRole('button', { name: 'Verify domain' }).click();
		await item.getByRole('button', { name: 'Check DNS' }).click();
		await expect(announcement(page)).toContainText('The TXT record was not found yet');
		await expect(item).toContainText('Pending');

		// Published, but the device is offline: the check waits, and runs when online.
		records.set('northwind.example', ['v=spf1 -all', record]);
		await context.setOffline(true);
		await item.getByRole('button', { name: 'Check DNS' }).click();
		await expect(announcement(page)).toContainText(
			'waits and runs as soon as this device is online'
		);
		await expect(item).toContainText('DNS check waiting for a connection');
		await context.setOffline(false);
		await expect(announcement(page)).toContainText('northwind.example is verified.');
		await expect(item).toContainText('Verified');
		await expect(item).not.toContainText('waiting');
	} finally {
		server.close();
	}
});

test('O1: admins add admins and remove them, never the last', async ({ page }) => {
	await createOrganization(page, 'Northwind Traders');
	const admins = page.getByRole('region', { name: 'Admins' });
	await expect(admins.getByRole('button', { name: /Remove admin/ })).toHaveCount(0);
	await expect(admins).toContainText('always keeps at least one admin');

	await admins.getByLabel('Admin email').fill('nobody@northwind.example');
	await admins.getByRole('button', { name: 'Add admin' }).click();
	await expect(admins.getByLabel('Admin email')).toHaveAttribute('aria-invalid', 'true');
	await expect(admins).toContainText('No active account with that email');

	await admins.getByLabel('Admin email').fill(TOM);
	await admins.getByRole('button', { name: 'Add admin' }).click();
	await expect(announcement(page)).toContainText(`${TOM} is now an admin.`);
	await expect(admins.getByRole('listitem')).toHaveCount(2);

	await admins.getByRole('button', { name: `Remove admin ${OLIVIA}` }).click();
	await expect(announcement(page)).toContainText('The admin was removed.');
	// Olivia is no longer an admin: she sees no organization of hers.
	await expect(page.getByRole('button', { name: 'Create organization' })).toBeVisible();

	await loginAs(page, TOM, '/organization');
	await expect(page.getByRole('heading', { name: 'Northwind Traders' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Admins' }).getByRole('button', { name: /Remove admin/ })
	).toHaveCount(0);
});

test('P2: the Organization page has no axe violations, light, dark and 360 px', async ({
	page
}) => {
	test.slow();
	await expect(page.getByRole('button', { name: 'Create organization' })).toBeVisible();
	const empty = await new AxeBuilder({ page }).analyze();
	expect(empty.violations, 'no organization yet').toEqual([]);
	await createOrganization(page, 'Northwind Traders');
	await page.getByLabel('Domain', { exact: true }).fill('northwind.example');
	await page.getByRole('button', { name: 'Add domain' }).click();
	await domainItem(page, 'northwind.example')
		.getByRole('button', { name: 'Verify domain' })
		.click();
	const modes = [
		['light', 1280],
		['dark', 1280],
		['dark', 360]
	] as const;
	for (const [scheme, width] of modes) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width, height: 800 });
		await expect(page.getByLabel('Verification address')).toBeVisible();
		const result = await new AxeBuilder({ page }).analyze();
		expect(result.violations, `Organization (${scheme}, ${width} px)`).toEqual([]);
		// Nothing widens the page: wide tables scroll inside their section.
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(wide, `page width at ${width} px`).toBeLessThanOrEqual(width);
	}
});
