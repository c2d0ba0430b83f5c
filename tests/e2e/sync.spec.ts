/**
 * Sync end to end (S2–S9, X5) with two browser contexts as two devices (separate storage):
 * changes made through the real UI on each, exported as files (encrypted when they carry
 * secrets), previewed and imported both ways; both devices end in the same state, and a
 * concurrent delete / make-primary race shows up as a conflict on both. Refused files say why
 * and change nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Browser, Locator, Page } from '@playwright/test';
import { announcement, contact, loadDemo, openLicense } from './helpers/demo';
import { logInThroughUi, loginAs } from './helpers/session';

const PASSPHRASE = 'correct horse battery staple';
const OLIVIA = 'olivia.park@northwind.example';
const PRIYA = 'priya.shah@northwind.example';
const ISSUES = 'Tessera Issues';
const SEN = 'SEN-2041000101';

async function newDevice(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

/** Opens Sync and waits until the queue has been counted. */
async function openSync(page: Page): Promise<void> {
	await page.goto('/sync');
	await expect(page.getByTestId('queue-count')).not.toContainText('Counting');
	await expect(page.getByTestId('history-count')).not.toContainText('Counting');
}

/**
 * "Export changes", with the passphrase when the page asks for one, then "I kept the file"
 * once the download is saved (S2: only then does the queue count as exported); returns the
 * file's path.
 */
async function exportFile(page: Page, name: string, whole = false): Promise<string> {
	await openSync(page);
	if (whole) await page.getByLabel('Whole history').check();
	const passphrase = page.getByLabel('Passphrase', { exact: true });
	if (await passphrase.isVisible()) await passphrase.fill(PASSPHRASE);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export changes' }).click();
	const path = test.info().outputPath(`${name}.json`);
	await (await download).saveAs(path);
	await expect(announcement(page)).toContainText('Exported');
	await page
		.getByRole('group', { name: 'Did you keep the file?' })
		.getByRole('button', { name: 'I kept the file' })
		.click();
	await expect(announcement(page)).toContainText('Kept');
	return path;
}

/** Chooses the file under "Import changes" (with the passphrase if asked); returns the preview. */
async function previewFile(page: Page, path: string, passphrase?: string): Promise<Locator> {
	await openSync(page);
	await page.getByLabel('Import changes').setInputFiles(path);
	const dialog = page.getByRole('dialog');
	if (passphrase !== undefined) {
		await expect(dialog).toHaveAccessibleName('Open an encrypted file');
		await dialog.getByLabel('Passphrase').fill(passphrase);
		await dialog.getByRole('button', { name: 'Open' }).click();
	}
	await expect(dialog).toHaveAccessibleName(/^Preview of /);
	return dialog;
}

/**
 * X6: a file whose changes nothing can verify (its device was never enrolled by a log in, or a
 * version-1 file) asks the person to confirm they trust it before Apply; a signed file does not.
 */
async function trustIfAsked(dialog: Locator): Promise<void> {
	const trust = dialog.getByLabel('I trust where this file came from');
	if (await trust.isVisible()) {
		await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
		await trust.check();
	}
}

async function applyPreview(page: Page, dialog: Locator): Promise<void> {
	await trustIfAsked(dialog);
	await dialog.getByRole('button', { name: 'Apply' }).click();
	await expect(dialog).toBeHidden();
	await expect(announcement(page)).toContainText('Imported');
}

/** What a device shows of the license's billing contacts, item by item. */
async function billingContacts(page: Page): Promise<string[]> {
	await page.goto('/licenses');
	const region = await openLicense(page, ISSUES, SEN);
	const list = region.getByRole('list', { name: 'Billing contacts' }).getByRole('listitem');
	return list.allInnerTexts();
}

