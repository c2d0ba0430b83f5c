// Live sync (S10) end to end: browser contexts as separate devices, each connected through the
// Sync page's "Live sync" panel to a database of the PouchDB Server the couch fixture starts.
import { basename } from 'node:path';
import { expect } from '@playwright/test';
import type { Browser, Locator, Page } from '@playwright/test';
import type { CouchDatabase } from '../fixtures/couch';
import { announcement, loadDemo, openLicense } from './demo';
import { loginAs } from './session';

export const PASSPHRASE = 'our team passphrase';
export const OLIVIA = 'olivia.park@northwind.example';
export const PRIYA = 'priya.shah@northwind.example';
export const ISSUES = 'Tessera Issues';
export const SEN = 'SEN-2041000101';
/** Connecting stretches the passphrase (full-cost PBKDF2) and may pull thousands of changes. */
export const SLOW = { timeout: 90_000 };

export async function newDevice(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

export function livePanel(page: Page): Locator {
	return page.getByRole('region', { name: 'Live sync' });
}

export async function openSync(page: Page): Promise<void> {
	await page.goto('/sync');
	await expect(page.getByTestId('history-count')).not.toContainText('Counting');
}

/** The Live sync panel's server fields. */
export async function fillServer(
	page: Page,
	db: CouchDatabase,
	password = db.password
): Promise<void> {
	const panel = livePanel(page);
	await panel.getByLabel('Server URL').fill(db.url);
	await panel.getByLabel('Database').fill(db.name);
	await panel.getByLabel('User name').fill(db.username);
	await panel.getByLabel('Server password').fill(password);
}

/** Connects with the team passphrase, or with the team key file at `keyFile` (a path). */
export async function connect(
	page: Page,
	db: CouchDatabase,
	options: { password?: string; passphrase?: string; keyFile?: string } = {}
): Promise<void> {
	await openSync(page);
	const panel = livePanel(page);
	await fillServer(page, db, options.password);
	if (options.keyFile === undefined) {
		await panel.getByLabel('Team passphrase').fill(options.passphrase ?? PASSPHRASE);
	} else {
		await panel.getByRole('radio', { name: 'Use a key file' }).check();
		await panel.getByLabel('Team key file').setInputFiles(options.keyFile);
		// The panel has read the file once it names it.
		await expect(panel).toContainText(`Using ${basename(options.keyFile)}.`);
	}
	await panel.getByRole('button', { name: 'Connect' }).click();
}

export async function connected(
	page: Page,
	db: CouchDatabase,
	options: { keyFile?: string } = {}
): Promise<void> {
	await connect(page, db, options);
	await expect(announcement(page)).toContainText('Live sync is on', SLOW);
	await expect(livePanel(page)).toContainText('Connected and up to date', SLOW);
}

export async function historyOf(page: Page): Promise<string> {
	await openSync(page);
	return page.getByTestId('history-count').innerText();
}

/** The number of changes the Sync page says this device's history holds. */
export async function historySize(page: Page): Promise<number> {
	const held = /holds ([\d,]+) change/.exec(await historyOf(page))?.[1];
	if (held === undefined) throw new Error('the Sync page does not say how many changes it holds');
	return Number(held.replace(/,/g, ''));
}

/**
 * Waits, on the open Sync page, until the device holds what `other` holds. The page is not
 * reloaded meanwhile: a reload would restart live sync each time (it resumes on load).
 */
export async function caughtUp(page: Page, other: Page): Promise<void> {
	const expected = await historyOf(other);
	await openSync(page);
	await expect(page.getByTestId('history-count')).toHaveText(expected, SLOW);
}

/** The license's billing contacts, as shown (the license opened on the Licenses page). */
export async function billingContacts(page: Page): Promise<Locator> {
	await page.goto('/licenses');
	const region = await openLicense(page, ISSUES, SEN);
	return region.getByRole('list', { name: 'Billing contacts' });
}

/**
 * Two devices in step through `db`: A holds the demo with Olivia logged in (her device enrolled:
 * X6) and B has pulled it all. Both are left on the Sync page.
 */
export async function twoDevicesInStep(browser: Browser, db: CouchDatabase): Promise<[Page, Page]> {
	const a = await newDevice(browser);
	const b = await newDevice(browser);
	await loadDemo(a);
	await loginAs(a, OLIVIA, '/sync');
	await connected(a, db);
	await connected(b, db);
	await caughtUp(b, a);
	return [a, b];
}
