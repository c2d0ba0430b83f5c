// A9 over random histories (fast-check): desk changes by random actors mixed with sign ups of
// the same addresses. Only an admin of the site changes its desk; a customer never keeps an
// account from signing up and is never an account; replay equals the incremental projection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountId, apply, emptyState, replay, siteId } from '$lib/core';
import { copyState } from '$lib/log/merge';
import type { Change, State } from '$lib/core';
import { DeskChanges } from './desk-factory';
import { A, ChangeFactory } from './factories';

const SITES = [siteId('site-1'), siteId('site-2')];
const ACTORS = [A.alice, A.bob, A.carol, null];
const EMAILS = ['kim@shop.example', 'KIM@shop.example', 'lee@shop.example', 'bob@acme.com'];

interface Step {
	readonly kind: 'add' | 'rename' | 'remove' | 'migrate' | 'signup';
	readonly actor: (typeof ACTORS)[number];
	readonly site: (typeof SITES)[number];
	readonly email: string;
	readonly n: number;
}

const arbStep: fc.Arbitrary<Step> = fc.record({
	kind: fc.constantFrom('add', 'rename', 'remove', 'migrate', 'signup'),
	actor: fc.constantFrom(...ACTORS),
	site: fc.constantFrom(...SITES),
	email: fc.constantFrom(...EMAILS),
	n: fc.nat(1000)
});

function history(steps: readonly Step[]): Change[] {
	const f = new ChangeFactory();
	const d = new DeskChanges(f);
	const changes: Change[] = [
		f.signup(A.alice, 'alice@acme.com', 'Alice'),
		f.signup(A.bob, 'bob@acme.com', 'Bob'),
		f.signup(A.carol, 'carol@gmail.com', 'Carol'),
		f.site(A.alice, SITES[0] ?? siteId('x'), 'one.example.net'),
		f.site(A.bob, SITES[1] ?? siteId('y'), 'two.example.net')
	];
	for (const s of steps) {
		const id = accountId(`acc-${s.n}`);
		if (s.kind === 'add') changes.push(d.add(s.actor, s.site, s.email, `N${s.n}`));
		if (s.kind === 'rename') changes.push(d.rename(s.actor, s.site, s.email, `R${s.n}`));
		if (s.kind === 'remove') changes.push(d.remove(s.actor, s.site, s.email));
		if (s.kind === 'migrate') changes.push(d.migrate(s.actor, s.site, s.email, id));
		if (s.kind === 'signup') changes.push(f.signup(id, s.email, `S${s.n}`));
	}
	return changes;
}

const isDesk = (c: Change): c is Extract<Change, { type: `customer.${string}` }> =>
	c.type.startsWith('customer.');

describe('A9 service-desk properties over random histories', () => {
	it('A9: only site admins change a desk; customers never block sign up; replay equals projection', () => {
		let accepted = 0;
		let refused = 0;
		fc.assert(
			fc.property(fc.array(arbStep, { maxLength: 25 }), (steps) => {
				let state: State = emptyState();
				const kept: Change[] = [];
				for (const c of history(steps)) {
					const result = apply(state, c);
					if (isDesk(c)) {
						const admins = state.sites.get(c.payload.siteId)?.admins ?? [];
						if (result.ok) {
							expect(c.actor !== null && admins.includes(c.actor)).toBe(true);
							accepted++;
						} else refused++;
					}
					if (c.type === 'account.create' && !result.ok) {
						// refused only because an account has the address or the id, never a customer
						const key = c.payload.email.toLowerCase();
						const taken =
							state.accountIdByEmailKey.has(key) || state.accounts.has(c.payload.accountId);
						expect(taken).toBe(true);
					}
					if (result.ok) {
						state = result.value.state;
						kept.push(c);
					}
				}
				// a customer is never an account record
				for (const site of state.sites.values())
					for (const cust of site.customers ?? [])
						expect([...state.accounts.values()].some((a) => a.id === cust.emailKey)).toBe(false);
				expect(replay(kept).state).toEqual(state);
				// S8: the records alone rebuild the same state, indexes included.
				expect(copyState(state)).toEqual(state);
			}),
			{ numRuns: 150 }
		);
		expect(accepted).toBeGreaterThan(0);
		expect(refused).toBeGreaterThan(0);
	});
});
