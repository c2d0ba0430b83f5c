// X7 (issue #9, fault 4): a change dated more than MAX_CLOCK_SKEW_MS ahead of this device's
// wall clock is held as "from the future": kept durably in the import's own transaction (S4),
// never applied and never merged into this device's clock, then applied through the import
// path, in S5 order, once its time comes. Both stores, with the wall clock injected.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeId } from '$lib/core';
import type { Change } from '$lib/core';
import { IdbStore, MemoryStore, StoreError } from '$lib/store';
import type { ChangeDraft, Store } from '$lib/store';
import { MAX_CLOCK_SKEW_MS } from '$lib/store/admit';
import { ALICE, freshIndexedDb, signupDraft } from './helpers';

const T = 1_800_000_000_000;
const HOUR = 3_600_000;
const FAST = 'ffffffffffffffff';
const SELF = 'bbbbbbbbbbbbbbbb';

beforeEach(() => freshIndexedDb());
afterEach(() => vi.restoreAllMocks());

const kinds = [
	['MemoryStore', () => Promise.resolve(new MemoryStore(SELF))],
	['IdbStore', () => IdbStore.open({ name: 'self', makeDeviceId: () => SELF })]
] as const;

const rename = (n: number, name: string): ChangeDraft => ({
	id: changeId(`rename-${n}`),
	actor: ALICE,
	type: 'account.updateProfile',
	payload: { accountId: ALICE, name, avatar: null }
});

/** A device whose wall clock runs 23 hours fast: its sign-up of Alice and two renames. */
async function fastPeer(): Promise<Change[]> {
	const peer = new MemoryStore(FAST);
	await peer.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), T + 23 * HOUR);
	await peer.commit(rename(1, 'Alice One'), T + 23 * HOUR + 1000);
	await peer.commit(rename(2, 'Alice Two'), T + 24 * HOUR);
	return peer.changes();
}