test('S3–S9: two devices swap change files, converge, and both list the conflicting edit', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const a = await newDevice(browser);
	const b = await newDevice(browser);

	// Device A: the demo data, exported whole; it carries password hashes, so it is encrypted.
	await loadDemo(a);
	await openSync(a);
	await expect(a.getByText('These changes carry secrets')).toBeVisible();
	const first = await exportFile(a, 'a-first');
	await expect(announcement(a)).toContainText('The file is encrypted');
	await expect(announcement(a)).toContainText('same passphrase');
	await expect(a.getByTestId('queue-count')).toHaveText(
		'Every change made on this device has been exported.'
	);

	// Device B: a wrong passphrase is refused in words, then the right one opens the preview.
	await openSync(b);
	await b.getByLabel('Import changes').setInputFiles(first);
	let dialog = b.getByRole('dialog');
	await dialog.getByLabel('Passphrase').fill('not the passphrase');
	await dialog.getByRole('button', { name: 'Open' }).click();
	await expect(dialog.getByRole('alert')).toContainText('does not open this file');
	await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
	await dialog.getByRole('button', { name: 'Open' }).click();
	await expect(dialog).toHaveAccessibleName(/^Preview of /);
	await expect(dialog).toContainText('new changes');
	await expect(dialog).toContainText(`${ISSUES} ${SEN}`);
	await expect(dialog).toContainText('Olivia Park (olivia.park@northwind.example)');
	await applyPreview(b, dialog);
	await expect(b.getByTestId('history-count')).toHaveText(
		await a.getByTestId('history-count').innerText()
	);

	// The password hashes travelled: Olivia logs in on B with her password.
	await logInThroughUi(b, OLIVIA);
	await loginAs(a, OLIVIA);

	// Offline on both: A deletes Priya as billing contact; a moment later B makes her primary.
	let region = await openLicense(a, ISSUES, SEN);
	await contact(region, 'Billing', PRIYA).getByRole('button', { name: 'Delete' }).click();
	await expect(contact(region, 'Billing', PRIYA)).toHaveCount(0);
	await b.goto('/licenses');
	region = await openLicense(b, ISSUES, SEN);
	await contact(region, 'Billing', PRIYA).getByRole('button', { name: 'Make primary' }).click();
	await expect(contact(region, 'Billing', PRIYA)).toContainText('Primary');

	// A's file on B: B's own make-primary now comes after the delete, and would conflict.
	const fromA = await exportFile(a, 'a-second');
	dialog = await previewFile(b, fromA);
	await expect(dialog.getByRole('heading', { name: 'Would conflict (1)' })).toBeVisible();
	await expect(dialog).toContainText('Make Priya Shah (priya.shah@northwind.example) primary');
	await expect(dialog).toContainText('not a contact in this role any more');
	await trustIfAsked(dialog);
	await dialog.getByRole('button', { name: 'Apply' }).click();
	await expect(announcement(b)).toContainText('kept as a conflict');

	// B's file on A: the same change, refused the same way. X6: with it comes the enrollment
	// of device B for Olivia, made when she logged in on B.
	const fromB = await exportFile(b, 'b-first');
	dialog = await previewFile(a, fromB);
	await expect(dialog).toContainText('2 new changes');
	await expect(dialog).toContainText('not a contact in this role any more');
	await applyPreview(a, dialog);

	// Both devices show the same thing, and both list the conflict with its reason.
	for (const page of [a, b]) {
		await openSync(page);
		const conflicts = page.getByRole('region', { name: 'Conflicts' });
		await expect(conflicts.getByRole('listitem')).toHaveCount(1);
		await expect(conflicts).toContainText('Make Priya Shah');
		await expect(conflicts).toContainText('not a contact in this role any more');
	}
	await expect(a.getByTestId('history-count')).toHaveText(
		await b.getByTestId('history-count').innerText()
	);
	const shownOnA = await billingContacts(a);
	expect(shownOnA.join('\n')).not.toContain(PRIYA);
	expect(await billingContacts(b)).toEqual(shownOnA);

	// S4: the same file again changes nothing, and says so.
	await openSync(a);
	await a.getByLabel('Import changes').setInputFiles(fromB);
	await expect(announcement(a)).toContainText(
		'Nothing new: every change in this file is already here.'
	);
	await expect(a.getByRole('dialog')).toBeHidden();

	// S5: dismissing hides the conflict; "Show dismissed" lists it again.
	const conflicts = a.getByRole('region', { name: 'Conflicts' });
	await conflicts.getByRole('button', { name: 'Dismiss' }).click();
	await expect(conflicts.getByRole('listitem')).toHaveCount(0);
	await conflicts.getByLabel('Show dismissed (1)').check();
	await expect(conflicts.getByRole('listitem')).toContainText('Dismissed');

	// X5: the imported history links up.
	await a.getByRole('button', { name: "Check this device's history" }).click();
	await expect(announcement(a)).toContainText('link up');
});

test('S2 (fault 1): the queue counts as exported only once the file is said to be kept', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const a = await newDevice(browser);
	await loadDemo(a);
	await openSync(a);
	const waiting = await a.getByTestId('queue-count').innerText();
	expect(waiting).toMatch(/are waiting to be exported/);
	await a.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	let download = a.waitForEvent('download');
	await a.getByRole('button', { name: 'Export changes' }).click();
	const first = await download;
	const prompt = a.getByRole('group', { name: 'Did you keep the file?' });
	await expect(prompt).toContainText(first.suggestedFilename());
	await expect(a.getByTestId('queue-count')).toHaveText(waiting);
	// The download went astray: the same file again.
	download = a.waitForEvent('download');
	await prompt.getByRole('button', { name: 'Download again' }).click();
	expect((await download).suggestedFilename()).toBe(first.suggestedFilename());
	// Leaving without saying it was kept leaves every change queued.
	await openSync(a);
	await expect(a.getByTestId('queue-count')).toHaveText(waiting);
	await expect(a.getByRole('group', { name: 'Did you keep the file?' })).toHaveCount(0);
	await exportFile(a, 'kept');
	await expect(a.getByTestId('queue-count')).toHaveText(
		'Every change made on this device has been exported.'
	);
});

