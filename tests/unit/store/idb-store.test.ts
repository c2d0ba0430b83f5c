// S1/S8/X5: the IndexedDB store commits atomically, refuses without writing, survives
// infrastructure failures with nothing half-written, keeps a hash chain, and rebuilds the
// projection from the log.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accountId, licenseId } from '$lib/core';
import { IdbStore, StoreError } from '$lib/store';
import { changeHash } from '$lib/log/digest';
import { ALICE, BOB, addDraft, freshIndexedDb, licenseDraft, signupDraft } from './helpers';

const NOW = 1_800_000_000_000;
const CAROL = accountId('carol');
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with the store as this
const realPut = IDBObjectStore.prototype.put;

beforeEach(() => {
	freshIndexedDb();
});

async function seeded(): Promise<IdbStore> {
	const store = await IdbStore.open();
	expect((await store.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), NOW)).ok).toBe(true);
	expect((await store.commit(licenseDraft(ALICE, 'lic-1', 'SEN-1000001'), NOW + 1)).ok).toBe(true);
	return store;
}

describe('IdbStore.commit', () => {
	it('S1: appends the change and applies it; a reopened store reads the same projection', async () => {
		const store = await seeded();
		const result = await store.commit(addDraft(ALICE, 'lic-1', 'bob@acme.com'), NOW + 2);
		expect(result.ok).toBe(false); // no account and no name: C4 refusal
		const ok = await store.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), NOW + 3);
		expect(ok.ok).toBe(true);
		expect((await store.commit(addDraft(ALICE, 'lic-1', 'bob@acme.com'), NOW + 4)).ok).toBe(true);
		const before = store.state;
		store.close();
		const reopened = await IdbStore.open();
		expect(reopened.device).toBe(store.device);
		expect(reopened.state.licenses).toEqual(before.licenses);
		expect(reopened.state.accounts).toEqual(before.accounts);
		expect(reopened.state.mail).toEqual(before.mail);
		expect((await reopened.changes()).map((c) => c.type)).toEqual([
			'account.create',
			'license.start',
			'account.create',
			'contact.add'
		]);
		reopened.close();
	});

	it('S1: stamps device, clock and time; the clock stays monotonic when the wall clock goes back', async () => {
		const store = await seeded();
		const r = await store.commit(signupDraft(BOB, 'bob@acme.com'), NOW - 60_000);
		expect(r.ok).toBe(true);
		const log = await store.changes();
		expect(log.every((c) => c.device === store.device)).toBe(true);
		const clocks = log.map((c) => c.clock);
		expect([...clocks].sort()).toEqual(clocks);
		expect(log[2]?.at).toBe(NOW + 1); // logical time did not go back
		store.close();
	});

	it('X5: each change carries the hash of the previous change from this device', async () => {
		const store = await seeded();
		const [first, second] = await store.changes();
		expect(first?.prev).toBeNull();
		expect(second?.prev).toBe(first ? changeHash(first) : 'missing');
		store.close();
	});

	it('a refused change writes nothing and returns the refusal', async () => {
		const store = await seeded();
		const before = structuredClone(store.state);
		const log = await store.changes();
		const refused = await store.commit(licenseDraft(BOB, 'lic-2', 'SEN-1000001'), NOW + 5);
		expect(refused).toMatchObject({ ok: false });
		expect(store.state).toEqual(before);
		expect(await store.changes()).toEqual(log);
		store.close();
	});

	it('an injected failure mid-transaction leaves the previous state, in memory and on disk', async () => {
		const store = await seeded();
		const before = structuredClone(store.state);
		const log = await store.changes();
		// The change is queued first, then a record write fails inside the same transaction.
		const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
			throw new DOMException('Simulated disk failure', 'UnknownError');
		});
		try {
			await expect(store.commit(signupDraft(BOB, 'bob@acme.com'), NOW + 6)).rejects.toMatchObject({
				code: 'transaction-failed'
			});
		} finally {
			spy.mockRestore();
		}
		expect(store.state).toEqual(before);
		expect(store.state.accounts.has(BOB)).toBe(false);
		store.close();
		const reopened = await IdbStore.open();
		expect(await reopened.changes()).toEqual(log);
		expect(reopened.state.accounts.size).toBe(1);
		// The chain and clock were not advanced by the failed commit either.
		expect((await reopened.commit(signupDraft(BOB, 'bob@acme.com'), NOW + 7)).ok).toBe(true);
		const after = await reopened.changes();
		expect(after[2]?.prev).toBe(after[1] ? changeHash(after[1]) : 'missing');
		reopened.close();
	});

	it('P4: a commit says "applied" (the stores it changed) before its write, then "committed"; a failed write says "reloaded" with the previous state', async () => {
		const store = await seeded();
		const heard: string[] = [];
		store.subscribe((event) => {
			heard.push(event.kind === 'applied' ? `applied:${event.stores.join(',')}` : event.kind);
			// The page reads the projection when it hears "applied": the change is in it.
			if (event.kind === 'applied') heard.push(`accounts:${store.state.accounts.size}`);
		});
		expect((await store.commit(signupDraft(BOB, 'bob@acme.com'), NOW + 6)).ok).toBe(true);
		expect(heard).toEqual(['applied:accounts', 'accounts:2', 'committed']);
		heard.length = 0;
		const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
			throw new DOMException('Simulated disk failure', 'UnknownError');
		});
		try {
			await expect(
				store.commit(signupDraft(CAROL, 'carol@acme.com'), NOW + 7)
			).rejects.toMatchObject({ code: 'transaction-failed' });
		} finally {
			spy.mockRestore();
		}
		expect(heard).toEqual(['applied:accounts', 'accounts:3', 'reloaded']);
		expect(store.state.accounts.has(CAROL)).toBe(false);
		store.close();
	});

	it('a full disk becomes a named quota-exceeded error and nothing is written', async () => {
		const store = await seeded();
		const log = await store.changes();
		const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		try {
			const failure = store.commit(signupDraft(BOB, 'bob@acme.com'), NOW + 8);
			await expect(failure).rejects.toMatchObject({ code: 'quota-exceeded' });
		} finally {
			spy.mockRestore();
		}
		expect(await store.changes()).toEqual(log);
		store.close();
	});
});

