/**
 * O6 end to end: once an admin verified the company domain, the Audit log shows the
 * organization's history and its managed accounts' (by time, actor, device, action), filters by
 * action, account and actor, says whether the device chains behind it are intact, and exports a
 * CSV whose cells are quoted and formula-safe.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { announcement, loadDemo } from './helpers/demo';
import { createOrganization, verifyDomainByMail } from './helpers/organization';
import { loginAs } from './helpers/session';

const OLIVIA = 'olivia.park@northwind.example';

test('O6: the audit log lists, filters and exports what touched the organization', async ({
	page
}) => {
	test.slow();
	await loadDemo(page);
	await loginAs(page, OLIVIA, '/organization');
	await createOrganization(page, 'Northwind Traders');
	await verifyDomainByMail(page, 'northwind.example', 'it@northwind.example');

	const audit = page.getByRole('region', { name: 'Audit log' });
	const table = audit.getByRole('table');
	for (const name of ['Time', 'Actor', 'Device', 'Action']) {
		await expect(table.getByRole('columnheader', { name })).toBeVisible();
	}
	await expect(audit).toContainText('intact');
	// The demo's history of the managed accounts is in it, and the organization's own changes.
	await expect(table).toContainText('Create the organization');
	await expect(table).toContainText('Verify the domain');
	const rows = table.getByRole('row');
	const all = await rows.count();
	expect(all).toBeGreaterThan(5);

	await audit.getByLabel('Action').selectOption({ label: 'domain verified' });
	await expect(rows).toHaveCount(2); // the header and the one verification
	await expect(rows.nth(1)).toContainText('Olivia Park');

	await audit.getByLabel('Action').selectOption({ label: 'Any action' });
	await audit.getByLabel('Account').fill('tom.becker');
	await expect(rows.nth(1)).toContainText('Tom Becker');
	await audit.getByLabel('Account').fill('');
	await audit.getByLabel('Actor').fill('nobody-like-this');
	await expect(rows).toHaveCount(1);
	await expect(audit).toContainText('0 of');
	await audit.getByLabel('Actor').fill('');

	await audit.getByLabel('Action').selectOption({ label: 'organization created' });
	const download = page.waitForEvent('download');
	await audit.getByRole('button', { name: 'Export CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^tessera-audit-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = await readFile((await file.path()) ?? '', 'utf8');
	const lines = csv.trimEnd().split('\r\n');
	expect(lines[0]).toBe('"Time","Actor","Device","Action","Account","Change id"');
	expect(lines).toHaveLength(2);
	expect(lines[1]).toContain('"Create the organization Northwind Traders"');
	await expect(announcement(page)).toContainText('Exported 1 audit entries as CSV.');
});
