// `perform` with the Sync page's commands (READ_COMMANDS): the overview and the conflict list
// are reread after every change, so a read must not clear an error the person has not read
// yet, must not make buttons busy, and a failed read says nothing (the shell shows the data
// problem). Other sync commands are announced in the sync words, and a failed import says that
// nothing on this device changed (S4).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deviceId } from '$lib/core';
import { createContext } from '$lib/app/context';
import { MemoryStore, StoreError } from '$lib/store';
import { data } from '$lib/state/data.svelte';
import { activity, perform } from '$lib/state/perform.svelte';
import { status } from '$lib/state/status.svelte';
import { ALICE, signupDraft } from '../../unit/store/helpers';

const NOW = 1_800_000_000_000;
let store: MemoryStore;

beforeEach(async () => {
	store = new MemoryStore(deviceId('b'.repeat(16)));
	await store.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), NOW - 1000);
	data.useStore(
		store,
		createContext(store, () => NOW)
	);
	status.clear();
});

afterEach(() => {
	status.clear();
	vi.restoreAllMocks();
});

describe('perform with the sync commands', () => {
	it('a read leaves an error on screen and the buttons alone', async () => {
		status.announce('Something the person must read.', 'error');
		const reading = perform('sync.overview', { whole: false });
		expect(activity.busy).toBe(false);
		const read = await reading;
		expect(read).toMatchObject({ ok: true, value: { queued: 1, history: 1 } });
		expect(status.current).toMatchObject({ text: 'Something the person must read.' });
	});

	it('a failed read says nothing', async () => {
		vi.spyOn(store, 'conflicts').mockRejectedValueOnce(new StoreError('unavailable', 'gone'));
		expect(await perform('sync.conflicts', {})).toEqual({ ok: false, reason: 'failed' });
		expect(status.current).toBeNull();
	});

	it('S2: an export is announced from its report, and its command is busy meanwhile', async () => {
		const exporting = perform('sync.export', { whole: false, passphrase: '' });
		expect(activity.running('sync.export')).toBe(true);
		const done = await exporting;
		expect(done.ok && done.value.kind).toBe('built');
		expect(status.current).toMatchObject({ tone: 'success' });
		expect(status.current?.text).toMatch(/^Exported 1 change to /);
	});

	it('S4: a check that throws is announced as a failed import that changed nothing', async () => {
		vi.spyOn(store, 'previewImport').mockRejectedValueOnce(
			new StoreError('quota-exceeded', 'full')
		);
		const built = await perform('sync.export', { whole: false, passphrase: '' });
		if (!built.ok || built.value.kind !== 'built') throw new Error('no file');
		const done = await perform('sync.check', { file: built.value.file.text });
		expect(done).toEqual({ ok: false, reason: 'failed' });
		expect(status.current?.tone).toBe('error');
		expect(status.current?.text).toContain(
			'The import failed and was undone: nothing on this device was changed.'
		);
	});
});