describe('IdbStore.replay', () => {
	it('S5: rebuilds the same projection from the log and reports progress', async () => {
		const store = await seeded();
		await store.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), NOW + 2);
		await store.commit(addDraft(ALICE, 'lic-1', 'bob@acme.com'), NOW + 3);
		const incremental = store.state;
		const progress: number[] = [];
		const conflicts = await store.replay((p) => progress.push(p.done));
		expect(conflicts).toEqual([]);
		expect(store.state.licenses).toEqual(incremental.licenses);
		expect(store.state.accounts).toEqual(incremental.accounts);
		expect(store.state.mail).toEqual(incremental.mail);
		expect(progress.at(-1)).toBe(4);
		expect(store.state.licenses.get(licenseId('lic-1'))?.billing?.secondary).toEqual([BOB]);
		store.close();
	});
});

describe('two connections (two tabs)', () => {
	it('S8: a change committed in one appears in the other without reopening', async () => {
		const a = await seeded();
		const b = await IdbStore.open();
		const heard = new Promise<string>((resolve) => {
			b.subscribe((event) => {
				if (event.kind === 'committed') resolve(event.change.type);
			});
		});
		await a.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), NOW + 2);
		expect(await heard).toBe('account.create');
		expect(b.state.accounts.get(BOB)?.name).toBe('Bob');
		a.close();
		b.close();
	});

	it('S10: live-sync settings saved in one are heard in both, and read back the same', async () => {
		const a = await seeded();
		const b = await IdbStore.open();
		const heardIn = (store: IdbStore) =>
			new Promise<unknown>((resolve) => {
				const stop = store.onLiveSettings(() => {
					stop();
					resolve(store.liveSettings());
				});
			});
		const [inA, inB] = [heardIn(a), heardIn(b)];
		await a.saveLiveSettings({ paused: true });
		expect(await inA).toEqual({ paused: true });
		expect(await inB).toEqual({ paused: true });
		a.close();
		b.close();
	});

	it('S10: settings changed in both at once keep both changes; a change that changes nothing writes and tells nothing', async () => {
		const a = await seeded();
		const b = await IdbStore.open();
		await a.saveLiveSettings({ paused: false, checkpoint: 0 });
		const add = (field: string, value: unknown) => (kept: unknown) =>
			typeof kept === 'object' && kept !== null ? { ...kept, [field]: value } : kept;
		await Promise.all([
			a.updateLiveSettings(add('checkpoint', 7)),
			b.updateLiveSettings(add('paused', true))
		]);
		expect(await a.liveSettings()).toEqual({ paused: true, checkpoint: 7 });
		const heard = vi.fn();
		a.onLiveSettings(heard);
		b.onLiveSettings(heard);
		const kept = await a.updateLiveSettings((same) => same);
		expect(kept).toEqual({ paused: true, checkpoint: 7 });
		await new Promise((later) => setTimeout(later, 50)); // a notice would have come by now
		expect(heard).not.toHaveBeenCalled();
		a.close();
		b.close();
	});

	it('S8: a stale connection catches up before writing, so writes never interleave', async () => {
		const a = await seeded();
		const b = await IdbStore.open();
		// Both write at once; each commit sees the other's result before applying its own.
		const [x, y] = await Promise.all([
			a.commit(licenseDraft(ALICE, 'lic-2', 'SEN-2000002'), NOW + 2),
			b.commit(licenseDraft(ALICE, 'lic-3', 'SEN-2000002'), NOW + 2)
		]);
		expect([x.ok, y.ok].sort()).toEqual([false, true]); // the SEN is unique: one is refused
		const log = await a.changes();
		expect(log.filter((c) => c.type === 'license.start')).toHaveLength(2);
		a.close();
		b.close();
	});

	it('S8: when another tab opens a newer version, this connection closes and says so', async () => {
		const store = await seeded();
		const told = new Promise<string>((resolve) => {
			store.subscribe((event) => resolve(event.kind));
		});
		const newer = indexedDB.open('tessera', 99);
		await new Promise((resolve) => {
			newer.onsuccess = resolve;
		});
		expect(await told).toBe('version-changed');
		expect(() => store.commit(signupDraft(BOB, 'bob@acme.com'), NOW + 9)).toThrow(StoreError);
		newer.result.close();
	});
});

