// C1–C4, C7, C8: license contacts (adding, deleting, mail), each rule named in its title.
import { describe, expect, it } from 'vitest';
import { accountId } from '$lib/core';
import { A, L1, accept, build, license, refusal, world } from './factories';

describe('C1/C2: any number of contacts, exactly one primary', () => {
	it('C0/C2: the buyer is the first (primary) billing and technical contact', () => {
		const { state } = world();
		expect(license(state).billing).toEqual({ primary: A.alice, secondary: [] });
		expect(license(state).technical).toEqual({ primary: A.alice, secondary: [] });
	});

	it('C1: a role takes any number of secondary contacts', () => {
		const { f, state } = world();
		const next = build(
			[
				f.add(A.alice, L1, 'billing', 'bob@acme.com'),
				f.add(A.alice, L1, 'billing', 'carol@gmail.com'),
				f.add(A.alice, L1, 'billing', 'dave@other.org')
			],
			state
		);
		expect(license(next).billing).toEqual({
			primary: A.alice,
			secondary: [A.bob, A.carol, A.dave]
		});
	});

	it('C1: one account may hold both roles (two contacts)', () => {
		const { f, state } = world();
		const next = build(
			[
				f.add(A.alice, L1, 'billing', 'bob@acme.com'),
				f.add(A.alice, L1, 'technical', 'bob@acme.com')
			],
			state
		);
		expect(license(next).billing?.secondary).toContain(A.bob);
		expect(license(next).technical?.secondary).toContain(A.bob);
	});
});

describe('C4: adding a contact', () => {
	it('C4: an existing active account is used (matched case-insensitively), newAccount ignored', () => {
		const { f, state } = world();
		const { state: next } = accept(
			state,
			f.add(A.alice, L1, 'technical', '  BOB@Acme.COM ', { accountId: accountId('x'), name: 'X' })
		);
		expect(license(next).technical?.secondary).toEqual([A.bob]);
		expect(next.accounts.has(accountId('x'))).toBe(false);
	});

	it('C4: an unknown address with a name creates an invited, unverified account and invites it', () => {
		const { f, state } = world();
		const newbie = accountId('newbie');
		const applied = accept(
			state,
			f.add(A.alice, L1, 'billing', 'New@Acme.com', { accountId: newbie, name: ' Nina ' })
		);
		expect(applied.state.accounts.get(newbie)).toMatchObject({
			email: 'New@Acme.com',
			emailKey: 'new@acme.com',
			name: 'Nina',
			status: 'active',
			verified: false,
			invited: true,
			source: 'password'
		});
		expect(license(applied.state).billing?.secondary).toEqual([newbie]);
		expect(applied.mail).toHaveLength(1);
		expect(applied.mail[0]?.kind).toBe('contact-invited');
		expect(applied.mail[0]?.links.map((l) => l.href)).toContain(
			'/cant-log-in?email=New%40Acme.com'
		);
	});

	it('C4: an unknown address without a name is refused with name-required', () => {
		const { f, state } = world();
		expect(refusal(state, f.add(A.alice, L1, 'billing', 'new@acme.com')).code).toBe(
			'name-required'
		);
		expect(
			refusal(
				state,
				f.add(A.alice, L1, 'billing', 'new@acme.com', { accountId: accountId('n'), name: '  ' })
			).code
		).toBe('name-required');
	});

	it('C4: adding someone who already holds that role is refused with already-in-role', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'billing', 'bob@acme.com')], state);
		expect(refusal(next, f.add(A.alice, L1, 'billing', 'bob@acme.com')).code).toBe(
			'already-in-role'
		);
		expect(refusal(next, f.add(A.alice, L1, 'billing', 'alice@acme.com')).code).toBe(
			'already-in-role'
		);
	});

	it('C4: an invalid address is refused with invalid-email', () => {
		const { f, state } = world();
		for (const email of [
			'',
			'bob',
			'bob@',
			'@acme.com',
			'bob@acme',
			'b ob@acme.com',
			'bob@acme..com'
		]) {
			expect(refusal(state, f.add(A.alice, L1, 'billing', email)).code).toBe('invalid-email');
		}
	});

	it('C8: the added contact is mailed', () => {
		const { f, state } = world();
		const applied = accept(state, f.add(A.alice, L1, 'technical', 'bob@acme.com'));
		expect(applied.mail.map((m) => [m.toKey, m.kind])).toEqual([['bob@acme.com', 'contact-added']]);
		expect(applied.state.mailIdsByToKey.get('bob@acme.com')?.size).toBe(1);
	});
});

describe('C3: only contacts change contacts', () => {
	it('C3: a stranger cannot add, make primary or delete (not-a-contact)', () => {
		const { f, state } = world();
		expect(refusal(state, f.add(A.dave, L1, 'billing', 'dave@other.org')).code).toBe(
			'not-a-contact'
		);
		expect(refusal(state, f.makePrimary(A.dave, L1, 'billing', A.alice)).code).toBe(
			'not-a-contact'
		);
		expect(refusal(state, f.remove(A.dave, L1, 'billing', A.alice)).code).toBe('not-a-contact');
	});

	it('C3: a contact of the other role may manage this role too', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'technical', 'bob@acme.com')], state);
		const { state: after } = accept(next, f.add(A.bob, L1, 'billing', 'dave@other.org'));
		expect(license(after).billing?.secondary).toEqual([A.dave]);
	});
});

describe('C7: delete', () => {
	it('C7: deleting a secondary removes them and the license leaves their list', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'billing', 'bob@acme.com')], state);
		expect(next.licenseIdsByAccount.get(A.bob)?.has(L1)).toBe(true);
		const { state: after, mail } = accept(next, f.remove(A.alice, L1, 'billing', A.bob));
		expect(license(after).billing).toEqual({ primary: A.alice, secondary: [] });
		expect(after.licenseIdsByAccount.has(A.bob)).toBe(false);
		expect(mail.map((m) => m.kind)).toEqual(['contact-removed']);
	});

	it('C7: the license stays in the list while the other role is still held', () => {
		const { f, state } = world();
		const next = build(
			[
				f.add(A.alice, L1, 'billing', 'bob@acme.com'),
				f.add(A.alice, L1, 'technical', 'bob@acme.com'),
				f.remove(A.alice, L1, 'billing', A.bob)
			],
			state
		);
		expect(next.licenseIdsByAccount.get(A.bob)?.has(L1)).toBe(true);
	});

	it('C7: the primary cannot be deleted (cannot-delete-primary), even the last contact', () => {
		const { f, state } = world();
		expect(refusal(state, f.remove(A.alice, L1, 'billing', A.alice)).code).toBe(
			'cannot-delete-primary'
		);
		const next = build([f.add(A.alice, L1, 'billing', 'bob@acme.com')], state);
		expect(refusal(next, f.remove(A.bob, L1, 'billing', A.alice)).code).toBe(
			'cannot-delete-primary'
		);
	});

	it('C7: deleting someone not in the role is refused with not-in-role', () => {
		const { f, state } = world();
		expect(refusal(state, f.remove(A.alice, L1, 'technical', A.bob)).code).toBe('not-in-role');
	});

	it('C7: a secondary may delete themselves', () => {
		const { f, state } = world();
		const next = build(
			[f.add(A.alice, L1, 'billing', 'bob@acme.com'), f.remove(A.bob, L1, 'billing', A.bob)],
			state
		);
		expect(license(next).billing?.secondary).toEqual([]);
	});
});
