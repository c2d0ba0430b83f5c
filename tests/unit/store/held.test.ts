// X6 in IndexedDB (fake-indexeddb): changes held as unverified live apart from the log, with
// their evidence, survive a reload and a replay, can be dismissed; the head signatures a
// device receives are kept so the files it writes carry them.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { State } from '$lib/core';
import { createContext } from '$lib/app/context';
import { applyImport, checkImportFile, exportChanges } from '$lib/app/sync';
import { IdbStore } from '$lib/store';
import { baseState, cid, commit, device, enroll, exported, person } from '../sync/x6-world';
import type { Person } from '../sync/x6-world';
import { freshIndexedDb } from './helpers';

let bob: Person;
let base: State;
const NOW = 1_800_000_100_000;

beforeAll(async () => {
	bob = await person('bob');
	const alice = await person('alice');
	base = await baseState([alice, bob], alice, bob);
});

beforeEach(() => freshIndexedDb());

/** Bob's device: enrolled, renames Bob, then a reminder anyone may send (the run's head). */
async function bobsFile(): Promise<{ text: string; remind: string }> {
	const b = device('b', base);
	await enroll(b, bob);
	await commit(b, {
		id: cid('name'),
		actor: bob.id,
		type: 'account.updateProfile',
		payload: { accountId: bob.id, name: 'Bob Held' }
	});
	const remind = cid('remind');
	await commit(b, { id: remind, actor: null, type: 'renewal.remind', payload: {} });
	return { text: await exported(b), remind };
}

describe('X6: held changes and kept signatures in IndexedDB', () => {
	it('X6: held changes are not in the log, survive a reload and a replay, and can be dismissed', async () => {
		const { text, remind } = await bobsFile();
		// This device has never heard of Bob: his enrollment and his change cannot be proved.
		const v = await IdbStore.open({ makeDeviceId: () => 'f'.repeat(16) });
		const ctx = createContext(v, () => NOW);
		const check = await checkImportFile(ctx, text);
		if (check.kind !== 'ready') return expect.fail(check.kind);
		const report = await applyImport(ctx, check.file);
		expect(report).toMatchObject({ kind: 'applied', outcome: { applied: 1 } });
		expect((await v.changes()).map((c) => c.id)).toEqual([remind]);
		const codes = (await v.conflicts()).map((c) => c.refusal.code).sort();
		expect(codes).toEqual(['not-enrolled', 'untrusted-key']);
		expect((await v.headSignatures([remind])).map((s) => s.device)).toEqual(['b'.repeat(16)]);
		await v.replay();
		expect(await v.conflicts()).toHaveLength(2);
		const [first] = await v.conflicts();
		if (!first) return expect.fail('no conflict');
		await v.dismissConflict(first.change.id);
		v.close();

		const again = await IdbStore.open();
		const held = await again.conflicts();
		expect(held).toHaveLength(2);
		expect(held.every((c) => c.evidence !== undefined)).toBe(true);
		expect(held.find((c) => c.change.id === first.change.id)?.dismissed).toBe(true);
		// The kept signature travels in this device's whole-history file.
		const whole = await exportChanges(
			createContext(again, () => NOW),
			{ whole: true }
		);
		if (whole.kind !== 'built') return expect.fail(whole.kind);
		expect(whole.file.text).toContain(`"changeId":"${remind}"`);
		again.close();
	});

	it('X6: an unsignable file needs trust in IndexedDB too, and then goes in whole', async () => {
		const a = device('a', base); // never enrolled: no key anywhere
		await commit(a, { id: cid('remind'), actor: null, type: 'renewal.remind', payload: {} });
		const v = await IdbStore.open();
		const ctx = createContext(v, () => NOW);
		const check = await checkImportFile(ctx, await exported(a));
		if (check.kind !== 'ready') return expect.fail(check.kind);
		expect(check.preview.unsignable).toBe(1);
		expect(await applyImport(ctx, check.file)).toEqual({
			kind: 'refused',
			error: { code: 'untrusted-file', count: 1 }
		});
		expect(await v.changes()).toEqual([]);
		expect(await applyImport(ctx, check.file, { trust: true })).toMatchObject({
			kind: 'applied',
			outcome: { applied: 1 }
		});
		v.close();
	});
});
