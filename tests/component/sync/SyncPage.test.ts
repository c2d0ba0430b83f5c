// S4, S7, S9 on the whole Sync page (a MemoryStore behind it): every refused file is announced
// in words and changes nothing; a good file goes through the preview; the same file twice says
// nothing was new; a storage failure mid-apply is announced and leaves the data as it was.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeId } from '$lib/core';
import { createContext } from '$lib/app/context';
import { exportChanges } from '$lib/app/sync';
import { data } from '$lib/state/data.svelte';
import { status } from '$lib/state/status.svelte';
import { MemoryStore, StoreError } from '$lib/store';
import { ALICE, BOB, addDraft, licenseDraft, signupDraft } from '../../unit/store/helpers';
import { polyfillDialog } from './dialog';
import SyncRoute from '../../../src/routes/sync/+page.svelte';

const NOW = 1_800_000_000_000;

beforeAll(polyfillDialog);

let store: MemoryStore;

beforeEach(() => {
	status.clear();
	store = new MemoryStore('bbbbbbbbbbbbbbbb');
	data.useStore(
		store,
		createContext(store, () => NOW)
	);
});

/** A file from another device: two accounts, a license and a contact. */
async function fileFromA(): Promise<string> {
	const a = new MemoryStore('aaaaaaaaaaaaaaaa');
	await a.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), NOW - 4000);
	await a.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), NOW - 3000);
	await a.commit(licenseDraft(ALICE, 'lic-1', 'SEN-1000001'), NOW - 2000);
	await a.commit(addDraft(ALICE, 'lic-1', 'bob@acme.com'), NOW - 1000);
	const report = await exportChanges(
		createContext(a, () => NOW),
		{ whole: false }
	);
	if (report.kind !== 'built') throw new Error(report.kind);
	return report.file.text;
}

async function choose(text: string, name = 'changes.json'): Promise<void> {
	const input = screen.getByLabelText('Import changes');
	await fireEvent.change(input, { target: { files: [new File([text], name)] } });
}

/** X6: ticks "I trust where this file came from" (the file from A is not signed by a known key). */
async function trust(): Promise<void> {
	await fireEvent.click(screen.getByLabelText('I trust where this file came from'));
}

/** What the page announced in the shell's live region (StatusRegion renders it). */
const said = () => status.current?.text ?? '';

describe('the Sync page', () => {
	it('S7: a file that is not JSON is refused in words, and nothing changes', async () => {
		render(SyncRoute);
		await choose('my shopping list', 'list.txt');
		await waitFor(() => expect(said()).toContain('This file is not JSON'));
		expect(said()).toContain('Nothing on this device was changed.');
		expect(screen.queryByRole('dialog')).toBeNull();
		expect(await store.changes()).toEqual([]);
	});

	it('S7: a file from a newer Tessera names its version', async () => {
		render(SyncRoute);
		await choose(JSON.stringify({ format: 'tessera-changes', version: 3, changes: [] }));
		await waitFor(() =>
			expect(said()).toContain('written by a newer Tessera (change file version 3)')
		);
	});

	it('S7: an edited file no longer matches its digest', async () => {
		render(SyncRoute);
		await choose((await fileFromA()).replace('"name":"Bob"', '"name":"Mallory"'));
		await waitFor(() => expect(said()).toContain('do not match its digest'));
		expect(await store.changes()).toEqual([]);
	});

	it('S7: a change with a bad field names the change and the field', async () => {
		render(SyncRoute);
		// Each change is checked before the digest, so the reason names the bad field.
		await choose((await fileFromA()).replace('"email":"bob@acme.com"', '"email":42'));
		await waitFor(() => expect(said()).toContain('Change number 2 in the file'));
		expect(said()).toContain('the field payload.email');
	});

	it('S9/S4: a good file is previewed, applied on Apply, and a second time is nothing new', async () => {
		render(SyncRoute);
		const text = await fileFromA();
		await choose(text);
		const dialog = await screen.findByRole('dialog', { name: 'Preview of changes.json' });
		expect(dialog).toHaveTextContent('4 new changes');
		expect(dialog).toHaveTextContent('Tessera Issues SEN-1000001');
		expect(dialog).toHaveTextContent('Bob (bob@acme.com)');
		expect(await store.changes()).toEqual([]);
		await trust();
		await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
		await waitFor(() => expect(said()).toContain('Imported: 4 new changes applied.'));
		expect(screen.queryByRole('dialog')).toBeNull();
		expect(await store.changes()).toHaveLength(4);
		await choose(text);
		await waitFor(() =>
			expect(said()).toContain('Nothing new: every change in this file is already here.')
		);
		expect(screen.queryByRole('dialog')).toBeNull();
	});

	it('X6: a file nothing can verify says so plainly, and Apply waits for the confirmation', async () => {
		render(SyncRoute);
		await choose(await fileFromA());
		const dialog = await screen.findByRole('dialog', { name: 'Preview of changes.json' });
		expect(dialog).toHaveTextContent('Nothing in this file can be verified');
		const apply = screen.getByRole('button', { name: 'Apply' });
		expect(apply).toBeDisabled();
		await fireEvent.click(apply);
		expect(await store.changes()).toEqual([]);
		await trust();
		expect(apply).toBeEnabled();
		await fireEvent.click(screen.getByLabelText('I trust where this file came from'));
		expect(apply).toBeDisabled();
	});

	it('S9: Cancel leaves the device as it was', async () => {
		render(SyncRoute);
		await choose(await fileFromA());
		await screen.findByRole('dialog');
		await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(said()).toContain('Import cancelled: nothing on this device was changed.');
		expect(await store.changes()).toEqual([]);
	});

	it('S4: a storage failure mid-apply is announced, and the data is as it was', async () => {
		render(SyncRoute);
		await choose(await fileFromA());
		await screen.findByRole('dialog');
		vi.spyOn(store, 'importChanges').mockRejectedValueOnce(
			new StoreError('quota-exceeded', 'full')
		);
		await trust();
		await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
		await waitFor(() =>
			expect(said()).toContain(
				'The import failed and was undone: nothing on this device was changed. This device has no room left'
			)
		);
		expect(await store.changes()).toEqual([]);
	});

	it('S3: secrets need a passphrase of 8 characters before anything is written', async () => {
		const reset = await store.commit(
			{
				id: changeId('reset-1'),
				actor: null,
				type: 'account.requestReset',
				payload: { email: 'a@acme.com', token: 't', tokenHash: 'h', expiresAt: NOW + 3_600_000 }
			},
			NOW - 1000
		);
		expect(reset.ok).toBe(true);
		render(SyncRoute);
		const field = await screen.findByLabelText('Passphrase');
		await fireEvent.input(field, { target: { value: 'short' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Export changes' }));
		expect(said()).toContain('must be encrypted: enter a passphrase of at least 8 characters');
		expect(await store.queue()).toHaveLength(1);
	});
});
