/**
 * S5 with X7: devices that receive the same changes, some of them dated far ahead by a device
 * whose clock runs fast, hold those changes while they are in the future and, once time has
 * passed, all show the same state, the same log and the same conflicts, whatever the order of
 * the exchanges and however each device's own clock moved meanwhile.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change, State } from '$lib/core';
import { MemoryStore } from '$lib/store';
import type { ChangeDraft, Store } from '$lib/store';
import { arbStep, toChanges } from '../core/arbitraries';

const T = 1_790_000_000_000;
const HOUR = 3_600_000;
/** The fast device's wall clock runs this far ahead of everyone else's. */
const FAST_BY = 23 * HOUR;
const DEVICES = ['a', 'f', 'r', 's'].map((c) => c.repeat(16));

function draftOf(change: Change): ChangeDraft {
	const { device: _d, clock: _c, at: _a, prev: _p, ...draft } = change;
	return draft;
}

const byId = <R extends { id: string }>(m: Map<string, R>) =>
	[...m.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
const records = ({ accounts, licenses, sites, mail }: State) =>
	[accounts, licenses, sites, mail].map((m) => byId<{ id: string }>(m));

async function summary(store: Store) {
	return {
		records: records(store.state),
		log: (await store.changes()).map((c) => c.id).sort(),
		conflicts: (await store.conflicts()).map((c) => c.change.id).sort()
	};
}

/** `from`'s whole history, held changes included, into `to` at `to`'s wall time. */
async function send(from: Store, to: Store, now: number): Promise<void> {
	const changes = [...(await from.changes()), ...(await from.held())];
	const result = await to.importChanges(changes, undefined, { now });
	if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.error)}`);
}

const arbScenario = fc.record({
	steps: fc.array(fc.record({ step: arbStep, fast: fc.boolean() }), {
		maxLength: 25,
		size: 'max'
	}),
	events: fc.array(
		fc.record({
			after: fc.nat(24),
			from: fc.nat(3),
			to: fc.nat(3),
			/** How far the receiver's own clock has moved on meanwhile (it never goes back). */
			later: fc.nat(30 * HOUR)
		}),
		{ maxLength: 25, size: 'max' }
	)
});

describe('S5/X7: convergence with changes from the future', () => {
	it('S5/X7: devices that receive the same changes, some far in the future, converge once time passes', async () => {
		let held = 0;
		await fc.assert(
			fc.asyncProperty(arbScenario, async ({ steps, events }) => {
				const stores = DEVICES.map((d) => new MemoryStore(d));
				const at = (i: number) => stores[i % stores.length] ?? stores[0] ?? new MemoryStore();
				// Each device's wall clock: the fast one runs 23 hours ahead of the others.
				const walls = [T, T + FAST_BY, T, T];
				const wall = (i: number) => walls[i % walls.length] ?? T;
				const tick = (i: number, ms: number) => {
					walls[i % walls.length] = wall(i) + ms;
					return wall(i);
				};
				const changes = toChanges(steps.map((s) => ({ step: s.step, device: 'dev-a' })));
				const setupCount = changes.length - steps.length;
				for (const change of changes.slice(0, setupCount)) {
					await at(0).commit(draftOf(change), tick(0, 1000));
				}
				for (let i = 1; i < stores.length; i++) await send(at(0), at(i), tick(i, 1000));
				for (const [i, step] of steps.entries()) {
					const change = changes[setupCount + i];
					if (change === undefined) continue;
					const who = step.fast ? 1 : 0;
					// A draft its device cannot apply (it has not seen what it builds on) is refused
					// at commit and never enters the log, as in the app.
					await at(who).commit(draftOf(change), tick(who, 1000));
					for (const e of events) {
						if (e.after !== i || at(e.from) === at(e.to)) continue;
						await send(at(e.from), at(e.to), tick(e.to, e.later));
						held += (await at(e.to).held()).length;
					}
				}
				// Time passes for everyone, past the latest change; then everyone meets, twice round.
				const later = Math.max(...walls) + HOUR;
				for (let i = 0; i < walls.length; i++) walls[i] = later;
				for (let round = 0; round < 2; round++) {
					for (let i = 1; i < stores.length; i++) await send(at(i), at(0), tick(0, 1000));
					for (let i = 1; i < stores.length; i++) await send(at(0), at(i), tick(i, 1000));
				}
				const expected = await summary(at(0));
				for (const store of stores) {
					expect(await store.held()).toEqual([]);
					expect(await summary(store)).toEqual(expected);
				}
			}),
			{ numRuns: 80 }
		);
		// The schedules did hold changes from the future along the way.
		expect(held).toBeGreaterThan(0);
	}, 120_000);
});
