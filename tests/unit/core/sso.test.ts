// O5 (with A7 and A8): single sign-on settings, the simulated provider's directory and Google
// sync, as pure core changes, with every refusal. Google sync makes the same accounts with the
// same ids on every device (ids from the change's id), renames, reactivates and deactivates as
// its plan says, and never deactivates a primary contact with others behind them (A8).
import { describe, expect, it } from 'vitest';
import { accountId, mailbox, planGoogleSync, replay } from '$lib/core';
import type { Change, State } from '$lib/core';
import { A, ChangeFactory, L1, accept, build, refusal, world } from './factories';
import { DIRECTORY_HASH, O1, OrganizationChanges, SsoChanges } from './organization-factory';
import { ACCOUNT_KEY, AccountChanges, NEW_KEY, OTHER_VAULT } from './account-factory';

function google(): { f: ChangeFactory; s: SsoChanges; state: State; log: Change[] } {
	const { f, state } = world();
	const o = new OrganizationChanges(f);
	const s = new SsoChanges(f);
	const log = [
		o.create(A.alice, O1),
		o.addDomain(A.alice, O1, 'acme.com'),
		o.verify(A.alice, O1, 'acme.com'),
		s.setSignIn(A.alice, O1, 'google'),
		s.put(A.alice, O1, 'bob@acme.com', 'Robert Builder', ['staff']),
		s.put(A.alice, O1, 'new.person@ACME.com', 'New Person', ['staff', 'ops']),
		s.put(A.alice, O1, 'outsider@acme.com', 'Outsider', ['contractors'])
	];
	return { f, s, state: build(log, state), log };
}

/** Kim (with a key) on acme.com, which Alice's organization O1 verified: Kim is managed. */
function kimAtAcme(twoStep: boolean) {
	const { f, state } = world();
	const o = new OrganizationChanges(f);
	const s = new SsoChanges(f);
	const a = new AccountChanges(f);
	const K = accountId('kim');
	const log = [
		a.signupWithKeys(K, 'kim@acme.com'),
		...(twoStep ? [a.enableTwoStep(K, K)] : []),
		o.create(A.alice, O1),
		o.addDomain(A.alice, O1, 'acme.com'),
		o.verify(A.alice, O1, 'acme.com')
	];
	return { s, a, K, state: build(log, state) };
}

