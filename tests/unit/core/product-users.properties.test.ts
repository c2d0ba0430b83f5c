// A11 over random histories (fast-check): product users added and removed by random actors,
// upgrades, sign ups of the same addresses. Only a site's admins change its product users; an
// upgrade never makes two accounts for one email (however often it runs); replay equals the
// incremental projection (S5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountId, apply, emptyState, replay, siteId } from '$lib/core';
import { copyState } from '$lib/log/merge';
import type { Change, State } from '$lib/core';
import { A, ChangeFactory } from './factories';
import { ProductChanges } from './product-factory';

const SITES = [siteId('site-1'), siteId('site-2')];
const ACTORS = [A.alice, A.bob, A.carol, null];
const EMAILS = ['kim@shop.example', 'KIM@shop.example', 'lee@shop.example', 'bob@acme.com'];
const PRODUCTS = [['issues'], ['pages'], ['issues', 'pages']];

interface Step {
	readonly kind: 'add' | 'remove' | 'upgrade' | 'signup';
	readonly actor: (typeof ACTORS)[number];
	readonly site: (typeof SITES)[number];
	readonly email: string;
	readonly products: string[];
	readonly bot: boolean;
	readonly n: number;
}

const arbStep: fc.Arbitrary<Step> = fc.record({
	kind: fc.constantFrom('add', 'add', 'remove', 'upgrade', 'upgrade', 'signup'),
	actor: fc.constantFrom(...ACTORS),
	site: fc.constantFrom(...SITES),
	email: fc.constantFrom(...EMAILS),
	products: fc.constantFrom(...PRODUCTS),
	bot: fc.boolean(),
	n: fc.nat(1000)
});

function history(steps: readonly Step[]): Change[] {
	const f = new ChangeFactory();
	const p = new ProductChanges(f);
	const changes: Change[] = [
		f.signup(A.alice, 'alice@acme.com', 'Alice'),
		f.signup(A.bob, 'bob@acme.com', 'Bob'),
		f.signup(A.carol, 'carol@gmail.com', 'Carol'),
		f.site(A.alice, SITES[0] ?? siteId('x'), 'one.example.net', ['issues', 'pages']),
		f.site(A.bob, SITES[1] ?? siteId('y'), 'two.example.net', ['issues', 'pages'])
	];
	const added: string[] = [];
	for (const s of steps) {
		if (s.kind === 'add') {
			const c = p.add(s.actor, s.site, {
				email: s.email,
				products: s.products,
				bot: s.bot,
				usedOn: s.bot ? ['two.example.net'] : []
			});
			added.push(c.id);
			changes.push(c);
		}
		if (s.kind === 'remove') changes.push(p.remove(s.actor, s.site, added[s.n % 3] ?? 'none'));
		if (s.kind === 'upgrade') changes.push(p.upgrade(s.actor, s.site));
		if (s.kind === 'signup') changes.push(f.signup(accountId(`acc-${s.n}`), s.email, `S${s.n}`));
	}
	return changes;
}

const ofA11 = (
	c: Change
): c is Extract<Change, { type: `productUser.${string}` | 'site.upgradeUsers' }> =>
	c.type.startsWith('productUser.') || c.type === 'site.upgradeUsers';

describe('A11 product-user properties over random histories', () => {
	it('A11: only site admins; one account per email however often the upgrade runs; upgraded users name a live account with their email; replay equals projection', () => {
		let upgrades = 0;
		let refused = 0;
		fc.assert(
			fc.property(fc.array(arbStep, { maxLength: 25 }), (steps) => {
				let state: State = emptyState();
				const kept: Change[] = [];
				for (const c of history(steps)) {
					const result = apply(state, c);
					if (ofA11(c)) {
						const admins = state.sites.get(c.payload.siteId)?.admins ?? [];
						if (result.ok) {
							expect(c.actor !== null && admins.includes(c.actor)).toBe(true);
							if (c.type === 'site.upgradeUsers') upgrades++;
						} else refused++;
					}
					if (result.ok) {
						state = result.value.state;
						kept.push(c);
					}
				}
				// never two accounts (not deleted) for one email
				const keys = [...state.accounts.values()]
					.filter((a) => a.status !== 'deleted')
					.map((a) => a.emailKey);
				expect(new Set(keys).size).toBe(keys.length);
				for (const site of state.sites.values())
					for (const u of site.productUsers ?? []) {
						if (u.accountId == null) continue;
						expect(state.accounts.get(u.accountId)?.emailKey).toBe(u.emailKey);
					}
				// running the upgrade again on every site makes no account
				let again = state;
				const f = new ChangeFactory('dev-z', 2_000_000_000_000);
				const p = new ProductChanges(f);
				for (const site of state.sites.values()) {
					const admin = site.admins[0] ?? null;
					const r = apply(again, p.upgrade(admin, site.id));
					if (r.ok) again = r.value.state;
				}
				for (const site of state.sites.values()) {
					const r = apply(again, p.upgrade(site.admins[0] ?? null, site.id));
					expect(r.ok ? 'accepted' : r.error.code).toBe('nothing-to-upgrade');
				}
				const before = new Set(keys);
				const after = [...again.accounts.values()].filter((a) => a.status !== 'deleted');
				expect(new Set(after.map((a) => a.emailKey)).size).toBe(after.length);
				for (const a of state.accounts.values()) expect(again.accounts.get(a.id)).toBeDefined();
				expect(after.length).toBeGreaterThanOrEqual(before.size);
				expect(replay(kept).state).toEqual(state);
				// S8: the records alone rebuild the same state, indexes included.
				expect(copyState(state)).toEqual(state);
			}),
			{ numRuns: 150 }
		);
		expect(upgrades).toBeGreaterThan(0);
		expect(refused).toBeGreaterThan(0);
	});
});
