// Properties of the admin actions on managed accounts (O2, A6) over random histories with
// organization changes mixed in (fast-check): only an active admin of the organization that
// manages the account at that moment acts on it, and removing a domain ends every admin power
// over its accounts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, emptyState, managedBy } from '$lib/core';
import type { Change, State } from '$lib/core';
import { ChangeFactory } from './factories';
import { MANAGED_ACTIONS } from './managed-steps';
import { OrganizationChanges } from './organization-factory';
import { arbMixedChanges } from './organization-steps';

const RUNS = { numRuns: 200 };

function isManaged(c: Change): c is Extract<Change, { type: `managed.${string}` }> {
	return c.type.startsWith('managed.');
}

/** Applies in order; calls `each` with the state before every change and whether it applied. */
function fold(changes: readonly Change[], each: (before: State, c: Change, ok: boolean) => void) {
	let state = emptyState();
	for (const change of changes) {
		const result = apply(state, change);
		each(state, change, result.ok);
		if (result.ok) state = result.value.state;
	}
	return state;
}

describe('managed account properties over random histories', () => {
	it('O2/A6: only an active admin of the managing organization acts on a managed account', () => {
		let accepted = 0;
		let refused = 0;
		fc.assert(
			fc.property(arbMixedChanges(), (changes) => {
				fold(changes, (before, c, ok) => {
					if (!isManaged(c)) return;
					const actor = c.actor === null ? undefined : before.accounts.get(c.actor);
					const org = before.organizations.get(c.payload.organizationId);
					const allowed =
						actor?.status === 'active' &&
						org !== undefined &&
						org.admins.includes(actor.id) &&
						managedBy(before, c.payload.accountId)?.id === org.id;
					if (ok) {
						expect(allowed, `${c.type} by ${String(c.actor)}`).toBe(true);
						accepted++;
					} else if (!allowed) refused++;
				});
			}),
			RUNS
		);
		// Both sides are reached: the property is not vacuous.
		expect(accepted).toBeGreaterThan(0);
		expect(refused).toBeGreaterThan(0);
	});

	it('O2: once every domain is removed, no admin action on any account applies', () => {
		let tried = 0;
		fc.assert(
			fc.property(arbMixedChanges(), (changes) => {
				let state = fold(changes, () => undefined);
				const f = new ChangeFactory('dev-z', 2_000_000_000_000);
				const o = new OrganizationChanges(f);
				for (const org of state.organizations.values()) {
					for (const d of org.domains) {
						for (const admin of org.admins) {
							const result = apply(state, o.removeDomain(admin, org.id, d.domain));
							if (result.ok) {
								state = result.value.state;
								break;
							}
						}
					}
				}
				if (state.organizationIdByDomain.size > 0) return; // every admin was deactivated
				for (const org of state.organizations.values()) {
					for (const admin of org.admins) {
						for (const a of state.accounts.values()) {
							for (const type of MANAGED_ACTIONS) {
								const change =
									type === 'managed.changeEmail'
										? o.changeEmail(admin, org.id, a.id, 'new@acme.com')
										: type === 'managed.changeName'
											? o.changeName(admin, org.id, a.id, 'Renamed')
											: o.act(admin, org.id, type, a.id);
								expect(apply(state, change).ok, `${type} on ${a.id}`).toBe(false);
								tried++;
							}
						}
					}
				}
			}),
			{ numRuns: 50 }
		);
		expect(tried).toBeGreaterThan(0);
	});
});