describe('O5: single sign-on and the directory', () => {
	it('O5/A7/X3: a provider sign-up is accepted only for a person of the directory of the organization signing in through that provider', () => {
		const { f, s, state } = google();
		const person = accountId('newp');
		// Not in the directory, at a domain nobody verified, or with the other provider: refused,
		// so a forged change cannot claim an address as a verified, passwordless account.
		expect(refusal(state, f.signup(person, 'stranger@acme.com', 'S', 'google')).code).toBe(
			'not-in-directory'
		);
		expect(refusal(state, f.signup(person, 'mallory@evil.example', 'M', 'google')).code).toBe(
			'not-in-directory'
		);
		expect(refusal(state, f.signup(person, 'new.person@acme.com', 'N', 'saml')).code).toBe(
			'not-in-directory'
		);
		// After single sign-on is switched off the directory creates nobody.
		const off = build([s.setSignIn(A.alice, O1, 'none')], state);
		expect(refusal(off, f.signup(person, 'new.person@acme.com', 'N', 'google')).code).toBe(
			'not-in-directory'
		);
		const made = accept(state, f.signup(person, 'new.person@acme.com', 'New Person', 'google'));
		expect(made.state.accounts.get(person)).toMatchObject({ source: 'google', verified: true });
	});

	it('O5: only admins set the provider; none turns it off', () => {
		const { f, state } = world();
		const o = new OrganizationChanges(f);
		const s = new SsoChanges(f);
		const org = build([o.create(A.alice, O1)], state);
		expect(refusal(org, s.setSignIn(A.bob, O1, 'saml')).code).toBe('not-organization-admin');
		const saml = accept(org, s.setSignIn(A.alice, O1, 'saml')).state;
		expect(saml.organizations.get(O1)?.signIn).toBe('saml');
		const off = accept(saml, s.setSignIn(A.alice, O1, 'none')).state;
		expect(off.organizations.get(O1)?.signIn).toBeNull();
	});

	it('O5: directory people are at a verified domain, named, with a hash; removable', () => {
		const { s, state } = google();
		const dir = state.organizations.get(O1)?.directory ?? [];
		expect(dir.map((p) => p.emailKey)).toEqual([
			'bob@acme.com',
			'new.person@acme.com',
			'outsider@acme.com'
		]);
		expect(refusal(state, s.put(A.alice, O1, 'x@other.org', 'X')).code).toBe(
			'not-a-verified-domain'
		);
		expect(refusal(state, s.put(A.alice, O1, 'nope', 'X')).code).toBe('invalid-email');
		expect(refusal(state, s.put(A.alice, O1, 'x@acme.com', '  ')).code).toBe('name-required');
		expect(refusal(state, s.put(A.bob, O1, 'x@acme.com', 'X')).code).toBe('not-organization-admin');
		// Putting the same address again edits the person.
		const edited = accept(state, s.put(A.alice, O1, 'BOB@acme.com', 'Bob B', ['ops'])).state;
		const bob = edited.organizations.get(O1)?.directory?.find((p) => p.emailKey === 'bob@acme.com');
		expect(bob).toMatchObject({ name: 'Bob B', groups: ['ops'] });
		expect(edited.organizations.get(O1)?.directory).toHaveLength(3);
		const removed = accept(state, s.remove(A.alice, O1, 'outsider@acme.com')).state;
		expect(removed.organizations.get(O1)?.directory).toHaveLength(2);
		expect(refusal(removed, s.remove(A.alice, O1, 'outsider@acme.com')).code).toBe(
			'not-in-directory'
		);
	});
});

