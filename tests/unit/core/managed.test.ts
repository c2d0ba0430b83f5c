// O2, A6, A8, A13: what an organization's admins do to the accounts it manages, and what the
// holder of a managed account can no longer do. Every refusal of rules/managed.ts is here.
import { describe, expect, it } from 'vitest';
import { accountId, apply, managedBy, organizationId } from '$lib/core';
import type { AccountId, Change, State } from '$lib/core';
import { AccountChanges } from './account-factory';
import type { ChangeFactory } from './factories';
import { A, L1, accept, build, license, refusal, world } from './factories';
import { O1, O2, OrganizationChanges, providerSignup } from './organization-factory';

/**
 * alice's "Acme" (O1) verified acme.com, so alice and bob are managed by it (erin is on
 * mail.acme.com, another domain); dave's "Other" (O2) verified other.org. bob is a secondary
 * billing contact of alice's L1.
 */
function acme(): { f: ChangeFactory; o: OrganizationChanges; acc: AccountChanges; state: State } {
	const { f, state } = world();
	const o = new OrganizationChanges(f);
	const next = build(
		[
			o.create(A.alice, O1, 'Acme'),
			o.addDomain(A.alice, O1, 'acme.com'),
			o.verify(A.alice, O1, 'acme.com'),
			o.create(A.dave, O2, 'Other'),
			o.addDomain(A.dave, O2, 'other.org'),
			o.verify(A.dave, O2, 'other.org'),
			f.add(A.alice, L1, 'billing', 'bob@acme.com')
		],
		state
	);
	return { f, o, acc: new AccountChanges(f), state: next };
}

const account = (state: State, id: AccountId) => {
	const a = state.accounts.get(id);
	if (a === undefined) return expect.fail(`no account ${id}`);
	return a;
};

/** The notices a change mailed (A13). */
function notices(state: State, change: Change) {
	return accept(state, change).mail.filter((m) => m.kind === 'admin-action');
}

describe('O2/A6: who may act on a managed account', () => {
	it('O2: an admin of the managing organization deactivates it; A13 mails the holder', () => {
		const { o, state } = acme();
		const change = o.act(A.alice, O1, 'managed.deactivate', A.bob);
		const applied = accept(state, change);
		expect(account(applied.state, A.bob).status).toBe('deactivated');
		const [mail, ...rest] = applied.mail;
		expect(rest).toEqual([]);
		expect(mail).toMatchObject({ to: 'bob@acme.com', kind: 'admin-action' });
		expect(mail?.subject).toBe('An admin deactivated your account');
		expect(mail?.body).toContain('Alice (alice@acme.com), an admin of Acme');
	});

	it('S6: no actor, or a deactivated one, is refused (not-allowed)', () => {
		const { o, state } = acme();
		expect(refusal(state, o.act(null, O1, 'managed.deactivate', A.bob)).code).toBe('not-allowed');
		const two = build(
			[o.addAdmin(A.alice, O1, A.bob), o.act(A.alice, O1, 'managed.deactivate', A.bob)],
			state
		);
		expect(refusal(two, o.act(A.bob, O1, 'managed.reactivate', A.bob)).code).toBe('not-allowed');
	});

	it('O2: someone who is not an admin of the organization is refused, the holder too', () => {
		const { o, state } = acme();
		for (const actor of [A.bob, A.dave, A.carol]) {
			expect(refusal(state, o.act(actor, O1, 'managed.deactivate', A.bob)).code).toBe(
				'not-organization-admin'
			);
		}
	});

	it('O2: an organization not on this device, or an account not on it, is refused', () => {
		const { o, state } = acme();
		const ghost = organizationId('org-x');
		expect(refusal(state, o.act(A.alice, ghost, 'managed.delete', A.bob)).code).toBe(
			'unknown-organization'
		);
		expect(refusal(state, o.act(A.alice, O1, 'managed.delete', accountId('nobody'))).code).toBe(
			'unknown-account'
		);
	});

	it('O2: only accounts the organization manages (not public, other, sub- or removed domains)', () => {
		const { o, state } = acme();
		// carol is on gmail.com, erin on mail.acme.com, dave is managed by Other.
		for (const target of [A.carol, A.erin, A.dave]) {
			expect(refusal(state, o.changeName(A.alice, O1, target, 'X')).code).toBe('not-managed');
		}
		// The right organization, the wrong admin.
		expect(refusal(state, o.changeName(A.alice, O2, A.dave, 'X')).code).toBe(
			'not-organization-admin'
		);
		// A6: removing the domain ends every admin power over its accounts at once.
		const removed = build([o.removeDomain(A.alice, O1, 'acme.com')], state);
		expect(managedBy(removed, A.bob)).toBeNull();
		expect(refusal(removed, o.act(A.alice, O1, 'managed.deactivate', A.bob)).code).toBe(
			'not-managed'
		);
	});

	it('O2: a deleted account is managed by nobody', () => {
		const { o, state } = acme();
		const gone = build([o.act(A.alice, O1, 'managed.delete', A.bob)], state);
		expect(refusal(gone, o.act(A.alice, O1, 'managed.reactivate', A.bob)).code).toBe('not-managed');
	});
});

