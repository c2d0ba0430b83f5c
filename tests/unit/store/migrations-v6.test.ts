// S8: version 6 moves the change log and the mail into coarse records. From every earlier
// version the data survives: the log in S5 order, the mail, the projection, the queue (S2),
// the conflicts and the kept values (device, chain head).
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountId, changeId, compareChanges, supportAccountId } from '$lib/core';
import type { Change } from '$lib/core';
import { DB_NAME, DB_VERSION, IdbStore, MemoryStore } from '$lib/store';
import { changeHash } from '$lib/log/digest';
import type { TesseraSchema } from '$lib/store/db';
import { workload } from '../../bench/workload';
import { installFixture, loadFixture } from './fixtures';
import type { Fixture } from './fixtures';
import { freshIndexedDb, signupDraft } from './helpers';

beforeEach(() => {
	freshIndexedDb();
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function metaOf(fixture: Fixture): Map<string, unknown> {
	const pairs = (fixture.stores.meta ?? []).filter(Array.isArray);
	return new Map(pairs.map((p: unknown[]) => [String(p[0]), p[1]]));
}

function changesOf(fixture: Fixture): Change[] {
	// The fixture's records are changes this app wrote: compare them as the store returns them.
	const rows: unknown[] = fixture.stores.changes ?? [];
	return structuredClone(rows).flatMap((row) => (isChange(row) ? [row] : []));
}

function isChange(v: unknown): v is Change {
	return isRecord(v) && typeof v.id === 'string' && typeof v.clock === 'string';
}

function idsOf(rows: readonly unknown[] | undefined): string[] {
	return (rows ?? [])
		.flatMap((r) => (isRecord(r) && typeof r.id === 'string' ? [r.id] : []))
		.sort();
}

async function storeNames(): Promise<string[]> {
	const db = await openDB(DB_NAME);
	const names = [...db.objectStoreNames];
	expect(db.version).toBe(DB_VERSION);
	db.close();
	return names;
}

describe('migration to version 6', () => {
	for (const version of [1, 2, 3, 4, 5]) {
		it(`S8, S5, S2: a version ${version} database keeps its log, mail, projection, queue and kept values`, async () => {
			const fixture = loadFixture(version);
			await installFixture(fixture);
			const meta = metaOf(fixture);
			const store = await IdbStore.open();
			const names = await storeNames();
			expect(names).toEqual(expect.arrayContaining(['log', 'mailPages']));
			expect(names).not.toContain('changes');
			expect(names).not.toContain('mail');

			const log = changesOf(fixture).sort(compareChanges);
			expect(log.length).toBeGreaterThan(0);
			expect(await store.changes()).toEqual(log);
			expect(await store.getChange(changeId(log[0]?.id ?? ''))).toEqual(log[0]);
			expect(store.device).toBe(meta.get('device'));
			expect([...store.state.mail.keys()].sort()).toEqual(idsOf(fixture.stores.mail));
			expect([...store.state.mail.values()]).toEqual(
				expect.arrayContaining(fixture.stores.mail ?? [])
			);
			expect([...store.state.accounts.keys()].sort()).toEqual(idsOf(fixture.stores.accounts));
			expect([...store.state.licenses.values()]).toEqual(fixture.stores.licenses);
			expect((await store.conflicts()).map((c) => c.change.id)).toEqual(
				(fixture.stores.conflicts ?? []).map((c) =>
					isRecord(c) && isChange(c.change) ? c.change.id : ''
				)
			);

			// S2: this device's changes after the exported clock; the kept count (or a fresh one).
			const exported = meta.get('exported');
			const queued = log.filter(
				(c) => c.device === store.device && (typeof exported !== 'string' || c.clock > exported)
			);
			expect(await store.queue()).toEqual(queued);
			const kept = meta.get('queued');
			expect(await store.queuedCount()).toBe(typeof kept === 'number' ? kept : queued.length);

			// X5: the chain goes on from the kept head.
			const head = meta.get('head');
			const next = await store.commit(
				{ ...signupDraft(accountId('a-next'), 'next@acme.com', 'Next'), id: changeId('v6-next') },
				1_800_000_000_000
			);
			expect(next.ok && next.value.change.prev).toBe(isRecord(head) ? head.hash : null);
			const migrated = store.state;
			store.close();
			const again = await IdbStore.open();
			expect(await again.changes()).toEqual([...log, next.ok ? next.value.change : null]);
			expect(again.state.mail).toEqual(migrated.mail);
			await again.replay();
			expect(again.state.licenses).toEqual(migrated.licenses);
			expect(again.state.mail).toEqual(migrated.mail);
			again.close();
		});
	}

	it('S8, A10: a version 5 database keeps its support accounts and its queue after the export', async () => {
		await installFixture(loadFixture(5));
		const store = await IdbStore.open();
		expect(store.state.supportAccounts.get(supportAccountId('sa-1'))?.email).toBe('old@acme.com');
		expect((await store.queue()).map((c) => c.id)).toEqual(['v5-5', 'v5-6']);
		// S5: the other device's change sits between this device's by clock, then device id.
		expect((await store.changes()).map((c) => c.id)).toEqual([
			'v5-1',
			'v5-2',
			'v5-3',
			'v5-4',
			'v5-5',
			'v5-del',
			'v5-6'
		]);
		store.close();
	});

	it('S8, S5: a version 5 log of 2,500 changes moves into records of 1,000 in clock order', async () => {
		const device = '4444555566667777';
		const memory = new MemoryStore(device);
		const results = await memory.commitMany(workload(2_500, 60, 30), 1_800_000_000_000);
		expect(results.every((r) => r.ok)).toBe(true);
		const log = await memory.changes();
		const exported = log[1_800]?.clock ?? '';
		const last = log.at(-1);
		const { state } = memory;
		await installFixture({
			version: 5,
			stores: {
				// Any order: the old store was keyed by id.
				changes: [...log].reverse(),
				accounts: [...state.accounts.values()],
				licenses: [...state.licenses.values()],
				sites: [...state.sites.values()],
				mail: [...state.mail.values()],
				organizations: [...state.organizations.values()],
				supportAccounts: [...state.supportAccounts.values()],
				meta: [
					['device', device],
					['seq', 1],
					['exported', exported],
					['head', last ? { hash: changeHash(last), clock: last.clock } : null]
				]
			}
		});
		const store = await IdbStore.open();
		expect(await store.changes()).toEqual(log);
		expect(await store.queue()).toEqual(log.slice(1_801));
		expect(store.state.mail).toEqual(state.mail);
		expect(store.state.licenses).toEqual(state.licenses);
		store.close();
		const db = await openDB<TesseraSchema>(DB_NAME);
		const records = await db.getAll('log');
		const pages = await db.getAll('mailPages');
		db.close();
		expect(records.map((r) => r.changes.length)).toEqual([1_000, 1_000, 500]);
		expect(records.map((r) => r.last)).toEqual(
			[log[999], log[1_999], log[2_499]].map((c) => c?.clock)
		);
		expect(pages.flatMap((p) => p.mails)).toHaveLength(state.mail.size);
		expect(pages.every((p) => p.mails.length <= 1_000)).toBe(true);
	});
});
