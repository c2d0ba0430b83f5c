// C10: "Make me billing contact" on a cloud site's Billing overview.
import { describe, expect, it } from 'vitest';
import { licenseId, siteId } from '$lib/core';
import { A, L1, L2, S1, accept, build, license, refusal, world } from './factories';

const L3 = licenseId('lic-3');

/** Carol administers S1 and bought L2 and L3 there; dave took over all of L2 (C6, C7). */
function cloud() {
	const { f, state } = world();
	const next = build(
		[
			f.site(A.carol, S1, 'acme.example.net', ['issues', 'pages']),
			f.license(A.carol, L2, { site: S1, sen: 'SEN-0000002' }),
			f.license(A.carol, L3, { site: S1, product: 'pages', sen: 'SEN-0000003' }),
			f.add(A.carol, L2, 'billing', 'dave@other.org'),
			f.add(A.carol, L2, 'technical', 'dave@other.org'),
			f.makePrimary(A.dave, L2, 'billing', A.dave),
			f.makePrimary(A.dave, L2, 'technical', A.dave),
			f.remove(A.dave, L2, 'billing', A.carol),
			f.remove(A.dave, L2, 'technical', A.carol)
		],
		state
	);
	return { f, state: next };
}

describe('C10: make me billing contact', () => {
	it('C10: a site admin becomes primary billing of every cloud license, whatever the domain', () => {
		const { f, state } = world();
		const next = build(
			[
				f.site(A.carol, S1, 'acme.example.net', ['issues', 'pages']),
				f.license(A.carol, L2, { site: S1, sen: 'SEN-0000002' }),
				f.license(A.carol, L3, { site: S1, product: 'pages', sen: 'SEN-0000003' }),
				f.add(A.carol, L2, 'billing', 'alice@acme.com'),
				f.makePrimary(A.alice, L2, 'billing', A.alice),
				f.add(A.carol, L3, 'billing', 'dave@other.org'),
				f.makePrimary(A.dave, L3, 'billing', A.dave)
			],
			state
		);
		expect(license(next, L2).billing).toEqual({ primary: A.alice, secondary: [A.carol] });
		const { state: after, mail } = accept(next, f.makeMeBilling(A.carol, S1));
		// Carol was a secondary on both: moved, not duplicated; previous primaries demoted.
		expect(license(after, L2).billing).toEqual({ primary: A.carol, secondary: [A.alice] });
		expect(license(after, L3).billing).toEqual({ primary: A.carol, secondary: [A.dave] });
		expect(license(after, L2).technical).toEqual(license(next, L2).technical);
		expect(mail.map((m) => [m.toKey, m.kind])).toEqual([
			['alice@acme.com', 'primary-replaced'],
			['dave@other.org', 'primary-replaced']
		]);
		// The demoted primary may promote themselves back (C6).
		const { state: back } = accept(after, f.makePrimary(A.alice, L2, 'billing', A.alice));
		expect(license(back, L2).billing?.primary).toBe(A.alice);
	});

	it('C10: an admin who is no contact is added as primary; technical and server licenses untouched', () => {
		const { f, state } = cloud();
		expect(state.licenseIdsByAccount.get(A.carol)?.has(L2)).toBe(false);
		const { state: after, mail } = accept(state, f.makeMeBilling(A.carol, S1));
		expect(license(after, L2).billing).toEqual({ primary: A.carol, secondary: [A.dave] });
		expect(license(after, L2).technical).toEqual({ primary: A.dave, secondary: [] });
		expect(license(after, L3).billing).toEqual(license(state, L3).billing);
		expect(license(after, L1)).toBe(license(state, L1));
		expect(mail.map((m) => m.toKey)).toEqual(['dave@other.org']);
	});

	it('C10: refused with already-primary-billing when nothing would change', () => {
		const { f, state } = cloud();
		const { state: after } = accept(state, f.makeMeBilling(A.carol, S1));
		expect(refusal(after, f.makeMeBilling(A.carol, S1)).code).toBe('already-primary-billing');
	});

	it('C10: refused for non-admins (not-site-admin), unknown sites and sites without licenses', () => {
		const { f, state } = cloud();
		expect(refusal(state, f.makeMeBilling(A.dave, S1)).code).toBe('not-site-admin');
		expect(refusal(state, f.makeMeBilling(A.carol, siteId('nope'))).code).toBe('unknown-site');
		const empty = build([f.site(A.bob, siteId('s2'), 'empty.example.net')], state);
		expect(refusal(empty, f.makeMeBilling(A.bob, siteId('s2'))).code).toBe('no-site-licenses');
	});
});
