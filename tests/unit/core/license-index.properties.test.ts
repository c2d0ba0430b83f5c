// P4/C3: the Licenses page's index is patched commit by commit instead of rebuilt; over random
// histories, applied in place as the store applies them, it always equals a fresh licenseIndex
// for every viewer, and it patches (keeps the other rows) when a commit only replaces licenses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInPlace, createLicenseIndex, emptyState, licenseIndex } from '$lib/core';
import type { IndexVersions } from '$lib/core';
import { POOL_ACCOUNTS, arbChanges } from './arbitraries';
import { A, ChangeFactory, L1, build } from './factories';

describe('createLicenseIndex (C3, P4)', () => {
	it('C3: equals licenseIndex after every change, for every viewer, applied in place', () => {
		fc.assert(
			fc.property(arbChanges(), (changes) => {
				const state = emptyState();
				const versions = { accounts: 0, sites: 0 };
				// One index per viewer, and one shared by all (the viewer changes under it).
				const own = POOL_ACCOUNTS.map(() => createLicenseIndex());
				const shared = createLicenseIndex();
				for (const change of changes) {
					const result = applyInPlace(state, change);
					if (!result.ok) continue;
					for (const effect of result.value.effects) {
						if (effect.store === 'accounts') versions.accounts++;
						if (effect.store === 'sites') versions.sites++;
					}
					const seen: IndexVersions = { ...versions };
					POOL_ACCOUNTS.forEach((viewer, i) => {
						const fresh = licenseIndex(state, viewer);
						expect(own[i]?.(state, viewer, seen)).toEqual(fresh);
						expect(shared(state, viewer, seen)).toEqual(fresh);
					});
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('P4: a commit that only replaces one license patches its row and keeps the others', () => {
		const f = new ChangeFactory();
		const state = build([
			f.signup(A.alice, 'alice@acme.com', 'Alice'),
			f.signup(A.bob, 'bob@acme.com', 'Bob'),
			f.license(A.alice, L1, { sen: 'SEN-0000001' }),
			f.add(A.alice, L1, 'billing', 'bob@acme.com')
		]);
		const indexOf = createLicenseIndex();
		const versions = { accounts: 1, sites: 1 };
		const before = indexOf(state, A.alice, versions);
		expect(indexOf(state, A.alice, versions)).toBe(before);
		const result = applyInPlace(state, f.makePrimary(A.alice, L1, 'billing', A.bob));
		if (!result.ok) throw new Error(result.error.code);
		const after = indexOf(state, A.alice, versions);
		expect(after).not.toBe(before);
		expect(after).toEqual(licenseIndex(state, A.alice));
		expect(after[0]?.license.billing?.primary).toBe(A.bob);
	});
});
