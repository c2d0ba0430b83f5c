/**
 * S3, S4 (issue #9, fault 1): a 100,000-change encrypted whole-history backup, written by the
 * app's own writer, restores onto an empty device through the Sync page (Import changes,
 * Passphrase, Apply): every change arrives, and a person from it logs in with their password.
 * Full-cost work (reading, checking and applying 100,000 changes), so its timeout is explicit.
 */
import { expect, test } from '@playwright/test';
import { announcement } from './helpers/demo';
import { logInThroughUi } from './helpers/session';
import { writeBackup } from './helpers/backup';

const PASSPHRASE = 'correct horse battery staple';
const TOTAL = 100_000;

test('S3/S4 (fault 1): a 100,000-change encrypted backup restores onto an empty device', async ({
	page
}) => {
	// Generous: the work is real and a shared 2-core machine may be busy with other tests. The
	// steps' own timeouts below are what a busy machine needs, not what the test usually takes.
	test.setTimeout(600_000);
	const path = test.info().outputPath('backup.json');
	const started = Date.now();
	const backup = await writeBackup(path, TOTAL, PASSPHRASE);
	expect(backup.changes).toBe(TOTAL);
	test.info().annotations.push({
		type: 'backup',
		description: `${backup.changes} changes, ${backup.bytes} bytes, written in ${Date.now() - started} ms`
	});

	const restoring = Date.now();
	await page.goto('/sync');
	await expect(page.getByTestId('history-count')).toHaveText(
		'This device holds 0 changes from 0 devices.'
	);
	await page.getByLabel('Import changes').setInputFiles(path);
	const dialog = page.getByRole('dialog');
	await expect(dialog).toHaveAccessibleName('Open an encrypted file');
	await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
	await dialog.getByRole('button', { name: 'Open' }).click();
	await expect(dialog).toHaveAccessibleName(/^Preview of /, { timeout: 240_000 });
	await expect(dialog).toContainText('100,000 new changes');
	const previewed = Date.now();
	await dialog.getByRole('button', { name: 'Apply' }).click();
	await expect(dialog).toBeHidden({ timeout: 240_000 });
	await expect(announcement(page)).toContainText('Imported: 100,000 new changes applied.');
	await expect(page.getByTestId('history-count')).toHaveText(
		'This device holds 100,000 changes from 1 device.',
		{ timeout: 120_000 }
	);
	test.info().annotations.push({
		type: 'restore',
		description: `read and previewed in ${previewed - restoring} ms, applied and counted in ${Date.now() - previewed} ms`
	});

	// The secrets travelled: a person from the backup logs in with their password.
	await logInThroughUi(page, 'olivia.park@northwind.example');
	await page.goto('/licenses');
	await expect(page.getByRole('heading', { name: 'Licenses', level: 1 })).toBeVisible();
	await expect(page.getByText('Tessera Issues').first()).toBeVisible();
});
