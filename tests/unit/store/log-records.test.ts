// S1/S5/S4 with the log and the mail in coarse records (schema version 6): whatever the
// transactions that wrote it, the log reads back in the total order of S5 exactly as the
// MemoryStore holds it, and so do the queue (S2), the mail and a replay; a failure while
// writing a later log record leaves nothing of the transaction behind.
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accountId, changeId, compareChanges } from '$lib/core';
import type { Change } from '$lib/core';
import { DB_NAME, IdbStore, MemoryStore, StoreError } from '$lib/store';
import type { Store } from '$lib/store';
import type { LogRecord, TesseraSchema } from '$lib/store/db';
import type { ChangeDraft } from '$lib/store/types';
import { workload } from '../../bench/workload';
import { freshIndexedDb, signupDraft } from './helpers';

const DEVICE = '1234123412341234';
const OTHER = '9876987698769876';
const NOW = 1_800_000_000_000;
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with the store as this
const realAdd = IDBObjectStore.prototype.add;

beforeEach(() => {
	freshIndexedDb();
});

/** The same history on any store: single commits, batches over 1,000, an export, an import. */
async function history(store: Store, drafts: readonly ChangeDraft[], other: readonly Change[]) {
	for (const [i, draft] of drafts.slice(0, 5).entries()) {
		expect((await store.commit(draft, NOW + i)).ok).toBe(true);
	}
	for (const results of [
		await store.commitMany(drafts.slice(5, 2_505), NOW + 100),
		await store.commitMany(drafts.slice(2_505, 2_700), NOW + 200)
	]) {
		expect(results.every((r) => r.ok)).toBe(true);
	}
	const exported = (await store.changes())[1_200]?.clock ?? '';
	await store.markExported(exported);
	// Another device's changes, with clocks among this device's: the import replays.
	const imported = await store.importChanges(other);
	expect(imported.ok && imported.value.replayed).toBe(true);
	for (const [i, draft] of drafts.slice(2_700).entries()) {
		expect((await store.commit(draft, NOW + 300 + i)).ok).toBe(true);
	}
}

async function otherDevice(): Promise<Change[]> {
	const other = new MemoryStore(OTHER);
	const drafts = Array.from({ length: 1_200 }, (_, i) => ({
		...signupDraft(accountId(`o-${i}`), `other${i}@acme.com`, `Other ${i}`),
		id: changeId(`o-${i}`)
	}));
	await other.commitMany(drafts, NOW + 150);
	return other.changes();
}

async function logRecords(): Promise<LogRecord[]> {
	const db = await openDB<TesseraSchema>(DB_NAME);
	const records = await db.getAll('log');
	db.close();
	return records;
}

describe('the log in coarse records', () => {
	it('S5, S2: a log written by many transactions reads back in the same order as in the MemoryStore, with the same queue, mail and replay', async () => {
		const drafts = workload(2_710, 60, 30);
		const other = await otherDevice();
		const memory = new MemoryStore(DEVICE);
		await history(memory, drafts, other);
		const idb = await IdbStore.open({ makeDeviceId: () => DEVICE });
		await history(idb, drafts, other);

		const log = await memory.changes();
		expect(log).toHaveLength(2_710 + 1_200);
		expect([...log].sort(compareChanges)).toEqual(log);
		expect(await idb.changes()).toEqual(log);
		expect(await idb.queue()).toEqual(await memory.queue());
		expect(await idb.queuedCount()).toBe(await memory.queuedCount());
		expect(idb.state.mail.size).toBeGreaterThan(0);
		expect(idb.state.mail).toEqual(memory.state.mail);
		const middle = log[2_000];
		expect(middle && (await idb.getChange(middle.id))).toEqual(middle);
		expect(await idb.getChange(changeId('nowhere'))).toBeUndefined();

		// One record per transaction and per 1,000 changes; `last` is the greatest clock in it.
		const records = await logRecords();
		const ones = (n: number): number[] => Array.from({ length: n }, () => 1);
		expect(records.map((r) => r.changes.length)).toEqual([
			...ones(5),
			...[1_000, 1_000, 500],
			195,
			...[1_000, 200],
			...ones(10)
		]);
		for (const record of records) {
			expect(record.last).toBe(
				record.changes
					.map((c) => c.clock)
					.sort()
					.at(-1)
			);
		}

		idb.close();
		const reopened = await IdbStore.open();
		expect(await reopened.changes()).toEqual(log);
		expect(reopened.state.mail).toEqual(memory.state.mail);
		expect(reopened.state.licenses).toEqual(memory.state.licenses);
		await reopened.replay();
		await memory.replay();
		expect(reopened.state.mail).toEqual(memory.state.mail);
		expect(reopened.state.accounts).toEqual(memory.state.accounts);
		expect(await reopened.changes()).toEqual(log);
		reopened.close();
	});

	it('S4: a failure while writing a later log record leaves nothing of the transaction behind', async () => {
		const store = await IdbStore.open();
		expect((await store.commit(signupDraft(accountId('a-first'), 'first@acme.com'), NOW)).ok).toBe(
			true
		);
		const before = structuredClone(store.state);
		const drafts = Array.from({ length: 5_500 }, (_, i) =>
			signupDraft(accountId(`a-bulk-${i}`), `bulk${i}@acme.com`, `Bulk ${i}`)
		);
		let logAdds = 0;
		const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['add']>
		) {
			if (this.name === 'log' && ++logAdds === 6) {
				throw new DOMException('Simulated disk failure', 'UnknownError');
			}
			return realAdd.apply(this, args);
		});
		try {
			await expect(store.commitMany(drafts, NOW + 1)).rejects.toBeInstanceOf(StoreError);
		} finally {
			spy.mockRestore();
		}
		expect(logAdds).toBe(6); // the sixth record is queued in a later turn, and it stopped there
		expect(store.state).toEqual(before);
		store.close();
		const reopened = await IdbStore.open();
		expect(await reopened.changes()).toHaveLength(1);
		expect(await logRecords()).toHaveLength(1);
		expect(reopened.state.accounts.size).toBe(1);
		reopened.close();
	});
});
