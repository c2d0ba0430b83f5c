// P4: the page follows a commit as soon as the store has applied it in memory ("applied", with
// the record stores it changed), without waiting for the write; only those stores' readers
// re-derive, once: the commit's own event after its write does not touch them again.
import { describe, expect, it, vi } from 'vitest';
import { deviceId } from '$lib/core';
import { createContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import type { StoreEvent } from '$lib/store';
import { data } from '$lib/state/data.svelte';
import { ALICE, signupDraft } from '../../unit/store/helpers';

describe('data follows "applied" store events', () => {
	it('P4: touches exactly the stores the event names, and not again when that commit is on disk', async () => {
		const store = new MemoryStore(deviceId('c'.repeat(16)));
		let listener: ((event: StoreEvent) => void) | null = null;
		vi.spyOn(store, 'subscribe').mockImplementation((l) => {
			listener = l;
			return () => undefined;
		});
		data.useStore(
			store,
			createContext(store, () => 1_800_000_000_000)
		);
		const licenses = data.writes('licenses');
		const accounts = data.writes('accounts');
		const hear: (event: StoreEvent) => void =
			listener ??
			(() => {
				throw new Error('data did not subscribe');
			});
		const made = await store.commit(
			signupDraft(ALICE, 'alice@acme.com', 'Alice'),
			1_800_000_000_000
		);
		if (!made.ok) throw new Error(made.error.code);
		const { change } = made.value;
		hear({ kind: 'applied', change, stores: ['licenses'] });
		expect(data.writes('licenses')).toBe(licenses + 1);
		expect(data.writes('accounts')).toBe(accounts);
		// Its write finished: already shown, nothing re-derives.
		hear({ kind: 'committed', change, local: true });
		expect(data.writes('licenses')).toBe(licenses + 1);
		expect(data.writes('accounts')).toBe(accounts);
		// Another tab's commit was never shown here: every store re-derives.
		hear({ kind: 'committed', change, local: false });
		expect(data.writes('accounts')).toBe(accounts + 1);
	});
});
