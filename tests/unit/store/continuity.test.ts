// X5 (issue #9, fault 5): on import, where each device's new changes join the chain this
// device already holds is checked, in both stores: this device's own chain admits no break at
// all; another device's may not restart or fork; a link to a change not received here (a
// missed file) is a gap, reported in the preview, remembered, and closed when the change
// arrives, so "Check this device's history" stays right.
import { beforeEach, describe, expect, it } from 'vitest';
import { changeId, deviceId } from '$lib/core';
import type { Change } from '$lib/core';
import { createContext } from '$lib/app/context';
import { checkHistory } from '$lib/app/sync';
import { IdbStore, MemoryStore } from '$lib/store';
import type { Store } from '$lib/store';
import { formatClock } from '$lib/log/clock';
import { changeHash } from '$lib/log/digest';
import { ALICE, freshIndexedDb, licenseDraft, signupDraft } from './helpers';

const T = 1_800_000_000_000;
const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

beforeEach(() => freshIndexedDb());

const kinds = [
	['MemoryStore', (device: string) => Promise.resolve(new MemoryStore(device))],
	[
		'IdbStore',
		(device: string) => IdbStore.open({ name: `db-${device}`, makeDeviceId: () => device })
	]
] as const;

/** Three changes made on device a, one second apart. */
async function historyOfA(): Promise<Change[]> {
	const a = new MemoryStore(A);
	await a.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), T);
	await a.commit(licenseDraft(ALICE, 'lic-1', 'SEN-1000001'), T + 1000);
	await a.commit(licenseDraft(ALICE, 'lic-2', 'SEN-1000002'), T + 2000);
	return a.changes();
}

/** A change of `device` at `at` as a hostile file could carry it, with a valid clock. */
function forged(device: string, at: number, prev: string | null, n = 1): Change {
	return {
		id: changeId(`forged-${n}`),
		device: deviceId(device),
		clock: formatClock({ millis: at, counter: 0 }, device),
		at,
		actor: ALICE,
		prev,
		type: 'renewal.remind',
		payload: {}
	};
}

for (const [kind, open] of kinds) {
	describe(`X5 chain continuity on import (${kind})`, () => {
		let b: Store;
		beforeEach(async () => {
			b = await open(B);
		});

		it('X5 (fault 5): a change with this device’s id and a garbage `prev` is refused', async () => {
			await b.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), T);
			const [head] = await b.changes();
			if (!head) return expect.fail('setup');
			const garbage = forged(B, T + 5000, 'garbage');
			const refused = {
				ok: false,
				error: {
					code: 'broken-chain',
					device: B,
					changeId: garbage.id,
					expected: changeHash(head),
					found: 'garbage'
				}
			};
			expect(await b.previewImport([garbage])).toEqual(refused);
			expect(await b.importChanges([garbage])).toEqual(refused);
			// Declaring the break as a gap is no excuse on this device's own chain.
			const declared = { gaps: [{ device: B, changeId: garbage.id }] };
			expect(await b.importChanges([garbage], undefined, declared)).toMatchObject({ ok: false });
			// Linked to the head but dated before it: not this device's history either.
			const early = forged(B, T - 5000, changeHash(head), 2);
			expect(await b.importChanges([early])).toMatchObject({
				ok: false,
				error: { code: 'broken-chain' }
			});
			expect((await b.changes()).map((c) => c.id)).toEqual([head.id]);
			// A change that does continue this device's chain is accepted.
			expect((await b.importChanges([forged(B, T + 6000, changeHash(head), 3)])).ok).toBe(true);
			b.close();
		});

		it('X5: another device’s history may not restart or fork where this device holds it', async () => {
			const [first, second, third] = await historyOfA();
			if (!first || !second || !third) return expect.fail('setup');
			expect((await b.importChanges([first, second])).ok).toBe(true);
			const restart = forged(A, T + 5000, null);
			expect(await b.importChanges([restart])).toMatchObject({
				ok: false,
				error: {
					code: 'broken-chain',
					device: A,
					changeId: restart.id,
					expected: changeHash(second)
				}
			});
			const fork = forged(A, T + 5000, second.prev, 2);
			expect(await b.importChanges([fork])).toMatchObject({
				ok: false,
				error: { code: 'broken-chain', changeId: fork.id, found: second.prev }
			});
			// Declared or not, a fork is a fork.
			const declared = { gaps: [{ device: A, changeId: fork.id }] };
			expect(await b.importChanges([fork], undefined, declared)).toMatchObject({ ok: false });
			expect(await b.importChanges([third])).toMatchObject({ ok: true, value: { applied: 1 } });
			expect(await b.knownGaps()).toEqual([]);
			b.close();
		});

		it('X5: a missed file leaves a gap that is reported, remembered and closed', async () => {
			const [first, second, third] = await historyOfA();
			if (!first || !second || !third) return expect.fail('setup');
			const ctx = createContext(b, () => T + 10_000);
			await b.importChanges([first]);
			const preview = await b.previewImport([third]);
			expect(preview).toMatchObject({
				ok: true,
				value: { fresh: 1, gaps: [{ device: A, changeId: third.id }] }
			});
			expect((await b.importChanges([third])).ok).toBe(true);
			expect(await b.knownGaps()).toEqual([{ device: A, changeId: third.id }]);
			expect(await checkHistory(ctx)).toMatchObject({
				ok: true,
				changes: 2,
				gaps: [{ device: A, changeId: third.id }]
			});
			expect((await b.importChanges([second])).ok).toBe(true);
			expect(await checkHistory(ctx)).toEqual({ ok: true, changes: 3, devices: 1, partial: [] });
			b.close();
		});

		it('X5: a gap a file declares is remembered, so the history check reports it as missing', async () => {
			const [first, second, third] = await historyOfA();
			if (!first || !second || !third) return expect.fail('setup');
			const ctx = createContext(b, () => T + 10_000);
			const declared = { gaps: [{ device: A, changeId: third.id }] };
			expect((await b.importChanges([first, third], undefined, declared)).ok).toBe(true);
			expect(await checkHistory(ctx)).toMatchObject({
				ok: true,
				gaps: [{ device: A, changeId: third.id }]
			});
			b.close();
		});
	});
}
