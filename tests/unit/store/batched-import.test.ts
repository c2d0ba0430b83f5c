// P4 + S4: an import's checks run a batch at a time, with a turn for the page between batches
// (runInTurns). These show the batched steps decide exactly what one pass decides, on inputs of
// several batches, and that a refusal found in a later batch still leaves the store as it was
// (all of the file or nothing), in the MemoryStore and the IdbStore alike.
import { beforeEach, describe, expect, it } from 'vitest';
import { accountId, compareChanges } from '$lib/core';
import type { Change, State } from '$lib/core';
import { checkClock, isClock, parseClock, receive } from '$lib/log/clock';
import type { ClockState } from '$lib/log/clock';
import { planImport, planSteps } from '$lib/log/plan';
import { BATCH, runAtOnce, runInTurns } from '$lib/log/progress';
import { IdbStore, MemoryStore } from '$lib/store';
import type { Store } from '$lib/store';
import { admit, firstBadClock } from '$lib/store/admit';
import { clockAfter, planAgainst } from '$lib/store/import-steps';
import { freshIndexedDb, signupDraft } from './helpers';

const T = 1_800_000_000_000;
const SENDER = 'aaaaaaaaaaaaaaaa';
const COUNT = BATCH * 2 + 500;

beforeEach(() => {
	freshIndexedDb();
});

/** COUNT sign-ups from another device (more than two batches); from `later` on, ten minutes later. */
async function manyChanges(later = COUNT): Promise<Change[]> {
	const sender = new MemoryStore(SENDER);
	const drafts = Array.from({ length: COUNT }, (_, i) =>
		signupDraft(accountId(`p-${i}`), `person${i}@acme.com`, `Person ${i}`)
	);
	await sender.commitMany(drafts.slice(0, later), T);
	if (later < COUNT) await sender.commitMany(drafts.slice(later), T + 10 * 60 * 1000);
	return sender.changes();
}

/** The change at `index` with `at` one millisecond off its clock (X7: 'time'). */
function badClockAt(changes: readonly Change[], index: number): Change[] {
	return changes.map((c, i) => (i === index ? { ...c, at: c.at + 1 } : c));
}