test('S7: a file that is not JSON, and a tampered one, are refused with the reason; nothing changes', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const a = await newDevice(browser);
	const b = await newDevice(browser);

	await loadDemo(a);
	await exportFile(a, 'backup'); // the demo, so the next export holds only the new change
	await loginAs(a, OLIVIA);
	const region = await openLicense(a, ISSUES, SEN);
	await contact(region, 'Billing', PRIYA).getByRole('button', { name: 'Make primary' }).click();
	await expect(contact(region, 'Billing', PRIYA)).toContainText('Primary');
	const plain = await exportFile(a, 'plain');
	await expect(announcement(a)).toContainText('not encrypted');

	await openSync(b);
	const before = await b.getByTestId('history-count').innerText();

	// Dropped onto the page, as a person drags a file from their desktop.
	const dropped = await b.evaluateHandle(() => {
		const transfer = new DataTransfer();
		const text = 'These are my notes, not a change file.';
		transfer.items.add(new File([text], 'notes.txt', { type: 'text/plain' }));
		return transfer;
	});
	await b.dispatchEvent('main', 'dragover', { dataTransfer: dropped });
	await expect(b.getByText('Drop the change file to import it')).toBeVisible();
	await b.dispatchEvent('main', 'drop', { dataTransfer: dropped });
	await expect(announcement(b)).toContainText('This file is not JSON');
	await expect(announcement(b)).toContainText('Nothing on this device was changed');
	await expect(b.getByRole('dialog')).toBeHidden();

	// Someone edits the change in the file: the digest no longer matches.
	const tampered = test.info().outputPath('tampered.json');
	const text = await readFile(plain, 'utf8');
	expect(text).toContain('"contact.makePrimary"');
	await writeFile(tampered, text.replace('"role":"billing"', '"role":"technical"'));
	await b.getByLabel('Import changes').setInputFiles(tampered);
	await expect(announcement(b)).toContainText('do not match its digest');
	await expect(announcement(b)).toContainText('Nothing on this device was changed');
	await expect(b.getByRole('dialog')).toBeHidden();

	await openSync(b);
	await expect(b.getByTestId('history-count')).toHaveText(before);
});

test('X6: a version-1 file says nothing in it can be verified, and imports only once trusted', async ({
	browser
}) => {
	const b = await newDevice(browser);
	const dialog = await previewFile(b, 'tests/fixtures/sync/v1-plain.json');
	await expect(dialog).toContainText('Nothing in this file can be verified');
	const apply = dialog.getByRole('button', { name: 'Apply' });
	await expect(apply).toBeDisabled();
	await dialog.getByLabel('I trust where this file came from').check();
	await expect(apply).toBeEnabled();
	await apply.click();
	await expect(dialog).toBeHidden();
	await expect(announcement(b)).toContainText('Imported');
	await openSync(b);
	await expect(b.getByTestId('history-count')).toContainText('20 changes');
});

test('P2: the Sync page and its dialogs have no axe violations, light, dark and 360 px', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const a = await newDevice(browser);
	await loadDemo(a);
	const file = await exportFile(a, 'demo');
	const b = await newDevice(browser);
	const modes = [
		['light', 1280],
		['dark', 1280],
		['dark', 360]
	] as const;
	for (const [scheme, width] of modes) {
		for (const page of [a, b]) {
			await page.emulateMedia({ colorScheme: scheme });
			await page.setViewportSize({ width, height: 800 });
		}
		await openSync(a);
		await a.getByLabel('Whole history').check();
		await expect(a.getByLabel('Passphrase', { exact: true })).toBeVisible();
		const page = await new AxeBuilder({ page: a }).analyze();
		expect(page.violations, `Sync (${scheme}, ${width} px)`).toEqual([]);

		await openSync(b);
		await b.getByLabel('Import changes').setInputFiles(file);
		const dialog = b.getByRole('dialog');
		await expect(dialog).toHaveAccessibleName('Open an encrypted file');
		const asking = await new AxeBuilder({ page: b }).analyze();
		expect(asking.violations, `Passphrase dialog (${scheme}, ${width} px)`).toEqual([]);
		await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
		await dialog.getByRole('button', { name: 'Open' }).click();
		await expect(dialog.getByRole('button', { name: 'Apply' })).toBeVisible();
		const preview = await new AxeBuilder({ page: b }).analyze();
		expect(preview.violations, `Preview (${scheme}, ${width} px)`).toEqual([]);
		await b.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(announcement(b)).toContainText('Import cancelled');
	}
});
