// Property tests over random histories (fast-check): C2/C7 invariants at every step, S5
// determinism and convergence, and the reducer's contract (no mutation, atomic refusal,
// effects that reproduce the records).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, applyInPlace, emptyState, replay } from '$lib/core';
import type { Change, Effect, State } from '$lib/core';
import { arbChanges } from './arbitraries';
import { invariantViolations, orphanLicenses } from './invariants';

const RUNS = { numRuns: 200 };

interface Fold {
	state: State;
	accepted: Change[];
	refused: Change[];
}

function fold(
	changes: readonly Change[],
	each?: (before: State, after: State, change: Change) => void
): Fold {
	let state = emptyState();
	const accepted: Change[] = [];
	const refused: Change[] = [];
	for (const change of changes) {
		const result = apply(state, change);
		if (result.ok) {
			each?.(state, result.value.state, change);
			state = result.value.state;
			accepted.push(change);
		} else refused.push(change);
	}
	return { state, accepted, refused };
}

describe('properties over random histories', () => {
	it('C2/C7/C3: every role keeps exactly one primary, no duplicates, and no license is orphaned', () => {
		fc.assert(
			fc.property(arbChanges(), (changes) => {
				fold(changes, (_before, after) => {
					expect(invariantViolations(after)).toEqual([]);
					expect(orphanLicenses(after)).toEqual([]);
				});
			}),
			RUNS
		);
	});

	it('S5: applying the same sequence twice gives equal states', () => {
		fc.assert(
			fc.property(arbChanges(), (changes) => {
				expect(fold(changes).state).toEqual(fold(changes).state);
			}),
			RUNS
		);
	});

	it('S5: replay of the accepted changes, in any input order, equals the incremental state', () => {
		fc.assert(
			fc.property(arbChanges(), fc.integer(), (changes, seed) => {
				const incremental = fold(changes);
				const shuffled = shuffle(incremental.accepted, seed);
				const replayed = replay(shuffled);
				expect(replayed.conflicts).toEqual([]);
				expect(replayed.state).toEqual(incremental.state);
			}),
			RUNS
		);
	});

	it('S5/S6: replay of everything keeps exactly the refused changes as conflicts', () => {
		fc.assert(
			fc.property(arbChanges(), (changes) => {
				const incremental = fold(changes);
				const replayed = replay([...changes].reverse());
				expect(replayed.conflicts.map((c) => c.change.id)).toEqual(
					incremental.refused.map((c) => c.id)
				);
				expect(replayed.state).toEqual(incremental.state);
			}),
			RUNS
		);
	});

	it('apply never mutates its input, and applyInPlace reaches the same state', () => {
		fc.assert(
			fc.property(arbChanges(25), (changes) => {
				let cow = emptyState();
				const owned = emptyState();
				for (const change of changes) {
					const snapshot = structuredClone(cow);
					const a = apply(cow, change);
					expect(cow).toEqual(snapshot);
					const b = applyInPlace(owned, change);
					expect(b.ok).toBe(a.ok);
					if (a.ok) cow = a.value.state;
				}
				expect(owned).toEqual(cow);
			}),
			RUNS
		);
	});

	it('a refused change leaves the state unchanged, even in place', () => {
		fc.assert(
			fc.property(arbChanges(), (changes) => {
				const state = emptyState();
				for (const change of changes) {
					const snapshot = structuredClone(state);
					const result = applyInPlace(state, change);
					if (!result.ok) expect(state).toEqual(snapshot);
				}
			}),
			RUNS
		);
	});

	it('effects, written in order to four record stores, reproduce the state records', () => {
		fc.assert(
			fc.property(arbChanges(), (changes) => {
				const stores = {
					accounts: new Map<string, unknown>(),
					licenses: new Map<string, unknown>(),
					sites: new Map<string, unknown>(),
					mail: new Map<string, unknown>(),
					organizations: new Map<string, unknown>(),
					supportAccounts: new Map<string, unknown>()
				};
				const write = (e: Effect): void => {
					if (e.kind === 'delete') stores[e.store].delete(e.key);
					else stores[e.store].set(e.value.id, e.value);
				};
				const state = emptyState();
				for (const change of changes) {
					const result = applyInPlace(state, change);
					if (result.ok) result.value.effects.forEach(write);
				}
				expect(stores.accounts).toEqual(state.accounts);
				expect(stores.licenses).toEqual(state.licenses);
				expect(stores.sites).toEqual(state.sites);
				expect(stores.mail).toEqual(state.mail);
			}),
			RUNS
		);
	});
});

/** A seeded shuffle, so fast-check can shrink and replay it. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
	const out = [...items];
	let x = seed | 0 || 1;
	for (let i = out.length - 1; i > 0; i--) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		const j = Math.abs(x) % (i + 1);
		const a = out[i];
		const b = out[j];
		if (a !== undefined && b !== undefined) [out[i], out[j]] = [b, a];
	}
	return out;
}
