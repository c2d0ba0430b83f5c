// A1 (sign-up, verification mail, resend) and A3 (accounts are never combined).
import { describe, expect, it } from 'vitest';
import { CHANGE_TYPES, accountId } from '$lib/core';
import type { Change } from '$lib/core';
import { AccountChanges, PASSWORD } from './account-factory';
import { A, ChangeFactory, accept, build, hashOf, refusal, world } from './factories';
import { O1, providerSignup } from './organization-factory';

const Z = accountId('zed');

function signedUp() {
	const f = new ChangeFactory();
	const a = new AccountChanges(f);
	const state = build([a.signupWithPassword(Z, 'Zed@Acme.com', 'tok-1')]);
	return { f, a, state };
}

describe('A1: sign-up and email verification', () => {
	it('A1: sign-up keeps the password hash and only the hash of the mailed token', () => {
		const f = new ChangeFactory();
		const a = new AccountChanges(f);
		const { state, mail } = accept(build([]), a.signupWithPassword(Z, 'Zed@Acme.com', 'tok-1'));
		const zed = state.accounts.get(Z);
		expect(zed).toMatchObject({ verified: false, invited: false, status: 'active' });
		expect(zed?.secrets).toEqual({
			passwordHash: PASSWORD,
			passwordChangedAt: zed?.createdAt,
			verifyTokenHash: hashOf('tok-1')
		});
		expect(mail.map((m) => [m.kind, m.toKey, m.links[0]?.href])).toEqual([
			['verify-email', 'zed@acme.com', '/verify?token=tok-1&email=Zed%40Acme.com']
		]);
		expect(JSON.stringify([...state.accounts.values()])).not.toContain('"tok-1"');
	});

	it('A1: the mailed token verifies the address, whoever presents it (no login needed)', () => {
		const { a, state } = signedUp();
		const { state: next } = accept(state, a.verifyEmail(null, Z, 'tok-1'));
		expect(next.accounts.get(Z)?.verified).toBe(true);
		expect(next.accounts.get(Z)?.secrets.verifyTokenHash).toBeNull();
	});

	it('A1: a wrong token is invalid-token; a second click is already-verified', () => {
		const { a, state } = signedUp();
		expect(refusal(state, a.verifyEmail(null, Z, 'tok-2')).code).toBe('invalid-token');
		const next = build([a.verifyEmail(Z, Z, 'tok-1')], state);
		expect(refusal(next, a.verifyEmail(null, Z, 'tok-1')).code).toBe('already-verified');
	});

	it('A1: an account with no pending token, or no such account, cannot be verified', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		expect(refusal(state, a.verifyEmail(null, A.bob, 'anything')).code).toBe('invalid-token');
		expect(refusal(state, a.verifyEmail(null, accountId('ghost'), 't')).code).toBe(
			'unknown-account'
		);
		const empty: Change = {
			...a.verifyEmail(null, A.bob, 't'),
			payload: { accountId: A.bob, tokenHash: '' }
		};
		expect(refusal(state, empty)).toEqual({ code: 'invalid-payload', field: 'tokenHash' });
	});

	it('A1: resend mails a new link that replaces the previous one', () => {
		const { a, state } = signedUp();
		const { state: next, mail } = accept(state, a.resend(null, Z, 'tok-2'));
		expect(mail.map((m) => m.links[0]?.href)).toEqual(['/verify?token=tok-2&email=Zed%40Acme.com']);
		expect(refusal(next, a.verifyEmail(null, Z, 'tok-1')).code).toBe('invalid-token');
		const verified = build([a.verifyEmail(null, Z, 'tok-2')], next);
		expect(verified.accounts.get(Z)?.verified).toBe(true);
		expect(refusal(verified, a.resend(null, Z, 'tok-3')).code).toBe('already-verified');
	});

	it('A1/A7: an identity-provider account is verified from the start: nothing to resend', () => {
		const { f, state: world0 } = world();
		const a = new AccountChanges(f);
		const zed = { id: Z, email: 'zed@acme.com', name: 'Zed', source: 'google' } as const;
		const state = build(providerSignup(f, zed, { admin: A.alice, org: O1, create: true }), world0);
		expect(refusal(state, a.resend(null, Z, 't')).code).toBe('already-verified');
	});

	it('A1: account.create checks token, tokenHash and passwordHash', () => {
		const f = new ChangeFactory();
		const base = f.signup(Z, 'zed@acme.com', 'Zed', 'password', 'tok');
		const noHash = { ...base.payload, tokenHash: undefined };
		expect(refusal(build([]), { ...base, payload: noHash })).toEqual({
			code: 'invalid-payload',
			field: 'tokenHash'
		});
		const invited = f.invite(A.alice, Z, 'zed@acme.com');
		const withOwner = build([f.signup(A.alice, 'alice@acme.com', 'Alice')]);
		expect(
			refusal(withOwner, { ...invited, payload: { ...invited.payload, passwordHash: PASSWORD } })
		).toEqual({ code: 'invalid-payload', field: 'passwordHash' });
		const google = f.signup(Z, 'zed@acme.com', 'Zed', 'google');
		expect(
			refusal(build([]), { ...google, payload: { ...google.payload, passwordHash: PASSWORD } }).code
		).toBe('managed-by-idp');
		const weak = { ...PASSWORD, salt: '' };
		expect(
			refusal(build([]), { ...base, payload: { ...base.payload, passwordHash: weak } })
		).toEqual({ code: 'invalid-payload', field: 'passwordHash' });
	});
});

describe('A3: accounts are never combined', () => {
	it('A3: no change type merges, links or combines accounts', () => {
		expect(CHANGE_TYPES.filter((t) => /merge|combine|link/i.test(t))).toEqual([]);
	});

	it('A3: a second account for an address in use is refused (email-taken), both stay apart', () => {
		const { f, state } = world();
		expect(refusal(state, f.signup(accountId('bob-2'), 'BOB@acme.com')).code).toBe('email-taken');
		expect(refusal(state, f.invite(A.alice, accountId('bob-2'), 'bob@acme.com')).code).toBe(
			'email-taken'
		);
	});

	it('A3: moving to an address another account has is refused, even if it was free at request', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		expect(refusal(state, a.requestEmail(A.bob, A.bob, 'Alice@acme.com', 't')).code).toBe(
			'email-taken'
		);
		const pending = build([a.requestEmail(A.bob, A.bob, 'new@acme.com', 't')], state);
		const taken = build([f.signup(accountId('new'), 'new@acme.com', 'New')], pending);
		expect(refusal(taken, a.confirmEmail(A.bob, A.bob, 't')).code).toBe('email-taken');
		expect(taken.accounts.get(A.bob)?.emailKey).toBe('bob@acme.com');
		expect(taken.accountIdByEmailKey.get('new@acme.com')).toBe(accountId('new'));
	});
});
