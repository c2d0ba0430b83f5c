// O2: the admin's list of managed accounts: which accounts, in which order, and the filters
// (search by address or name, status, two-step on or off, sign-in source).
import { describe, expect, it } from 'vitest';
import { accountId, filterManagedRows, managedAccountRows } from '$lib/core';
import { AccountChanges } from './account-factory';
import { A, build, world } from './factories';
import { O1, O2, OrganizationChanges, providerSignup } from './organization-factory';

function acme() {
	const { f, state } = world();
	const o = new OrganizationChanges(f);
	const acc = new AccountChanges(f);
	const sam = accountId('sam');
	const next = build(
		[
			o.create(A.alice, O1, 'Acme'),
			o.addDomain(A.alice, O1, 'acme.com'),
			o.verify(A.alice, O1, 'acme.com'),
			o.create(A.dave, O2, 'Other'),
			o.addDomain(A.dave, O2, 'other.org'),
			o.verify(A.dave, O2, 'other.org'),
			...providerSignup(
				f,
				{ id: sam, email: 'Sam@acme.com', name: 'Samantha Lee', source: 'saml' },
				{ admin: A.alice, org: O1, create: false }
			),
			acc.enableTwoStep(A.bob, A.bob),
			o.act(A.alice, O1, 'managed.deactivate', A.bob)
		],
		state
	);
	return { o, state: next, sam };
}

describe('O2: managed accounts of an organization', () => {
	it('O2: every account on its verified domains, by address; not others’, not deleted ones', () => {
		const { o, state, sam } = acme();
		const rows = managedAccountRows(state, O1);
		expect(rows.map((r) => r.id)).toEqual([A.alice, A.bob, sam]);
		expect(rows[1]).toMatchObject({
			email: 'bob@acme.com',
			name: 'Bob',
			status: 'deactivated',
			twoStep: true,
			source: 'password'
		});
		expect(managedAccountRows(state, O2).map((r) => r.id)).toEqual([A.dave]);
		const gone = build([o.act(A.alice, O1, 'managed.delete', sam)], state);
		expect(managedAccountRows(gone, O1).map((r) => r.id)).toEqual([A.alice, A.bob]);
	});

	it('O2: each row carries the last log in on this device where known (device-local, passed in)', () => {
		const { state, sam } = acme();
		expect(managedAccountRows(state, O1).map((r) => r.lastLoginHere)).toEqual([null, null, null]);
		const here = new Map([
			[sam, 7_000],
			[A.dave, 9_000]
		]);
		const rows = managedAccountRows(state, O1, here);
		expect(rows.map((r) => [r.id, r.lastLoginHere])).toEqual([
			[A.alice, null],
			[A.bob, null],
			[sam, 7_000]
		]);
	});

	it('O2: search by part of the address or the name in any case; status, two-step, source', () => {
		const { state, sam } = acme();
		const rows = managedAccountRows(state, O1);
		const ids = (filter: Parameters<typeof filterManagedRows>[1]) =>
			filterManagedRows(rows, filter).map((r) => r.id);
		expect(ids({ query: '  SAM ' })).toEqual([sam]);
		expect(ids({ query: 'lee' })).toEqual([sam]);
		expect(ids({ query: '@ACME' })).toEqual([A.alice, A.bob, sam]);
		expect(ids({ query: 'nobody' })).toEqual([]);
		expect(ids({ status: 'deactivated' })).toEqual([A.bob]);
		expect(ids({ status: 'active' })).toEqual([A.alice, sam]);
		expect(ids({ twoStep: 'on' })).toEqual([A.bob]);
		expect(ids({ twoStep: 'off', source: 'saml' })).toEqual([sam]);
		expect(ids({ query: 'a', status: 'any', twoStep: 'any', source: 'any' })).toEqual([
			A.alice,
			A.bob,
			sam
		]);
	});
});
