// Issue 9, fault 7 on the Sync page: files imported out of order say the change waits for
// changes not yet on this device (not that something "no longer exists"), and licenses and
// accounts are named, never shown by raw id, in the preview and in the conflict list.
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { deviceId } from '$lib/core';
import type { Change } from '$lib/core';
import ConflictList from '$lib/components/sync/ConflictList.svelte';
import { conflictViews, previewView } from '$lib/components/sync/views';
import { MemoryStore } from '$lib/store';
import { AccountChanges } from '../../unit/core/account-factory';
import { A, ChangeFactory, L1, T0 } from '../../unit/core/factories';

/** Device A's history in two files: the first creates Alice and her license, the second uses them. */
function twoFiles() {
	const f = new ChangeFactory('ddddddddddddddda');
	const first: Change[] = [
		f.signup(A.alice, 'alice@acme.com', 'Alice'),
		f.signup(A.bob, 'bob@acme.com', 'Bob'),
		f.license(A.alice, L1, { sen: 'SEN-0000001' })
	];
	const second: Change[] = [
		f.add(A.alice, L1, 'technical', 'bob@acme.com'),
		f.support(A.bob, L1, 'Please help')
	];
	return { f, first, second };
}

async function conflictsAfter(...files: (readonly Change[])[]) {
	const store = new MemoryStore('bbbbbbbbbbbbbbbb');
	for (const file of files) {
		const result = await store.importChanges(file);
		if (!result.ok) throw new Error(result.error.code);
	}
	const views = conflictViews(await store.conflicts(), store.state, store.device);
	render(ConflictList, { conflicts: views, showDismissed: false, ondismiss: vi.fn() });
	return screen.getByRole('region', { name: 'Conflicts' });
}

describe('Sync words (issue 9, fault 7)', () => {
	it('S5: the second file first: its changes wait for changes not yet on this device', async () => {
		const { second } = twoFiles();
		const region = await conflictsAfter(second);
		const items = within(region).getAllByRole('listitem');
		expect(items).toHaveLength(2);
		for (const item of items) {
			expect(item).toHaveTextContent('waits for changes not yet on this device');
			expect(item).toHaveTextContent('Import the earlier file first');
			expect(item).not.toHaveTextContent('no longer exists');
		}
		// Never a raw id: neutral words where this device does not know the record.
		expect(region).not.toHaveTextContent(/\b(alice|bob|lic-1)\b(?!@)/);
		expect(items[0]).toHaveTextContent(
			'Add bob@acme.com as technical contact of a license not on this device'
		);
		expect(items[0]).toHaveTextContent('By an account not on this device');
	});

	it('S5: once the earlier file is here too, the replay applies them: no conflict is left', async () => {
		const { first, second } = twoFiles();
		const region = await conflictsAfter(second, first);
		expect(within(region).getByText('No conflicts.')).toBeInTheDocument();
	});

	it('A8: a change for a deleted account says it was deleted, not that it is not here yet', async () => {
		const { f, first } = twoFiles();
		const acc = new AccountChanges(f);
		const region = await conflictsAfter([
			...first,
			acc.delete(A.bob, A.bob),
			acc.profile(A.bob, A.bob, { name: 'Robert' })
		]);
		const item = within(region).getByRole('listitem');
		expect(item).toHaveTextContent('Update the profile of Bob (bob@acme.com)');
		expect(item).toHaveTextContent('Bob (bob@acme.com) was deleted');
		expect(item).not.toHaveTextContent('not yet on this device');
	});

	it('S9: the preview names a license the file itself starts, and neutral words for others', async () => {
		const { f, first } = twoFiles();
		const store = new MemoryStore('bbbbbbbbbbbbbbbb');
		const file = [
			...first,
			f.support(A.alice, L1, 'Hi'),
			f.makePrimary(A.alice, L1, 'billing', A.bob)
		];
		const result = await store.previewImport(file);
		if (!result.ok) throw new Error(result.error.code);
		const view = previewView(
			{
				fileName: 'f.json',
				file: {
					device: deviceId('dev-a'),
					exportedAt: T0,
					kind: 'queue',
					encrypted: false,
					changes: file,
					gaps: []
				},
				preview: result.value
			},
			store.state,
			store.device
		);
		const text = JSON.stringify(view);
		expect(text).toContain('Tessera Issues ');
		expect(text).toContain('SEN-0000001');
		expect(text).not.toMatch(/"(alice|bob|lic-1)"/);
	});
});