describe('O5: Google sync', () => {
	it('O5: provisions members of the selected groups, renames, and reports by its plan', () => {
		const { s, state } = google();
		const org = state.organizations.get(O1);
		if (org === undefined) throw new Error('no org');
		const plan = planGoogleSync(state, org, ['staff']);
		expect(plan.create.map((p) => p.emailKey)).toEqual(['new.person@acme.com']);
		expect(plan.rename.map((r) => [r.account.id, r.name])).toEqual([[A.bob, 'Robert Builder']]);
		const sync = s.sync(A.alice, O1, ['staff']);
		const next = accept(state, sync).state;
		const made = next.accounts.get(accountId(`${sync.id}-0`));
		expect(made).toMatchObject({
			email: 'new.person@ACME.com',
			name: 'New Person',
			source: 'google',
			verified: true,
			status: 'active'
		});
		expect(next.accounts.get(A.bob)?.name).toBe('Robert Builder');
		// The outsider's group was not selected: no account.
		expect(next.accountIdByEmailKey.has('outsider@acme.com')).toBe(false);
		expect(next.organizations.get(O1)?.syncedGroups).toEqual(['staff']);
	});

	it('O5: members who left are deactivated, unless A8 keeps them; returning ones reactivate', () => {
		const { s, state } = google();
		const first = accept(state, s.sync(A.alice, O1, ['staff', 'ops'])).state;
		// Alice (not in the directory) signs in with her password, so sync never touches her.
		const gone = build(
			[s.remove(A.alice, O1, 'new.person@acme.com'), s.remove(A.alice, O1, 'bob@acme.com')],
			first
		);
		const org = gone.organizations.get(O1);
		if (org === undefined) throw new Error('no org');
		const plan = planGoogleSync(gone, org, ['staff', 'ops']);
		expect(plan.deactivate.map((a) => a.emailKey)).toEqual(['new.person@acme.com']);
		// Bob still signs in with a password (he existed before sync): not a Google leaver.
		expect(plan.deactivate.map((a) => a.id)).not.toContain(A.bob);
		const after = accept(gone, s.sync(A.alice, O1, ['staff', 'ops'])).state;
		const id = after.accountIdByEmailKey.get('new.person@acme.com');
		expect(id && after.accounts.get(id)?.status).toBe('deactivated');
		const back = build(
			[
				s.put(A.alice, O1, 'new.person@acme.com', 'New Person', ['ops']),
				s.sync(A.alice, O1, ['ops'])
			],
			after
		);
		expect(id && back.accounts.get(id)?.status).toBe('active');
	});

	it('A8: a Google leaver who is a primary contact with others is kept, and reported', () => {
		const { s, state, f } = google();
		const synced = accept(state, s.sync(A.alice, O1, ['staff'])).state;
		const np = synced.accountIdByEmailKey.get('new.person@acme.com');
		if (np === undefined) throw new Error('no account');
		// Alice adds the new person to her license and makes them primary; Bob stays a contact.
		const withRoles = build(
			[
				f.add(A.alice, L1, 'billing', 'new.person@acme.com'),
				f.makePrimary(A.alice, L1, 'billing', np),
				s.remove(A.alice, O1, 'new.person@acme.com')
			],
			synced
		);
		const org = withRoles.organizations.get(O1);
		if (org === undefined) throw new Error('no org');
		const plan = planGoogleSync(withRoles, org, ['staff']);
		expect(plan.blocked.map((a) => a.id)).toEqual([np]);
		expect(plan.deactivate).toEqual([]);
		const after = accept(withRoles, s.sync(A.alice, O1, ['staff'])).state;
		expect(after.accounts.get(np)?.status).toBe('active');
	});

	it('O5: refused unless Google is the provider, the groups are named, the actor an admin', () => {
		const { s, state } = google();
		expect(refusal(state, s.sync(A.alice, O1, [])).code).toBe('invalid-payload');
		expect(refusal(state, s.sync(A.bob, O1, ['staff'])).code).toBe('not-organization-admin');
		const saml = accept(state, s.setSignIn(A.alice, O1, 'saml')).state;
		expect(refusal(saml, s.sync(A.alice, O1, ['staff'])).code).toBe('not-google');
	});

	it('S5: replaying the log gives the incremental state, synced accounts included', () => {
		const f = new ChangeFactory();
		const o = new OrganizationChanges(f);
		const s = new SsoChanges(f);
		const log = [
			f.signup(A.alice, 'alice@acme.com', 'Alice'),
			f.signup(A.bob, 'bob@acme.com', 'Bob'),
			o.create(A.alice, O1),
			o.addDomain(A.alice, O1, 'acme.com'),
			o.verify(A.alice, O1, 'acme.com'),
			s.setSignIn(A.alice, O1, 'google'),
			s.put(A.alice, O1, 'bob@acme.com', 'Robert', ['staff']),
			s.put(A.alice, O1, 'carl@acme.com', 'Carl', ['staff']),
			s.sync(A.alice, O1, ['staff'])
		];
		const incremental = build(log);
		const replayed = replay([...log].reverse());
		expect(replayed.conflicts).toEqual([]);
		expect([...replayed.state.accounts.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
			[...incremental.accounts.values()].sort((a, b) => (a.id < b.id ? -1 : 1))
		);
		expect(replayed.state.organizations.get(O1)).toEqual(incremental.organizations.get(O1));
	});
});

describe('O5/X6: the key of an account that signs in through a provider', () => {
	it('X6: its vault follows the provider password: a sign-in may replace it; a password account may not', () => {
		const { s, a, K, state: keyed } = kimAtAcme(false);
		const replace = () => a.setKeys(K, K, { signingKey: NEW_KEY, vault: OTHER_VAULT });
		// O5 none: a key that opens is never replaced this way.
		expect(refusal(keyed, replace()).code).toBe('signing-key-exists');
		const saml = accept(keyed, s.setSignIn(A.alice, O1, 'saml')).state;
		const next = accept(saml, replace()).state;
		expect(next.accounts.get(K)?.signingKeys).toEqual([ACCOUNT_KEY, NEW_KEY]);
		expect(next.accounts.get(K)?.secrets.vault).toEqual(OTHER_VAULT);
		// Only the account itself (the sign-in is its holder's).
		expect(refusal(saml, a.setKeys(A.alice, K, { signingKey: NEW_KEY })).code).toBe('not-allowed');
	});

	it('O5 password sync: with sign-in None a put pushes the hash, turns two-step off, mails; the key may follow once', () => {
		const { s, a, K, state: managed } = kimAtAcme(true);
		const before = managed.accounts.get(K);
		expect(before?.secrets.twoStep).not.toBeNull();
		const plain = s.put(A.alice, O1, 'kim@acme.com', 'Kim');
		const pushedHash = { ...DIRECTORY_HASH, salt: 'cHVzaGVkc2FsdHB1c2hlZA' };
		const put = { ...plain, payload: { ...plain.payload, passwordHash: pushedHash } };
		const pushed = accept(managed, put).state;
		const kim = pushed.accounts.get(K);
		const person = pushed.organizations.get(O1)?.directory?.[0];
		expect(kim?.secrets.passwordHash).toEqual(pushedHash);
		expect(person?.passwordHash).toEqual(pushedHash);
		expect(before?.secrets.passwordHash).not.toEqual(pushedHash);
		expect(kim?.secrets.passwordChangedAt).toBe(put.at);
		expect(kim?.secrets.passwordPushed).toBe(true);
		expect(kim?.secrets.twoStep).toBeNull();
		const notice = mailbox(pushed, 'kim@acme.com').find((m) => m.kind === 'admin-action');
		expect(notice?.subject).toBe('Your password was replaced by your organization’s directory');
		expect(notice?.body).toContain('Two-step verification was turned off');
		// X6: the old vault no longer opens: the account's own next key is taken, once.
		const replace = () => a.setKeys(K, K, { signingKey: NEW_KEY, vault: OTHER_VAULT });
		expect(refusal(managed, replace()).code).toBe('signing-key-exists');
		const rekeyed = accept(pushed, replace()).state;
		expect(rekeyed.accounts.get(K)?.signingKeys).toEqual([ACCOUNT_KEY, NEW_KEY]);
		expect(rekeyed.accounts.get(K)?.secrets.passwordPushed).toBeNull();
		expect(refusal(rekeyed, a.setKeys(K, K, { signingKey: 'x'.repeat(43) })).code).toBe(
			'signing-key-exists'
		);
		// Someone else cannot take the key a push opened (S6: the account itself only).
		expect(refusal(pushed, a.setKeys(A.alice, K, { signingKey: NEW_KEY })).code).toBe(
			'not-allowed'
		);
		// Another organization's directory, or an unmanaged address, is never pushed to.
		const saml = accept(managed, s.setSignIn(A.alice, O1, 'saml')).state;
		const samlPut = accept(saml, s.put(A.alice, O1, 'kim@acme.com', 'Kim')).state;
		expect(samlPut.accounts.get(K)?.secrets.passwordHash).toEqual(before?.secrets.passwordHash);
	});

	it('A7: an account of a single sign-on domain keeps its password and two-step at the provider', () => {
		const { s, a, K, state: keyed } = kimAtAcme(false);
		const change = () =>
			a.setPassword(K, K, 'change', undefined, { signingKey: ACCOUNT_KEY, vault: OTHER_VAULT });
		expect(accept(keyed, change()).state.accounts.get(K)?.secrets.vault).toEqual(OTHER_VAULT);
		const saml = accept(keyed, s.setSignIn(A.alice, O1, 'saml')).state;
		expect(refusal(saml, change()).code).toBe('managed-by-idp');
		expect(refusal(saml, a.enableTwoStep(K, K)).code).toBe('managed-by-idp');
	});
});
