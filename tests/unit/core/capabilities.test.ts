// C12 tested as the rule's table, and C3 (who sees which license), also at 5,000 licenses.
import { describe, expect, it } from 'vitest';
import {
	CAPABILITIES,
	CAPABILITY_TABLE,
	LICENSE_ROLES,
	accountId,
	applyInPlace,
	can,
	canSee,
	capabilitiesOf,
	emptyState,
	licenseId,
	visibleLicenses
} from '$lib/core';
import type { Capability, LicenseRole } from '$lib/core';
import { A, ChangeFactory, L1, L2, S1, build, world } from './factories';

// The C12 table, copied row for row: primary billing, secondary billing,
// primary technical, secondary technical, site admin (cloud).
const SPEC_C12: readonly [string, Capability, readonly ('yes' | 'no' | 'its site')[]][] = [
	['see the license and its contacts', 'see-license', ['yes', 'yes', 'yes', 'yes', 'its site']],
	['add, delete, make primary (C4–C7)', 'manage-contacts', ['yes', 'yes', 'yes', 'yes', 'no']],
	[
		'receive quotes, invoices, renewal reminders',
		'receive-billing-mail',
		['yes', 'yes', 'no', 'no', 'no']
	],
	['see the billing name and address', 'see-billing-address', ['yes', 'no', 'no', 'no', 'no']],
	['C14: edit the billing details', 'edit-billing-details', ['yes', 'no', 'no', 'no', 'no']],
	['C14: renew, which issues an invoice', 'renew', ['yes', 'yes', 'no', 'no', 'no']],
	['C14: see the invoices', 'see-invoices', ['yes', 'yes', 'no', 'no', 'no']],
	['request support (C9)', 'request-support', ['no', 'no', 'yes', 'yes', 'no']],
	[
		'see the billing estimate, make me billing contact (C10)',
		'billing-overview',
		['no', 'no', 'no', 'no', 'yes']
	]
];

describe('C12: capability table', () => {
	it.each(SPEC_C12)('C12: %s', (_words, capability, cells) => {
		const expected = LICENSE_ROLES.map((_, i) => cells[i] !== 'no');
		expect(LICENSE_ROLES.map((role) => CAPABILITY_TABLE[capability][role])).toEqual(expected);
		LICENSE_ROLES.forEach((role, i) => expect(can([role], capability)).toBe(expected[i]));
	});

	it('C12: the table has exactly the rule rows, and no role means no capability', () => {
		expect(Object.keys(CAPABILITY_TABLE).sort()).toEqual([...CAPABILITIES].sort());
		expect(SPEC_C12.map((r) => r[1]).sort()).toEqual([...CAPABILITIES].sort());
		for (const c of CAPABILITIES) expect(can([], c)).toBe(false);
		expect(Object.isFrozen(CAPABILITY_TABLE)).toBe(true);
	});

	it('C12: capabilitiesOf reports each role held, site admin only on its own cloud licenses', () => {
		const { f, state } = world();
		const next = build(
			[
				f.add(A.alice, L1, 'billing', 'bob@acme.com'),
				f.add(A.alice, L1, 'technical', 'bob@acme.com'),
				f.site(A.carol, S1, 'acme.example.net'),
				f.license(A.carol, L2, { site: S1, sen: 'SEN-0000002' }),
				f.add(A.carol, L2, 'technical', 'dave@other.org')
			],
			state
		);
		const roles = (who: string, l = L1): LicenseRole[] =>
			[...capabilitiesOf(next, accountId(who), l)].sort();
		expect(roles('alice')).toEqual(['primary-billing', 'primary-technical']);
		expect(roles('bob')).toEqual(['secondary-billing', 'secondary-technical']);
		expect(roles('carol')).toEqual([]);
		expect(roles('carol', L2)).toEqual(['primary-billing', 'primary-technical', 'site-admin']);
		expect(roles('dave', L2)).toEqual(['secondary-technical']);
		expect(roles('alice', licenseId('nope'))).toEqual([]);
		expect(roles('ghost')).toEqual([]);
	});
});

describe('C3: visible licenses', () => {
	it('C3: a contact of either role sees the license; a stranger does not', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'technical', 'bob@acme.com')], state);
		expect(visibleLicenses(next, A.bob).map((l) => l.id)).toEqual([L1]);
		expect(visibleLicenses(next, A.dave)).toEqual([]);
		expect(canSee(next, A.dave, L1)).toBe(false);
	});

	it("C3: a site admin sees its site's cloud licenses, not its admins' other licenses", () => {
		const { f, state } = world();
		const next = build(
			[
				f.site(A.bob, S1, 'acme.example.net'),
				f.license(A.bob, L2, { site: S1, sen: 'SEN-0000002' }),
				f.add(A.bob, L2, 'billing', 'alice@acme.com'),
				f.add(A.bob, L2, 'technical', 'alice@acme.com'),
				f.makePrimary(A.alice, L2, 'billing', A.alice),
				f.makePrimary(A.alice, L2, 'technical', A.alice),
				f.remove(A.alice, L2, 'billing', A.bob),
				f.remove(A.alice, L2, 'technical', A.bob)
			],
			state
		);
		expect(next.licenseIdsByAccount.get(A.bob)).toBeUndefined();
		expect(visibleLicenses(next, A.bob).map((l) => l.sen)).toEqual(['SEN-0000002']);
		expect(visibleLicenses(next, A.alice).map((l) => l.sen)).toEqual([
			'SEN-0000001',
			'SEN-0000002'
		]);
	});

	it('C3: is fast with 5,000 licenses (index, not a scan)', () => {
		const f = new ChangeFactory();
		const state = emptyState();
		applyInPlace(state, f.signup(A.alice, 'alice@acme.com', 'Alice'));
		applyInPlace(state, f.signup(A.bob, 'bob@acme.com', 'Bob'));
		for (let i = 0; i < 5000; i++) {
			const owner = i % 2 === 0 ? A.alice : A.bob;
			const r = applyInPlace(
				state,
				f.license(owner, licenseId(`l${i}`), { sen: `SEN-${String(i).padStart(7, '0')}` })
			);
			expect(r.ok).toBe(true);
		}
		const started = performance.now();
		for (let i = 0; i < 20; i++) expect(visibleLicenses(state, A.alice)).toHaveLength(2500);
		expect((performance.now() - started) / 20).toBeLessThan(50);
	});
});
