// Properties of organizations over random histories with organization changes mixed in
// (fast-check): O2 (one organization per account, public domains never verified), O1 (never
// zero admins) and S5 (replay equals the incremental projection).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, emptyState, isPublicDomain, managedBy, replay } from '$lib/core';
import type { Change, State } from '$lib/core';
import { arbMixedChanges } from './organization-steps';

const RUNS = { numRuns: 200 };

/** Applies in order; calls `each` on every state reached. */
function fold(changes: readonly Change[], each?: (state: State) => void) {
	let state = emptyState();
	const accepted: Change[] = [];
	const refused: Change[] = [];
	for (const change of changes) {
		const result = apply(state, change);
		if (result.ok) {
			state = result.value.state;
			accepted.push(change);
			each?.(state);
		} else refused.push(change);
	}
	return { state, accepted, refused };
}

/** Every verified domain with the organizations that verified it, from the records. */
function verifiers(state: State): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const o of state.organizations.values()) {
		for (const d of o.domains) {
			if (d.status === 'verified') out.set(d.domain, [...(out.get(d.domain) ?? []), o.id]);
		}
	}
	return out;
}

const keyDomain = (key: string): string => key.slice(key.lastIndexOf('@') + 1);

describe('organization properties over random histories', () => {
	it('O2: an account is managed by at most one organization, the one managedBy names', () => {
		let managedSeen = 0;
		fc.assert(
			fc.property(arbMixedChanges(), (changes) => {
				fold(changes, (state) => {
					const byDomain = verifiers(state);
					for (const [domain, orgs] of byDomain) {
						expect(orgs, domain).toHaveLength(1);
						expect(state.organizationIdByDomain.get(domain)).toBe(orgs[0]);
					}
					expect(state.organizationIdByDomain.size).toBe(byDomain.size);
					for (const a of state.accounts.values()) {
						const orgs = a.status === 'deleted' ? [] : (byDomain.get(keyDomain(a.emailKey)) ?? []);
						expect(orgs.length).toBeLessThanOrEqual(1);
						expect(managedBy(state, a.id)?.id ?? null).toBe(orgs[0] ?? null);
						if (orgs.length === 1) managedSeen++;
					}
				});
			}),
			RUNS
		);
		// The generator does reach managed accounts (the property is not vacuous).
		expect(managedSeen).toBeGreaterThan(0);
	});

	it('O2/C5: a public domain is never verified', () => {
		fc.assert(
			fc.property(arbMixedChanges(), (changes) => {
				fold(changes, (state) => {
					for (const domain of verifiers(state).keys()) expect(isPublicDomain(domain)).toBe(false);
				});
			}),
			RUNS
		);
	});

	it('O1: an organization never has zero admins', () => {
		fc.assert(
			fc.property(arbMixedChanges(), (changes) => {
				fold(changes, (state) => {
					for (const o of state.organizations.values()) {
						expect(o.admins.length).toBeGreaterThan(0);
						expect(new Set(o.admins).size).toBe(o.admins.length);
					}
				});
			}),
			RUNS
		);
	});

	it('S5: replay of the log, organization changes mixed in, equals the incremental projection', () => {
		fc.assert(
			fc.property(arbMixedChanges(), fc.integer(), (changes, seed) => {
				const incremental = fold(changes);
				const replayed = replay(shuffle(changes, seed));
				expect(replayed.state).toEqual(incremental.state);
				expect(replayed.conflicts.map((c) => c.change.id).sort()).toEqual(
					incremental.refused.map((c) => c.id).sort()
				);
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