for (const [kind, open] of kinds) {
	describe(`X7: changes from the future are held (${kind})`, () => {
		let store: Store;
		beforeEach(async () => {
			store = await open();
		});
		afterEach(() => store.close());

		it('X7 (fault 4): a change 23 h ahead is held, and this device’s clock is not dragged', async () => {
			const [signUp, one, two] = await fastPeer();
			if (!signUp || !one || !two) return expect.fail('setup');
			const preview = await store.previewImport([signUp, one, two], { now: T });
			expect(preview).toMatchObject({
				ok: true,
				value: {
					fresh: 3,
					held: {
						count: 3,
						firstAppliesAt: signUp.at - MAX_CLOCK_SKEW_MS,
						lastAppliesAt: two.at - MAX_CLOCK_SKEW_MS
					}
				}
			});
			const imported = await store.importChanges([signUp, one, two], undefined, { now: T });
			expect(imported).toEqual({
				ok: true,
				value: {
					applied: 0,
					conflicts: [],
					duplicates: 0,
					replayed: false,
					held: 3,
					unverified: [],
					nowProved: 0
				}
			});
			expect(await store.changes()).toEqual([]);
			expect((await store.held()).map((c) => c.id)).toEqual([signUp.id, one.id, two.id]);
			expect(store.state.accounts.size).toBe(0);
			// The next local change is stamped with this device's time, not 23 hours ahead.
			const mine = await store.commit(signupDraft(ALICE, 'alice@other.org', 'Other'), T + 1);
			expect(mine.ok && mine.value.change.at).toBe(T + 1);
			// S4: the same file again is all duplicates, while held.
			expect(await store.importChanges([signUp, one, two], undefined, { now: T + 2 })).toEqual({
				ok: true,
				value: {
					applied: 0,
					conflicts: [],
					duplicates: 3,
					replayed: false,
					unverified: [],
					nowProved: 0
				}
			});
		});

		it('X7/X5: this device’s own changes are never held (a later release could only fork its chain)', async () => {
			await store.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), T);
			const [head] = await store.changes();
			if (!head) return expect.fail('setup');
			// This device's own history, as a restored backup made while its clock ran fast.
			const mine = new MemoryStore(SELF);
			await mine.importChanges([head]);
			await mine.commit(rename(9, 'Alice Later'), T + 23 * HOUR);
			const ahead = (await mine.changes()).at(-1);
			if (!ahead) return expect.fail('setup');
			expect(await store.importChanges([ahead], undefined, { now: T })).toMatchObject({
				ok: true,
				value: { applied: 1 }
			});
			expect(await store.held()).toEqual([]);
			expect(store.state.accounts.get(ALICE)?.name).toBe('Alice Later');
		});

		it('X7: a change within the skew applies at once', async () => {
			const [signUp] = await fastPeer();
			if (!signUp) return expect.fail('setup');
			const now = signUp.at - MAX_CLOCK_SKEW_MS;
			expect(await store.importChanges([signUp], undefined, { now })).toMatchObject({
				ok: true,
				value: { applied: 1 }
			});
			expect(await store.held()).toEqual([]);
		});

		it('X7/S5: held changes apply, in order, when their time comes; a file linking to them is accepted', async () => {
			const [signUp, one, two] = await fastPeer();
			if (!signUp || !one || !two) return expect.fail('setup');
			await store.importChanges([signUp, one], undefined, { now: T });
			// The fast device's next file continues from a change that is only held here (X5).
			expect(await store.importChanges([two], undefined, { now: T })).toMatchObject({
				ok: true,
				value: { held: 1 }
			});
			expect(await store.releaseHeld(T + HOUR)).toMatchObject({ ok: true, value: { applied: 0 } });
			expect(await store.held()).toHaveLength(3);
			const firstDue = signUp.at - MAX_CLOCK_SKEW_MS;
			expect(await store.releaseHeld(firstDue + 1000)).toEqual({
				ok: true,
				value: {
					applied: 2,
					conflicts: [],
					duplicates: 0,
					replayed: false,
					released: 2,
					unverified: [],
					nowProved: 0
				}
			});
			expect(store.state.accounts.get(ALICE)?.name).toBe('Alice One');
			expect((await store.held()).map((c) => c.id)).toEqual([two.id]);
			// The next import releases what is due as well, in the same transaction.
			expect(await store.importChanges([], undefined, { now: two.at })).toMatchObject({
				ok: true,
				value: { applied: 1, released: 1 }
			});
			expect(store.state.accounts.get(ALICE)?.name).toBe('Alice Two');
			expect((await store.changes()).map((c) => c.id)).toEqual([signUp.id, one.id, two.id]);
			expect(await store.held()).toEqual([]);
		});
	});
}

describe('X7: held changes are durable and atomic (IdbStore)', () => {
	it('S4/X7: a held change survives reopening; a failed import holds nothing', async () => {
		const [signUp, one] = await fastPeer();
		if (!signUp || !one) return expect.fail('setup');
		const store = await IdbStore.open({ name: 'durable', makeDeviceId: () => SELF });
		await store.importChanges([signUp], undefined, { now: T });
		store.close();
		const reopened = await IdbStore.open({ name: 'durable' });
		expect((await reopened.held()).map((c) => c.id)).toEqual([signUp.id]);
		// eslint-disable-next-line @typescript-eslint/unbound-method -- called with the store as this
		const put = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<typeof put>
		) {
			if (this.name === 'meta' && args[1] === 'seq') {
				throw new DOMException('Simulated disk failure', 'UnknownError');
			}
			return put.apply(this, args);
		});
		await expect(reopened.importChanges([one], undefined, { now: T })).rejects.toBeInstanceOf(
			StoreError
		);
		vi.restoreAllMocks();
		expect((await reopened.held()).map((c) => c.id)).toEqual([signUp.id]);
		reopened.close();
	});
});