function snapshot(state: State) {
	const sorted = <V extends { id: string }>(m: ReadonlyMap<string, V>) =>
		[...m.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
	return {
		accounts: sorted(state.accounts),
		licenses: sorted(state.licenses),
		mail: sorted(state.mail)
	};
}

describe('batched import steps (P4) decide what one pass decides', () => {
	it('firstBadClock finds the same first bad clock in a later batch, run in turns or at once', async () => {
		const changes = await manyChanges();
		const bad = badClockAt(badClockAt(changes, COUNT - 300), COUNT - 10);
		const reference = bad.find((c) => checkClock(c.clock, c.device, c.at) !== null);
		const expected = {
			code: 'bad-clock',
			index: null,
			changeId: reference?.id,
			problem: 'time'
		};
		expect(reference?.id).toBe(changes[COUNT - 300]?.id);
		expect(await runInTurns(firstBadClock(bad))).toEqual(expected);
		expect(runAtOnce(firstBadClock(bad))).toEqual(expected);
		expect(await runInTurns(firstBadClock(changes))).toBeNull();
	});

	it('planning in turns gives planImport’s plan: order, duplicates, a changed history', async () => {
		const changes = await manyChanges();
		// Shuffled, with repeats, against a log holding the first batch and one rewritten change.
		const shuffled = [...changes].reverse().concat(changes.slice(100, 130));
		const log = changes.slice(0, BATCH);
		const known = new Map<string, Change>(log.map((c) => [c.id, c]));
		const target = changes[BATCH - 5];
		if (target) known.set(target.id, { ...target, actor: accountId('p-9') });
		const local = { get: (id: string) => known.get(id), latestClock: log.at(-1)?.clock ?? null };
		const batched = await runInTurns(planSteps(shuffled, local));
		expect(batched).toEqual(planImport(shuffled, local));
		expect(batched.error).toEqual({ code: 'changed-history', changeId: target?.id });
		expect(batched.fresh).toEqual(changes.slice(BATCH));
		expect(batched.fresh).toEqual([...batched.fresh].sort(compareChanges));
		const against = await runInTurns(planAgainst(shuffled, log));
		expect(against.fresh).toEqual(changes.slice(BATCH));
		expect(against.duplicates).toBe(BATCH + 30);
	});

	it('the clock after an import is the fold of receive over every change', async () => {
		const changes = await manyChanges();
		let expected: ClockState = { millis: 0, counter: 0 };
		for (const c of changes)
			if (isClock(c.clock)) expected = receive(expected, parseClock(c.clock));
		expect(await runInTurns(clockAfter({ millis: 0, counter: 0 }, changes))).toEqual(expected);
	});

	it('admit holds the same changes from the future and keeps the same gaps, in turns or at once', async () => {
		const changes = await manyChanges(BATCH + 100);
		const now = T + 60 * 1000;
		const local = { log: [], future: [], device: 'bbbbbbbbbbbbbbbb', head: null };
		const gaps = [{ device: SENDER, changeId: changes[COUNT - 1]?.id ?? '' }];
		const options = { now, gaps };
		const batched = await runInTurns(admit(local, changes, changes, options));
		expect(batched).toEqual(runAtOnce(admit(local, changes, changes, options)));
		if (!batched.ok) throw new Error('refused');
		expect(batched.value.apply).toEqual(changes.slice(0, BATCH + 100));
		expect(batched.value.hold).toEqual(changes.slice(BATCH + 100));
		expect(batched.value.gaps).toEqual(gaps);
	});
});

describe('S4 with batched checks: a refusal in a later batch writes nothing', () => {
	const stores: [string, () => Promise<Store>][] = [
		['MemoryStore', () => Promise.resolve(new MemoryStore('bbbbbbbbbbbbbbbb'))],
		['IdbStore', () => IdbStore.open({ name: 'batched', makeDeviceId: () => 'bbbbbbbbbbbbbbbb' })]
	];

	for (const [name, open] of stores) {
		it(`${name}: a bad clock in the last batch refuses the preview and the import; the store is as it was`, async () => {
			const changes = await manyChanges();
			const store = await open();
			await store.commit(signupDraft(accountId('local'), 'local@acme.com', 'Local'), T - 10);
			const before = { state: snapshot(store.state), log: await store.changes() };
			const bad = badClockAt(changes, COUNT - 7);
			const refusal = {
				ok: false,
				error: { code: 'bad-clock', index: null, changeId: changes[COUNT - 7]?.id, problem: 'time' }
			};
			expect(await store.previewImport(bad)).toEqual(refusal);
			expect(await store.importChanges(bad)).toEqual(refusal);
			expect(snapshot(store.state)).toEqual(before.state);
			expect(await store.changes()).toEqual(before.log);
			// The file as it was sent goes in whole, once (S4: idempotent).
			expect(await store.importChanges(changes)).toMatchObject({
				ok: true,
				value: { applied: COUNT }
			});
			expect(await store.importChanges(changes)).toMatchObject({
				ok: true,
				value: { applied: 0, duplicates: COUNT }
			});
		});

		it(`${name}: a changed history in a later batch refuses the import; nothing is written`, async () => {
			const changes = await manyChanges();
			const store = await open();
			expect((await store.importChanges(changes.slice(0, BATCH + 50))).ok).toBe(true);
			const before = { state: snapshot(store.state), log: await store.changes() };
			const target = changes[BATCH + 40];
			const rewritten = changes.map((c) => (c === target ? { ...c, actor: accountId('p-1') } : c));
			expect(await store.importChanges(rewritten)).toEqual({
				ok: false,
				error: { code: 'changed-history', changeId: target?.id }
			});
			expect(snapshot(store.state)).toEqual(before.state);
			expect(await store.changes()).toEqual(before.log);
		});
	}
});
