// A4 ("Can't log in?": single-use, expiring reset links; the first password of an invited
// account), A5 (changing one's password) and A7 (identity providers keep the password).
import { describe, expect, it } from 'vitest';
import { accountId, apply } from '$lib/core';
import { AccountChanges, HOUR, OTHER_PASSWORD, PASSWORD } from './account-factory';
import { A, L1, accept, build, hashOf, refusal, world } from './factories';
import { O1, providerSignup } from './organization-factory';

function requested() {
	const { f, state } = world();
	const a = new AccountChanges(f);
	const req = a.requestReset(null, 'BOB@acme.com', 'reset-1');
	return { f, a, req, state: build([req], state) };
}

describe('A4: password reset', () => {
	it('A4: a request mails a single-use link and keeps only the token hash', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const req = a.requestReset(null, 'BOB@acme.com', 'reset-1');
		const { state: next, mail } = accept(state, req);
		expect(next.accounts.get(A.bob)?.secrets.reset).toEqual({
			hash: hashOf('reset-1'),
			expiresAt: req.payload.expiresAt,
			used: false
		});
		expect(mail.map((m) => [m.kind, m.toKey, m.links[0]?.href])).toEqual([
			['password-reset', 'bob@acme.com', '/reset?token=reset-1']
		]);
		expect(JSON.stringify([...next.accounts.values()])).not.toContain('"reset-1"');
	});

	it('A4: an unknown or deleted address is accepted and does nothing (existence is not revealed)', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const unknown = accept(state, a.requestReset(null, 'nobody@acme.com', 'r'));
		expect(unknown.effects).toEqual([]);
		expect(unknown.mail).toEqual([]);
		const gone = build([a.delete(A.gina, A.gina)], state);
		const deleted = accept(gone, a.requestReset(null, 'gina@gmail.com', 'r'));
		expect(deleted.effects).toEqual([]);
	});

	it('A4: a bad address is invalid-email; an expiry not after the request is invalid-payload', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		expect(refusal(state, a.requestReset(null, 'nobody@', 'r')).code).toBe('invalid-email');
		expect(refusal(state, a.requestReset(null, 'bob@acme.com', 'r', 0))).toEqual({
			code: 'invalid-payload',
			field: 'expiresAt'
		});
	});

	it('A4: the link sets the password, marks the account verified, and works once', () => {
		const { a, state } = requested();
		const { state: next } = accept(state, a.reset(null, A.bob, 'reset-1'));
		const bob = next.accounts.get(A.bob);
		expect(bob?.verified).toBe(true);
		expect(bob?.secrets.passwordHash).toEqual(OTHER_PASSWORD);
		expect(bob?.secrets.reset?.used).toBe(true);
		expect(refusal(next, a.reset(null, A.bob, 'reset-1')).code).toBe('token-used');
	});

	it('A4: a wrong token is invalid-token; at or after expiresAt it is token-expired', () => {
		const { a, req, state } = requested();
		expect(refusal(state, a.reset(null, A.bob, 'reset-2')).code).toBe('invalid-token');
		const expiresAt = req.payload.expiresAt;
		expect(refusal(state, a.reset(null, A.bob, 'reset-1', { at: expiresAt })).code).toBe(
			'token-expired'
		);
		accept(state, a.reset(null, A.bob, 'reset-1', { at: expiresAt - 1 }));
	});

	it('A4: without a request there is nothing to match; a new request replaces the old link', () => {
		const { a, state } = requested();
		expect(refusal(state, a.reset(null, A.carol, 'reset-1')).code).toBe('invalid-token');
		const again = build([a.requestReset(null, 'bob@acme.com', 'reset-2', 2 * HOUR)], state);
		expect(refusal(again, a.reset(null, A.bob, 'reset-1')).code).toBe('invalid-token');
		accept(again, a.reset(null, A.bob, 'reset-2'));
		const missing = {
			...a.reset(null, A.bob, 'x'),
			payload: { accountId: A.bob, passwordHash: PASSWORD, reason: 'reset' as const }
		};
		expect(refusal(again, missing)).toEqual({ code: 'invalid-payload', field: 'resetTokenHash' });
	});

	it('A4/C4: an invited account gets its first password through the reset link', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const newbie = accountId('newbie');
		const invited = build(
			[
				f.add(A.alice, L1, 'technical', 'newbie@acme.com', { accountId: newbie, name: 'Newbie' }),
				a.requestReset(null, 'newbie@acme.com', 'first-link')
			],
			state
		);
		expect(invited.accounts.get(newbie)).toMatchObject({ invited: true, verified: false });
		const { state: next } = accept(invited, a.reset(null, newbie, 'first-link'));
		expect(next.accounts.get(newbie)).toMatchObject({ verified: true });
		expect(next.accounts.get(newbie)?.secrets.passwordHash).toEqual(OTHER_PASSWORD);
	});
});

