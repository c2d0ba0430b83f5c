// S5 on the real store: for random histories by random actors, committing change by change
// and then replaying the log gives the same projection, in memory and after reopening; and
// a refused change never reaches the log.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Change, State } from '$lib/core';
import { IdbStore, MemoryStore } from '$lib/store';
import type { ChangeDraft, Store } from '$lib/store';
import { arbChanges } from '../core/arbitraries';
import { freshIndexedDb } from './helpers';

const T = 1_700_000_000_000;

function draftOf(change: Change): ChangeDraft {
	const { device: _d, clock: _c, at: _a, prev: _p, ...draft } = change;
	return draft;
}

function records(state: State) {
	return {
		accounts: [...state.accounts.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
		licenses: [...state.licenses.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
		sites: [...state.sites.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
		mail: [...state.mail.values()].sort((a, b) => (a.id < b.id ? -1 : 1))
	};
}

async function commitAll(store: Store, changes: readonly Change[]): Promise<number> {
	let accepted = 0;
	for (const [i, change] of changes.entries()) {
		const result = await store.commit(draftOf(change), change.at ?? T + i);
		if (result.ok) accepted++;
	}
	return accepted;
}

beforeEach(() => {
	freshIndexedDb();
});

describe('store properties', () => {
	it('S5: replay() of the log equals the incrementally built projection (memory store)', async () => {
		await fc.assert(
			fc.asyncProperty(arbChanges(30), async (changes) => {
				const store = new MemoryStore();
				const accepted = await commitAll(store, changes);
				const incremental = records(store.state);
				expect(await store.changes()).toHaveLength(accepted);
				const conflicts = await store.replay();
				expect(conflicts).toEqual([]);
				expect(records(store.state)).toEqual(incremental);
			}),
			{ numRuns: 60 }
		);
	});

	it('S5/S8: the IndexedDB projection, reopened and replayed, equals the incremental one', async () => {
		let run = 0;
		await fc.assert(
			fc.asyncProperty(arbChanges(25), async (changes) => {
				const name = `prop-${run++}`;
				const store = await IdbStore.open({ name });
				await commitAll(store, changes);
				const incremental = records(store.state);
				store.close();
				const reopened = await IdbStore.open({ name });
				expect(records(reopened.state)).toEqual(incremental);
				await reopened.replay();
				expect(records(reopened.state)).toEqual(incremental);
				reopened.close();
			}),
			{ numRuns: 25 }
		);
		// Full-cost work (25 databases, each with its X6 device key): never the default timeout.
	}, 60_000);
});