describe('O2/A6/A8: deactivate, reactivate, delete', () => {
	it('O2: reactivate undoes deactivate; each is refused when already so', () => {
		const { o, state } = acme();
		expect(refusal(state, o.act(A.alice, O1, 'managed.reactivate', A.bob)).code).toBe(
			'not-deactivated'
		);
		const off = build([o.act(A.alice, O1, 'managed.deactivate', A.bob)], state);
		expect(refusal(off, o.act(A.alice, O1, 'managed.deactivate', A.bob)).code).toBe(
			'already-deactivated'
		);
		// A8 (decision): a deactivated secondary contact keeps its roles, so reactivation restores it.
		expect(license(off).billing?.secondary).toEqual([A.bob]);
		const [mail] = notices(off, o.act(A.alice, O1, 'managed.reactivate', A.bob));
		expect(mail?.subject).toBe('An admin reactivated your account');
		expect(
			account(build([o.act(A.alice, O1, 'managed.reactivate', A.bob)], off), A.bob).status
		).toBe('active');
	});

	it('A6: an admin does not deactivate or delete their own account', () => {
		const { o, state } = acme();
		expect(refusal(state, o.act(A.alice, O1, 'managed.deactivate', A.alice)).code).toBe(
			'own-account'
		);
		expect(refusal(state, o.act(A.alice, O1, 'managed.delete', A.alice)).code).toBe('own-account');
	});

	it('A8: deactivating or deleting a primary contact is refused until someone else is primary', () => {
		const { o, state } = acme();
		const two = build([o.addAdmin(A.alice, O1, A.bob)], state);
		for (const type of ['managed.deactivate', 'managed.delete'] as const) {
			const refused = refusal(two, o.act(A.bob, O1, type, A.alice));
			expect(refused).toMatchObject({
				code: 'primary-contact',
				licenses: [
					{ licenseId: L1, role: 'billing', soleContact: false },
					{ licenseId: L1, role: 'technical', soleContact: true }
				]
			});
		}
	});

	it('A8: deleting removes its other contacts with it, as the holder’s own deletion does', () => {
		const { o, state } = acme();
		const applied = accept(state, o.act(A.alice, O1, 'managed.delete', A.bob));
		expect(account(applied.state, A.bob)).toMatchObject({ status: 'deleted', secrets: {} });
		expect(license(applied.state).billing?.secondary).toEqual([]);
		expect(applied.state.accountIdByEmailKey.has('bob@acme.com')).toBe(false);
		const [mail] = applied.mail;
		expect(mail).toMatchObject({ to: 'bob@acme.com', subject: 'An admin deleted your account' });
		expect(mail?.body).toContain('removed from 1 license contact role(s)');
	});
});

