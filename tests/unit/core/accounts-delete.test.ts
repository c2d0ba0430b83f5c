// A8 (with C7): deleting an account. Refused while it is primary of any license role, with
// the list of those roles; otherwise it leaves every role and site, and its address is free.
import { describe, expect, it } from 'vitest';
import { accountId, visibleLicenses } from '$lib/core';
import { AccountChanges } from './account-factory';
import { A, L1, S1, accept, build, license, refusal, world } from './factories';
import { invariantViolations } from './invariants';

describe('A8: deleting an account', () => {
	it('A8: the only contact of a role is refused (primary-contact, soleContact): add someone first', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		expect(refusal(state, a.delete(A.alice, A.alice))).toEqual({
			code: 'primary-contact',
			licenses: [
				{ licenseId: L1, sen: 'SEN-0000001', role: 'billing', soleContact: true },
				{ licenseId: L1, sen: 'SEN-0000001', role: 'technical', soleContact: true }
			]
		});
	});

	it('A8: the primary of a role with other contacts is refused until someone else is primary', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const withBob = build([f.add(A.alice, L1, 'billing', 'bob@acme.com')], state);
		expect(refusal(withBob, a.delete(A.alice, A.alice))).toEqual({
			code: 'primary-contact',
			licenses: [
				{ licenseId: L1, sen: 'SEN-0000001', role: 'billing', soleContact: false },
				{ licenseId: L1, sen: 'SEN-0000001', role: 'technical', soleContact: true }
			]
		});
		const handed = build(
			[
				f.add(A.alice, L1, 'technical', 'bob@acme.com'),
				f.makePrimary(A.alice, L1, 'billing', A.bob),
				f.makePrimary(A.alice, L1, 'technical', A.bob)
			],
			withBob
		);
		const { state: next } = accept(handed, a.delete(A.alice, A.alice));
		expect(license(next)).toMatchObject({
			billing: { primary: A.bob, secondary: [] },
			technical: { primary: A.bob, secondary: [] }
		});
		expect(invariantViolations(next)).toEqual([]);
	});

	it('A8: a secondary contact and site admin is removed from every role and site', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const before = build(
			[
				f.add(A.alice, L1, 'billing', 'bob@acme.com'),
				f.add(A.alice, L1, 'technical', 'bob@acme.com'),
				f.site(A.bob, S1, 'bob.example.net'),
				a.enableTwoStep(A.bob, A.bob)
			],
			state
		);
		const { state: next, mail } = accept(before, a.delete(A.bob, A.bob));
		const bob = next.accounts.get(A.bob);
		expect(bob).toMatchObject({ status: 'deleted', secrets: {}, avatar: null });
		expect(license(next)).toMatchObject({
			billing: { primary: A.alice, secondary: [] },
			technical: { primary: A.alice, secondary: [] }
		});
		expect(next.sites.get(S1)?.admins).toEqual([]);
		expect(next.siteIdsByAdmin.has(A.bob)).toBe(false);
		expect(next.licenseIdsByAccount.has(A.bob)).toBe(false);
		expect(visibleLicenses(next, A.bob)).toEqual([]);
		expect(mail.map((m) => [m.kind, m.toKey])).toEqual([['account-deleted', 'bob@acme.com']]);
		expect(mail[0]?.body).toContain('2 license contact role(s)');
		expect(invariantViolations(next)).toEqual([]);
	});

	it('A8: the address is free for a new account; the deleted one can do nothing more', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const gone = build([a.delete(A.bob, A.bob)], state);
		expect(gone.accountIdByEmailKey.has('bob@acme.com')).toBe(false);
		const again = build([f.signup(accountId('bob-2'), 'bob@acme.com', 'Bob again')], gone);
		expect(again.accountIdByEmailKey.get('bob@acme.com')).toBe(accountId('bob-2'));
		expect(again.accounts.get(A.bob)?.status).toBe('deleted');
		expect(refusal(gone, a.delete(A.bob, A.bob)).code).toBe('not-allowed');
		expect(refusal(gone, a.verifyEmail(null, A.bob, 't')).code).toBe('account-inactive');
		expect(refusal(gone, a.resend(null, A.bob, 't')).code).toBe('account-inactive');
		expect(refusal(gone, a.reset(null, A.bob, 't')).code).toBe('account-inactive');
	});

	it('A8/C4: adding a contact by the freed address invites a new account, not the deleted one', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const gone = build([a.delete(A.bob, A.bob)], state);
		expect(refusal(gone, f.add(A.alice, L1, 'billing', 'bob@acme.com')).code).toBe('name-required');
		const bob2 = accountId('bob-2');
		const next = build(
			[f.add(A.alice, L1, 'billing', 'bob@acme.com', { accountId: bob2, name: 'Bob 2' })],
			gone
		);
		expect(license(next).billing?.secondary).toEqual([bob2]);
	});
});
