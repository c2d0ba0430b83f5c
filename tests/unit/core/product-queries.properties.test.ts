// A15 over random histories (fast-check): sites, cloud licenses and contacts added and removed
// by random people. "Your products" lists each product of a site once, every reason it gives is
// true of the state, and nothing the account may use is missing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, emptyState, licenseId, members, siteId, yourProducts } from '$lib/core';
import type { Change, State } from '$lib/core';
import { A, ChangeFactory } from './factories';

const PEOPLE = [A.alice, A.bob, A.carol] as const;
const EMAILS = ['alice@acme.com', 'bob@acme.com', 'carol@gmail.com'] as const;
const SITES = [siteId('site-1'), siteId('site-2')] as const;
const PRODUCTS = ['issues', 'pages', 'chat'] as const;

type Step = {
	readonly kind: 'license' | 'add' | 'remove';
	readonly actor: number;
	readonly who: number;
	readonly site: number;
	readonly product: number;
	readonly license: number;
	readonly role: 'billing' | 'technical';
};

const arbStep: fc.Arbitrary<Step> = fc.record({
	kind: fc.constantFrom('license' as const, 'add' as const, 'remove' as const),
	actor: fc.nat(PEOPLE.length - 1),
	who: fc.nat(PEOPLE.length - 1),
	site: fc.nat(SITES.length - 1),
	product: fc.nat(PRODUCTS.length - 1),
	license: fc.nat(5),
	role: fc.constantFrom('billing' as const, 'technical' as const)
});

function history(steps: readonly Step[]): Change[] {
	const f = new ChangeFactory();
	const changes: Change[] = [
		...PEOPLE.map((id, i) => f.signup(id, EMAILS[i] ?? '', 'P')),
		f.site(A.alice, SITES[0], 'one.example.net', ['issues', 'pages']),
		f.site(A.bob, SITES[1], 'two.example.net', ['chat'])
	];
	for (const s of steps) {
		const actor = PEOPLE[s.actor] ?? A.alice;
		const id = licenseId(`lic-${s.license}`);
		if (s.kind === 'license') {
			changes.push(
				f.license(actor, id, { site: SITES[s.site], product: PRODUCTS[s.product] ?? 'issues' })
			);
		} else if (s.kind === 'add') {
			changes.push(f.add(actor, id, s.role, EMAILS[s.who] ?? ''));
		} else {
			changes.push(f.remove(actor, id, s.role, PEOPLE[s.who] ?? A.alice));
		}
	}
	return changes;
}

function expected(state: State, account: (typeof PEOPLE)[number]): Set<string> {
	const out = new Set<string>();
	for (const site of state.sites.values()) {
		if (site.admins.includes(account)) for (const p of site.productIds) out.add(`${site.id}/${p}`);
	}
	for (const l of state.licenses.values()) {
		const holds = [...members(l.billing), ...members(l.technical)].includes(account);
		if (holds && l.siteId !== null) out.add(`${l.siteId}/${l.productId}`);
	}
	return out;
}

describe('A15 properties', () => {
	it('A15: each product once, every reason true, nothing missing', () => {
		let contacts = 0;
		fc.assert(
			fc.property(fc.array(arbStep, { maxLength: 25 }), (steps) => {
				let state = emptyState();
				// Refused steps (not a site admin, not a contact …) simply change nothing.
				for (const c of history(steps)) {
					const result = apply(state, c);
					if (result.ok) state = result.value.state;
				}
				for (const account of PEOPLE) {
					const listed = yourProducts(state, account);
					const keys = listed.map((p) => `${p.siteId}/${p.productId}`);
					expect(new Set(keys).size).toBe(keys.length);
					expect(new Set(keys)).toEqual(expected(state, account));
					for (const p of listed) {
						const site = state.sites.get(p.siteId);
						expect(p.via.length).toBeGreaterThan(0);
						if (p.via.includes('site-admin')) {
							expect(site?.admins).toContain(account);
							expect(site?.productIds).toContain(p.productId);
						}
						if (p.via.includes('license-contact')) {
							contacts++;
							const licenses = [...state.licenses.values()].filter(
								(l) => l.siteId === p.siteId && l.productId === p.productId
							);
							expect(
								licenses.some((l) =>
									[...members(l.billing), ...members(l.technical)].includes(account)
								)
							).toBe(true);
						}
					}
				}
			}),
			{ numRuns: 150 }
		);
		// The histories did reach licenses with contacts, not only the sites' admins.
		expect(contacts).toBeGreaterThan(0);
	});
});
