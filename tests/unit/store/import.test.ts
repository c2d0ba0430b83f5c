// S2, S4, S5, S6, S9 at the store: two devices exchange changes; imports are atomic,
// idempotent, replay when needed, keep refused changes as conflicts, and preview exactly
// what they will do.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accountId, changeId, licenseId } from '$lib/core';
import type { State } from '$lib/core';
import { IdbStore } from '$lib/store';
import type { ChangeDraft } from '$lib/store';
import { ALICE, BOB, addDraft, freshIndexedDb, licenseDraft, signupDraft } from './helpers';

const T = 1_800_000_000_000;
const LIC = licenseId('lic-1');

beforeEach(() => {
	freshIndexedDb();
});

function records(state: State) {
	const sorted = <T extends { id: string }>(m: Map<string, T>) =>
		[...m.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
	return {
		accounts: sorted(state.accounts),
		licenses: sorted(state.licenses),
		sites: sorted(state.sites),
		mail: sorted(state.mail)
	};
}

async function devices() {
	const a = await IdbStore.open({ name: 'device-a', makeDeviceId: () => 'aaaaaaaaaaaaaaaa' });
	const b = await IdbStore.open({ name: 'device-b', makeDeviceId: () => 'bbbbbbbbbbbbbbbb' });
	return { a, b };
}

const makePrimary = (actor: typeof ALICE, who: typeof BOB): ChangeDraft => ({
	id: changeId(`mp-${who}-${actor}`),
	actor,
	type: 'contact.makePrimary',
	payload: { licenseId: LIC, role: 'billing', accountId: who }
});

const remove = (actor: typeof ALICE, who: typeof BOB): ChangeDraft => ({
	id: changeId(`del-${who}-${actor}`),
	actor,
	type: 'contact.delete',
	payload: { licenseId: LIC, role: 'billing', accountId: who }
});

describe('import', () => {
	it('S4/S5: a device that imports the other’s changes shows the same state; twice changes nothing', async () => {
		const { a, b } = await devices();
		await a.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), T);
		await a.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), T + 1);
		await a.commit(licenseDraft(ALICE, 'lic-1', 'SEN-1000001'), T + 2);
		await a.commit(addDraft(ALICE, 'lic-1', 'bob@acme.com'), T + 3);
		const sent = await a.changes();
		const first = await b.importChanges(sent);
		expect(first).toMatchObject({ ok: true, value: { applied: 4, duplicates: 0 } });
		expect(records(b.state)).toEqual(records(a.state));
		const again = await b.importChanges(sent);
		expect(again).toMatchObject({ ok: true, value: { applied: 0, duplicates: 4 } });
		expect(await b.changes()).toHaveLength(4);
		a.close();
		b.close();
	});

	it('S5/S6: concurrent edits replay in the total order; the loser is kept as a conflict on both devices', async () => {
		const { a, b } = await devices();
		await a.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), T);
		await a.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), T + 1);
		await a.commit(licenseDraft(ALICE, 'lic-1', 'SEN-1000001'), T + 2);
		await a.commit(addDraft(ALICE, 'lic-1', 'bob@acme.com'), T + 3);
		await b.importChanges(await a.changes());
		// Offline on both: A deletes Bob; a moment later B makes Bob primary.
		expect((await a.commit(remove(ALICE, BOB), T + 10)).ok).toBe(true);
		expect((await b.commit(makePrimary(ALICE, BOB), T + 11)).ok).toBe(true);
		const fromB = await b.changes();
		const fromA = await a.changes();
		const preview = await a.previewImport(fromB);
		expect(preview).toMatchObject({ ok: true, value: { fresh: 1, needsReplay: false } });
		expect(preview.ok && preview.value.wouldConflict.map((c) => c.refusal.code)).toEqual([
			'not-in-role'
		]);
		const atA = await a.importChanges(fromB);
		expect(atA.ok && atA.value.conflicts.map((c) => c.change.id)).toEqual(['mp-a-bob-a-alice']);
		// B's own change now sorts after A's delete: B replays and its change becomes a conflict.
		const atB = await b.importChanges(fromA);
		expect(atB).toMatchObject({ ok: true, value: { replayed: true } });
		expect(records(b.state)).toEqual(records(a.state));
		expect((await b.conflicts()).map((c) => c.refusal.code)).toEqual(['not-in-role']);
		expect((await a.conflicts()).map((c) => c.change.id)).toEqual(['mp-a-bob-a-alice']);
		await a.dismissConflict(changeId('mp-a-bob-a-alice'));
		expect((await a.conflicts())[0]?.dismissed).toBe(true);
		a.close();
		b.close();
	});

	it('S9: Apply takes over the merge its preview worked out; a write in between makes it merge again', async () => {
		const a = await IdbStore.open({ name: 'device-a', makeDeviceId: () => 'aaaaaaaaaaaaaaaa' });
		const drafts = Array.from({ length: 2_500 }, (_, i) =>
			signupDraft(accountId(`p-${i}`), `person${i}@acme.com`, `Person ${i}`)
		);
		await a.commitMany(drafts, T);
		const sent = await a.changes();
		const open = (name: string, device: string) =>
			IdbStore.open({ name, makeDeviceId: () => device });
		const [planned, plain, moved] = await Promise.all([
			open('planned', 'bbbbbbbbbbbbbbbb'),
			open('plain', 'cccccccccccccccc'),
			open('moved', 'dddddddddddddddd')
		]);
		const progress = (store: IdbStore) => {
			const seen: number[] = [];
			return store
				.importChanges(sent, (p) => seen.push(p.done))
				.then((result) => ({ result, seen }));
		};
		// Previewed, then applied as it is: one merge (the preview's), reported done at once.
		expect((await planned.previewImport(sent)).ok).toBe(true);
		const one = await progress(planned);
		expect(one.result).toMatchObject({ ok: true, value: { applied: 2_500 } });
		expect(one.seen).toEqual([2_500]);
		// Not previewed: merged in the import, progress every thousand.
		const two = await progress(plain);
		expect(two.seen).toEqual([1_000, 2_000, 2_500]);
		expect(records(planned.state)).toEqual(records(plain.state));
		expect(await planned.changes()).toEqual(await plain.changes());
		// A commit between the preview and Apply: the preview's merge is stale, merged again.
		expect((await moved.previewImport(sent)).ok).toBe(true);
		expect((await moved.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), T + 5)).ok).toBe(true);
		const three = await progress(moved);
		// The file's changes sort before Bob's: the whole log of 2,501 replays.
		expect(three.seen).toEqual([1_000, 2_000, 2_501]);
		expect(three.result).toMatchObject({ ok: true, value: { replayed: true } });
		expect(moved.state.accounts.size).toBe(2_501);
		for (const store of [a, planned, plain, moved]) store.close();
	});

	it('S7: a known change id with different content refuses the whole file and writes nothing', async () => {
		const { a, b } = await devices();
		await a.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), T);
		const [original] = await a.changes();
		if (!original || original.type !== 'account.create') throw new Error('setup');
		await b.importChanges([original]);
		const tampered = { ...original, payload: { ...original.payload, name: 'Mallory' } };
		const result = await b.importChanges([tampered]);
		expect(result).toEqual({
			ok: false,
			error: { code: 'changed-history', changeId: original.id }
		});
		expect(b.state.accounts.get(ALICE)?.name).toBe('Alice');
		a.close();
		b.close();
	});

	it('S4: a storage failure mid-import leaves the database as it was', async () => {
		const { a, b } = await devices();
		await a.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), T);
		await a.commit(licenseDraft(ALICE, 'lic-1', 'SEN-1000001'), T + 1);
		const before = records(b.state);
		const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
			throw new DOMException('Simulated disk failure', 'UnknownError');
		});
		try {
			await expect(b.importChanges(await a.changes())).rejects.toMatchObject({
				code: 'transaction-failed'
			});
		} finally {
			spy.mockRestore();
		}
		expect(records(b.state)).toEqual(before);
		expect(await b.changes()).toEqual([]);
		a.close();
		b.close();
	});

	it('S2: the queue count follows commits, batches, exports and restored backups without scanning', async () => {
		const { a, b } = await devices();
		expect(await a.queuedCount()).toBe(0);
		await a.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), T);
		await a.commitMany(
			[licenseDraft(ALICE, 'lic-1', 'SEN-1000001'), licenseDraft(ALICE, 'lic-2', 'SEN-1000002')],
			T + 1
		);
		expect(await a.queuedCount()).toBe(3);
		const log = await a.changes();
		await b.importChanges(log);
		expect(await b.queuedCount()).toBe(0); // other devices' changes are not b's to export
		const second = log[1];
		if (!second) throw new Error('setup');
		await a.markExported(second.clock);
		expect(await a.queuedCount()).toBe(1);
		// A fresh database for device a, restored from its own whole history: recounted.
		const restored = await IdbStore.open({
			name: 'device-a-restored',
			makeDeviceId: () => 'aaaaaaaaaaaaaaaa'
		});
		await restored.importChanges(log);
		expect(await restored.queuedCount()).toBe(3);
		expect(await restored.queuedCount()).toBe((await restored.queue()).length);
		a.close();
		b.close();
		restored.close();
	});

	it('S2: the queue holds this device’s changes not yet exported', async () => {
		const { a, b } = await devices();
		await a.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), T);
		await a.commit(licenseDraft(ALICE, 'lic-1', 'SEN-1000001'), T + 1);
		expect(await a.queue()).toHaveLength(2);
		await b.importChanges(await a.changes());
		expect(await b.queue()).toHaveLength(0); // imported changes are not b's to export
		const [, second] = await a.queue();
		if (!second) throw new Error('setup');
		await a.markExported(second.clock);
		expect(await a.queue()).toHaveLength(0);
		await a.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), T + 2);
		expect((await a.queue()).map((c) => c.type)).toEqual(['account.create']);
		a.close();
		b.close();
	});
});