describe('IdbStore.commitMany', () => {
	it('S1/X5: commits a batch in one transaction, skipping refused drafts, chain intact', async () => {
		const store = await seeded();
		const results = await store.commitMany(
			[
				signupDraft(BOB, 'bob@acme.com', 'Bob'),
				licenseDraft(BOB, 'lic-9', 'SEN-1000001'), // duplicate SEN: refused
				addDraft(ALICE, 'lic-1', 'bob@acme.com')
			],
			NOW + 10
		);
		expect(results.map((r) => r.ok)).toEqual([true, false, true]);
		const log = await store.changes();
		expect(log).toHaveLength(4);
		for (const [i, change] of log.entries()) {
			const before = log[i - 1];
			expect(change.prev).toBe(before ? changeHash(before) : null);
		}
		store.close();
		const reopened = await IdbStore.open();
		expect(reopened.state.licenses.get(licenseId('lic-1'))?.billing?.secondary).toEqual([BOB]);
		reopened.close();
	});

	it('a batch that fails to write leaves nothing of it behind', async () => {
		const store = await seeded();
		const before = structuredClone(store.state);
		let calls = 0;
		const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			calls++;
			if (calls === 2) throw new DOMException('Simulated disk failure', 'UnknownError');
			return realPut.apply(this, args);
		});
		try {
			await expect(
				store.commitMany(
					[signupDraft(BOB, 'bob@acme.com'), signupDraft(accountId('a-zed'), 'zed@acme.com')],
					NOW + 11
				)
			).rejects.toBeInstanceOf(StoreError);
		} finally {
			spy.mockRestore();
		}
		expect(store.state).toEqual(before);
		expect(await store.changes()).toHaveLength(2);
		store.close();
	});
});

describe('large writes in chunks (P4)', () => {
	it('a failure in a later chunk of one transaction still leaves nothing of it behind', async () => {
		const store = await seeded();
		const before = structuredClone(store.state);
		// 2,500 sign-ups: three log records, then 2,500 account puts, queued 2,000 at a time.
		const drafts = Array.from({ length: 2_500 }, (_, i) =>
			signupDraft(accountId(`a-bulk-${i}`), `bulk${i}@acme.com`, `Bulk ${i}`)
		);
		let calls = 0;
		const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			calls++;
			if (calls === 2_100) throw new DOMException('Simulated disk failure', 'UnknownError');
			return realPut.apply(this, args);
		});
		try {
			await expect(store.commitMany(drafts, NOW + 20)).rejects.toBeInstanceOf(StoreError);
		} finally {
			spy.mockRestore();
		}
		expect(calls).toBe(2_100); // the failure came from the second chunk, and stopped it
		expect(store.state).toEqual(before);
		store.close();
		const reopened = await IdbStore.open();
		expect(await reopened.changes()).toHaveLength(2);
		expect(reopened.state.accounts.size).toBe(1);
		reopened.close();
	});
});
