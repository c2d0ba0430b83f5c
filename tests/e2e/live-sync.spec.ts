/**
 * Live sync end to end (S10) with browser contexts as separate devices and a PouchDB Server the
 * fixture starts (tests/e2e/fixtures/couch.ts): devices converge through it, a device offline
 * catches up, a server killed and restarted loses and duplicates nothing, wrong credentials and
 * a wrong passphrase are told in words, the server holds no personal data in clear, and a team
 * key file made and downloaded on one device opens the team on another (a different one does not).
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/couch';
import { announcement, contact, loadDemo, openLicense } from './helpers/demo';
import {
	ISSUES,
	OLIVIA,
	PRIYA,
	SEN,
	SLOW,
	billingContacts,
	caughtUp,
	connect,
	connected,
	fillServer,
	historyOf,
	historySize,
	livePanel,
	newDevice,
	openSync,
	twoDevicesInStep
} from './helpers/live';
import { loginAs } from './helpers/session';

test('S10: three devices stay in step through the server, which holds only ciphertext', async ({
	browser,
	couch
}) => {
	test.setTimeout(300_000);
	const db = await couch.db('three');
	const [a, b, c] = [await newDevice(browser), await newDevice(browser), await newDevice(browser)];

	// A: the demo organization, Olivia logged in (her device is enrolled: X6), then live.
	await loadDemo(a);
	await loginAs(a, OLIVIA, '/sync');
	await connected(a, db);
	await expect(livePanel(a)).toContainText(/Sent [1-9][\d,]* changes/);
	// A reload starts the counts again but still says when A last sent (a time, not "never").
	await a.reload();
	await expect(livePanel(a)).toContainText(/since this page opened; last sent \d/, SLOW);

	// B and C join: everything arrives, through the file path's checks, with no conflict.
	for (const page of [b, c]) await connected(page, db);
	for (const page of [b, c]) {
		await caughtUp(page, a);
		await expect(page.getByRole('region', { name: 'Conflicts' }).getByRole('listitem')).toHaveCount(
			0
		);
	}

	// Olivia's password hash travelled encrypted: she logs in on B. An edit there reaches A and C.
	await loginAs(b, OLIVIA);
	const region = await openLicense(b, ISSUES, SEN);
	await contact(region, 'Billing', PRIYA).getByRole('button', { name: 'Make primary' }).click();
	await expect(contact(region, 'Billing', PRIYA)).toContainText('Primary');
	const shown = await (await billingContacts(b)).innerText();
	for (const page of [a, c]) {
		await loginAs(page, OLIVIA);
		const list = await billingContacts(page);
		await expect.poll(() => list.innerText(), SLOW).toBe(shown);
	}

	// The server's documents: ids, devices and clocks in clear, nothing personal or secret.
	const text = JSON.stringify(await couch.docs(db.name));
	for (const clear of [
		OLIVIA,
		PRIYA,
		'Olivia Park',
		'northwind',
		'passwordHash',
		'totp',
		'contact.'
	]) {
		expect(text, `the server holds "${clear}" in clear`).not.toContain(clear);
	}
	expect(text).toContain('"ciphertext"');
});

test('S10: wrong credentials and a wrong passphrase are told in words, and nothing is read', async ({
	browser,
	couch
}) => {
	test.setTimeout(240_000);
	const db = await couch.db('words');
	const a = await newDevice(browser);
	await connect(a, db, { password: 'not the password' });
	await expect(announcement(a)).toContainText(
		'The server did not accept this user name and password.',
		SLOW
	);
	await expect(livePanel(a).getByRole('button', { name: 'Connect' })).toBeVisible();

	await connected(a, db); // makes the team key
	const b = await newDevice(browser);
	await connect(b, db, { passphrase: 'a different passphrase' });
	await expect(announcement(b)).toContainText('That is not this team’s passphrase', SLOW);
	await expect(livePanel(b).getByRole('button', { name: 'Connect' })).toBeVisible();

	// A document written straight into the server by someone without the team key is refused,
	// counted, and changes nothing.
	const forged = await fetch(`${db.url}/${db.name}/c%3Aforged-1`, {
		method: 'PUT',
		headers: {
			'content-type': 'application/json',
			authorization: `Basic ${Buffer.from(`${db.username}:${db.password}`).toString('base64')}`
		},
		body: JSON.stringify({
			kind: 'change',
			device: 'ffffffffffffffff',
			clock: '0',
			iv: 'AAAAAAAAAAAAAAAA',
			ciphertext: 'bm90IGVuY3J5cHRlZCB1bmRlciB0aGUgdGVhbSBrZXk'
		})
	});
	expect(forged.status).toBe(201);
	const c = await newDevice(browser);
	await connected(c, db);
	await expect(livePanel(c)).toContainText(
		'1 document on the server could not be opened with the team key: not applied.',
		SLOW
	);
	await caughtUp(c, a);
});

test('S10: a device offline catches up, and a server killed and restarted loses and duplicates nothing', async ({
	browser,
	couch
}) => {
	test.setTimeout(300_000);
	const db = await couch.db('faults');
	const [a, b] = await twoDevicesInStep(browser, db);

	// B goes offline; A edits; B comes back and catches up.
	await b.context().setOffline(true);
	await expect(livePanel(b)).toContainText('Offline', SLOW);
	await loginAs(a, OLIVIA);
	let region = await openLicense(a, ISSUES, SEN);
	await contact(region, 'Billing', PRIYA).getByRole('button', { name: 'Make primary' }).click();
	await expect(contact(region, 'Billing', PRIYA)).toContainText('Primary');
	await b.context().setOffline(false);
	await caughtUp(b, a);

	// The server dies; A goes on working and says it waits; the server comes back: all arrives.
	await couch.kill();
	await a.goto('/licenses');
	region = await openLicense(a, ISSUES, SEN);
	await contact(region, 'Billing', OLIVIA).getByRole('button', { name: 'Make primary' }).click();
	await expect(contact(region, 'Billing', OLIVIA)).toContainText('Primary');
	await openSync(a);
	await expect(livePanel(a)).toContainText('Offline', SLOW);
	await couch.restart();
	await caughtUp(b, a);
	await loginAs(b, OLIVIA);
	const onA = await (await billingContacts(a)).innerText();
	expect(await (await billingContacts(b)).innerText()).toBe(onA);

	// Nothing twice: one change document per change in A's log, whatever was retried.
	const docs = await couch.docs(db.name);
	const ids = docs.map((d) =>
		typeof d === 'object' && d !== null ? String(Reflect.get(d, '_id')) : ''
	);
	const changeDocs = ids.filter((id) => id.startsWith('c:'));
	expect(new Set(changeDocs).size).toBe(changeDocs.length);
	expect(changeDocs.length).toBe(await historySize(a));
});

test('S10: a team key file made on one device opens the team on another; a different key file is refused', async ({
	browser,
	couch
}) => {
	test.setTimeout(300_000);
	const db = await couch.db('keyfile');
	const a = await newDevice(browser);
	await loadDemo(a);
	await loginAs(a, OLIVIA, '/sync');

	// A makes the team's key file: it downloads, and is the one this connect uses.
	await openSync(a);
	const panel = livePanel(a);
	await fillServer(a, db);
	await panel.getByRole('radio', { name: 'Use a key file' }).check();
	const [download] = await Promise.all([
		a.waitForEvent('download'),
		panel.getByRole('button', { name: 'Make a team key file' }).click()
	]);
	expect(download.suggestedFilename()).toBe('tessera-team-key.json');
	const keyFile = test.info().outputPath('tessera-team-key.json');
	await download.saveAs(keyFile);
	await expect(announcement(a)).toContainText('keep it safe');
	await expect(panel).toContainText('Using tessera-team-key.json, just made and downloaded.');
	// P2: the Sync page with the key-file choice open has no axe violations.
	const scan = await new AxeBuilder({ page: a }).analyze();
	expect(scan.violations).toEqual([]);
	await panel.getByRole('button', { name: 'Connect' }).click();
	await expect(announcement(a)).toContainText('Live sync is on', SLOW);
	await expect(panel).toContainText('Connected and up to date', SLOW);

	// B joins with a copy of that file: everything arrives; an edit on B reaches A.
	const b = await newDevice(browser);
	await connected(b, db, { keyFile });
	await caughtUp(b, a);
	await loginAs(b, OLIVIA);
	const region = await openLicense(b, ISSUES, SEN);
	await contact(region, 'Billing', PRIYA).getByRole('button', { name: 'Make primary' }).click();
	await expect(contact(region, 'Billing', PRIYA)).toContainText('Primary');
	const shown = await (await billingContacts(b)).innerText();
	const list = await billingContacts(a);
	await expect.poll(() => list.innerText(), SLOW).toBe(shown);

	// C has another team's key file: refused in words about a key file, nothing read.
	const other = test.info().outputPath('other-team-key.json');
	const secret = randomBytes(32).toString('base64url');
	await writeFile(other, JSON.stringify({ format: 'tessera-team-key', version: 1, secret }));
	const c = await newDevice(browser);
	await connect(c, db, { keyFile: other });
	await expect(announcement(c)).toContainText('That is not this team’s key file', SLOW);
	await expect(livePanel(c).getByRole('button', { name: 'Connect' })).toBeVisible();
	expect(await historyOf(c)).not.toBe(await historyOf(a));
});