describe('A5: the holder changes their own password', () => {
	it('A5: change by the holder records the hash and when it was set', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const change = a.setPassword(A.bob, A.bob, 'change');
		const { state: next } = accept(state, change);
		expect(next.accounts.get(A.bob)?.secrets).toMatchObject({
			passwordHash: OTHER_PASSWORD,
			passwordChangedAt: change.at
		});
	});

	it("A5: 'first' only for an account without a password (password-already-set)", () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const first = build([a.setPassword(A.bob, A.bob, 'first', PASSWORD)], state);
		expect(first.accounts.get(A.bob)?.secrets.passwordHash).toEqual(PASSWORD);
		expect(refusal(first, a.setPassword(A.bob, A.bob, 'first')).code).toBe('password-already-set');
	});

	it('A5: a malformed hash is invalid-payload', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const bad = a.setPassword(A.bob, A.bob, 'change', { ...PASSWORD, iterations: 0 });
		expect(refusal(state, bad)).toEqual({ code: 'invalid-payload', field: 'passwordHash' });
	});

	it.each([
		['fewer than 600,000 iterations', { iterations: 599_999 }],
		['an absurd iteration count (a hostile file)', { iterations: 10_000_001 }],
		['another algorithm', { alg: 'SHA1' }]
	])('X1: a password hash with %s is refused, wherever it comes from', (_what, change) => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const weak = a.setPassword(A.bob, A.bob, 'change', { ...PASSWORD, ...change });
		expect(refusal(state, weak)).toEqual({ code: 'invalid-payload', field: 'passwordHash' });
		const ok = a.setPassword(A.bob, A.bob, 'change', { ...PASSWORD, iterations: 600_000 });
		expect(apply(state, ok).ok).toBe(true);
	});
});

describe('A7: the identity provider keeps the password', () => {
	it('A7: google and saml accounts cannot set a password here (managed-by-idp)', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const g = accountId('gee');
		const s = accountId('sam');
		const org = { admin: A.alice, org: O1 };
		const next = build(
			[
				...providerSignup(
					f,
					{ id: g, email: 'gee@acme.com', name: 'Gee', source: 'google' },
					{
						...org,
						create: true
					}
				),
				...providerSignup(
					f,
					{ id: s, email: 'sam@acme.com', name: 'Sam', source: 'saml' },
					{
						...org,
						create: false
					}
				)
			],
			state
		);
		expect(refusal(next, a.setPassword(g, g, 'change')).code).toBe('managed-by-idp');
		expect(refusal(next, a.setPassword(s, s, 'first')).code).toBe('managed-by-idp');
		expect(refusal(next, a.reset(null, s, 'whatever')).code).toBe('managed-by-idp');
	});

	it('A7: a reset request for them mails where to go instead, with no link and no token', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const g = accountId('gee');
		const gee = { id: g, email: 'gee@acme.com', name: 'Gee', source: 'google' } as const;
		const next = build(providerSignup(f, gee, { admin: A.alice, org: O1, create: true }), state);
		const { state: after, mail } = accept(next, a.requestReset(null, 'gee@acme.com', 'r'));
		expect(mail.map((m) => [m.kind, m.links.length])).toEqual([['password-reset-idp', 0]]);
		expect(mail[0]?.body).toContain('Google');
		expect(after.accounts.get(g)?.secrets.reset).toBeUndefined();
	});
});
