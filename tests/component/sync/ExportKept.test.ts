// S2/S3 (issue #9, fault 1): the queue counts as exported only when the person says the file
// was kept. Until then the changes stay queued, the file can be downloaded again, and leaving
// the page leaves the queue as it was.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContext } from '$lib/app/context';
import { data } from '$lib/state/data.svelte';
import { status } from '$lib/state/status.svelte';
import { MemoryStore } from '$lib/store';
import { ALICE, BOB, signupDraft } from '../../unit/store/helpers';
import { polyfillDialog } from './dialog';
import SyncRoute from '../../../src/routes/sync/+page.svelte';

const downloads = vi.hoisted(() => ({ names: [] as string[] }));
vi.mock('$lib/state/deliver', () => ({
	downloadText: (_text: string, filename: string) => void downloads.names.push(filename),
	shareableFile: () => null,
	shareFile: () => Promise.resolve('shared')
}));

const NOW = 1_800_000_000_000;
let store: MemoryStore;

beforeAll(polyfillDialog);
beforeEach(async () => {
	status.clear();
	downloads.names = [];
	store = new MemoryStore('bbbbbbbbbbbbbbbb');
	data.useStore(
		store,
		createContext(store, () => NOW)
	);
	await store.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), NOW - 2000);
	await store.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), NOW - 1000);
});

const queueText = () => screen.getByTestId('queue-count').textContent ?? '';

describe('confirming an export was kept', () => {
	it('S2 (fault 1): the queue is exported only after “I kept the file”; until then it can be downloaded again', async () => {
		render(SyncRoute);
		await waitFor(() => expect(queueText()).toContain('2 changes'));
		await fireEvent.click(screen.getByRole('button', { name: 'Export changes' }));
		const prompt = await screen.findByRole('group', { name: 'Did you keep the file?' });
		expect(downloads.names).toHaveLength(1);
		expect(prompt.textContent).toContain(downloads.names[0]);
		expect(await store.queue()).toHaveLength(2);
		expect(queueText()).toContain('2 changes');
		await fireEvent.click(screen.getByRole('button', { name: 'Download again' }));
		expect(downloads.names).toHaveLength(2);
		expect(downloads.names[1]).toBe(downloads.names[0]);
		await fireEvent.click(screen.getByRole('button', { name: 'I kept the file' }));
		await waitFor(() =>
			expect(queueText()).toBe('Every change made on this device has been exported.')
		);
		expect(await store.queue()).toEqual([]);
		expect(screen.queryByRole('group', { name: 'Did you keep the file?' })).toBeNull();
		expect(status.current?.text).toContain(`Kept ${downloads.names[0] ?? ''}`);
	});

	it('S2 (fault 1): leaving the page without confirming leaves the changes queued', async () => {
		const page = render(SyncRoute);
		await waitFor(() => expect(queueText()).toContain('2 changes'));
		await fireEvent.click(screen.getByRole('button', { name: 'Export changes' }));
		await screen.findByRole('group', { name: 'Did you keep the file?' });
		page.unmount();
		expect(await store.queue()).toHaveLength(2);
		render(SyncRoute);
		await waitFor(() => expect(queueText()).toContain('2 changes'));
		expect(screen.queryByRole('group', { name: 'Did you keep the file?' })).toBeNull();
	});

	it('S3: a whole-history backup asks too, and leaves the queue as it was', async () => {
		render(SyncRoute);
		await waitFor(() => expect(queueText()).toContain('2 changes'));
		await fireEvent.click(screen.getByRole('checkbox', { name: 'Whole history' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Export changes' }));
		await screen.findByRole('group', { name: 'Did you keep the file?' });
		await fireEvent.click(screen.getByRole('button', { name: 'I kept the file' }));
		await waitFor(() =>
			expect(screen.queryByRole('group', { name: 'Did you keep the file?' })).toBeNull()
		);
		expect(await store.queue()).toHaveLength(2);
	});
});