describe('O2/A6: email and name by an admin', () => {
	it('A6: the new address takes effect at once, verified; both addresses get the notice', () => {
		const { o, state } = acme();
		const applied = accept(state, o.changeEmail(A.alice, O1, A.bob, ' Robert@ACME.com '));
		expect(account(applied.state, A.bob)).toMatchObject({
			email: 'Robert@ACME.com',
			emailKey: 'robert@acme.com',
			verified: true
		});
		expect(applied.state.accountIdByEmailKey.get('robert@acme.com')).toBe(A.bob);
		expect(applied.state.accountIdByEmailKey.has('bob@acme.com')).toBe(false);
		expect(applied.mail.map((m) => m.toKey)).toEqual(['bob@acme.com', 'robert@acme.com']);
		expect(applied.mail[0]?.body).toContain('from bob@acme.com to Robert@ACME.com');
		expect(managedBy(applied.state, A.bob)?.id).toBe(O1);
	});

	it('A6: an address that is invalid, unchanged, taken or outside the organization is refused', () => {
		const { o, state } = acme();
		const change = (email: string) => o.changeEmail(A.alice, O1, A.bob, email);
		expect(refusal(state, change('not an address')).code).toBe('invalid-email');
		expect(refusal(state, change('BOB@acme.com')).code).toBe('invalid-payload');
		expect(refusal(state, change('alice@acme.com')).code).toBe('email-taken');
		expect(refusal(state, change('bob@gmail.com')).code).toBe('email-outside-organization');
		expect(refusal(state, change('bob@other.org')).code).toBe('email-outside-organization');
		expect(refusal(state, change('bob@mail.acme.com')).code).toBe('email-outside-organization');
	});

	it('O2: an admin changes the full name; empty, unchanged or an identity provider’s is refused', () => {
		const { f, o, state } = acme();
		const [mail] = notices(state, o.changeName(A.alice, O1, A.bob, '  Robert  '));
		expect(mail?.body).toContain('from Bob to Robert');
		expect(account(build([o.changeName(A.alice, O1, A.bob, 'Robert')], state), A.bob).name).toBe(
			'Robert'
		);
		expect(refusal(state, o.changeName(A.alice, O1, A.bob, '   ')).code).toBe('name-required');
		expect(refusal(state, o.changeName(A.alice, O1, A.bob, 'Bob')).code).toBe('invalid-payload');
		const sam = accountId('sam');
		const person = { id: sam, email: 'sam@acme.com', name: 'Sam', source: 'saml' } as const;
		const withSam = build(
			providerSignup(f, person, { admin: A.alice, org: O1, create: false }),
			state
		);
		expect(refusal(withSam, o.changeName(A.alice, O1, sam, 'Samuel')).code).toBe('managed-by-idp');
	});
});

describe('O2: reset two-step verification', () => {
	it('O2: turns it off (the holder enrolls again) and mails the holder; off already is refused', () => {
		const { o, acc, state } = acme();
		const on = build([acc.enableTwoStep(A.bob, A.bob)], state);
		const applied = accept(on, o.act(A.alice, O1, 'managed.resetTwoStep', A.bob));
		expect(account(applied.state, A.bob).secrets.twoStep).toBeNull();
		expect(applied.mail[0]?.subject).toBe('An admin reset your two-step verification');
		expect(refusal(applied.state, o.act(A.alice, O1, 'managed.resetTwoStep', A.bob)).code).toBe(
			'two-step-not-enabled'
		);
		// The holder turns it on again.
		expect(apply(applied.state, acc.enableTwoStep(A.bob, A.bob)).ok).toBe(true);
	});
});

describe('A6: the holder of a managed account', () => {
	it('A6: cannot change its email, name or delete it, nor turn two-step off: managed by <org>', () => {
		const { acc, state } = acme();
		const on = build([acc.enableTwoStep(A.bob, A.bob)], state);
		for (const change of [
			acc.requestEmail(A.bob, A.bob, 'bobby@acme.com', 't1'),
			acc.profile(A.bob, A.bob, { name: 'Bobby' }),
			acc.delete(A.bob, A.bob),
			acc.disableTwoStep(A.bob, A.bob)
		]) {
			expect(refusal(on, change), change.type).toEqual({
				code: 'managed-account',
				organization: 'Acme'
			});
		}
	});

	it('A6: a change of address asked for before the domain was verified is not confirmed after', () => {
		const { f, acc } = acme();
		const { state: fresh } = world(f);
		const o = new OrganizationChanges(f);
		const asked = build([acc.requestEmail(A.bob, A.bob, 'bobby@acme.com', 't1')], fresh);
		const managed = build(
			[
				o.create(A.alice, O1, 'Acme'),
				o.addDomain(A.alice, O1, 'acme.com'),
				o.verify(A.alice, O1, 'acme.com')
			],
			asked
		);
		expect(refusal(managed, acc.confirmEmail(A.bob, A.bob, 't1')).code).toBe('managed-account');
	});

	it('A6: still changes password and avatar and turns two-step verification on', () => {
		const { acc, state } = acme();
		for (const change of [
			acc.setPassword(A.bob, A.bob, 'change'),
			acc.profile(A.bob, A.bob, { avatar: 'data:image/png;base64,AAAA' }),
			// The same name again is not a change of name.
			acc.profile(A.bob, A.bob, { name: 'Bob' }),
			acc.enableTwoStep(A.bob, A.bob)
		]) {
			expect(apply(state, change).ok, change.type).toBe(true);
		}
	});

	it('A5: an unmanaged account is not affected (erin is on another domain)', () => {
		const { acc, state } = acme();
		expect(apply(state, acc.profile(A.erin, A.erin, { name: 'Erin E.' })).ok).toBe(true);
		expect(apply(state, acc.delete(A.erin, A.erin)).ok).toBe(true);
	});
});
