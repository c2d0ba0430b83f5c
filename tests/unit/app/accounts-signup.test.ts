// A1 sign up and email verification, and A2 log in, through the app commands with a real
// MemoryStore: the password is hashed before the change (S1, X1) and never stored in clear.
import { describe, expect, it } from 'vitest';
import { mailbox } from '$lib/core';
import { logIn, resendVerification, signUp, verifyEmail } from '$lib/app/accounts';
import { hashPassword, PBKDF2_ITERATIONS } from '$lib/security';
import {
	PASSWORD,
	account,
	harness,
	invitedAccount,
	mailedToken,
	verifiedAccount
} from './accounts-helpers';

describe('sign up (A1)', () => {
	it('creates an unverified account whose change carries a PBKDF2 hash, not the password', async () => {
		const h = harness();
		const result = await signUp(h.ctx, {
			email: 'Alice@Acme.com',
			name: 'Alice Example',
			password: PASSWORD
		});
		if (!result.ok) throw new Error(result.error.code);
		const created = account(h, result.value.accountId);
		expect(created).toMatchObject({ email: 'Alice@Acme.com', verified: false, source: 'password' });
		expect(created.secrets.passwordHash).toMatchObject({ alg: 'PBKDF2-SHA256', length: 32 });
		expect(JSON.stringify(result.value.change)).not.toContain(PASSWORD);
		const [mail] = mailbox(h.store.state, 'alice@acme.com');
		expect(mail?.subject).toBe('Verify your email address');
		expect(mail?.links[0]?.href).toMatch(/^\/verify\?token=[\w-]+&email=Alice%40Acme\.com$/);
	});

	// X1 at full cost, once: the only account test that runs the real 600,000 iterations,
	// with a timeout of its own so a busy machine cannot fail it.
	it('hashes with at least 600,000 iterations when the caller does not lower them (X1)', async () => {
		const hash = await hashPassword(PASSWORD);
		expect(hash.iterations).toBe(PBKDF2_ITERATIONS);
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
	}, 120_000);

	it('refuses an address already taken, whatever its case, before hashing anything', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const again = await signUp(h.ctx, {
			email: 'ALICE@acme.com',
			name: 'Other',
			password: PASSWORD
		});
		expect(again).toEqual({ ok: false, error: { code: 'email-taken' } });
	});

	it('verifies through the mailed link once; a second click says it is verified already', async () => {
		const h = harness();
		const result = await signUp(h.ctx, { email: 'bob@acme.com', name: 'Bob', password: PASSWORD });
		if (!result.ok) throw new Error(result.error.code);
		const token = mailedToken(h, 'bob@acme.com', '/verify');
		expect(
			await verifyEmail(h.ctx, { email: 'bob@acme.com', token: 'nope', actor: null })
		).toMatchObject({
			ok: false,
			error: { code: 'invalid-token' }
		});
		expect(await verifyEmail(h.ctx, { email: 'bob@acme.com', token, actor: null })).toMatchObject({
			ok: true
		});
		expect(account(h, result.value.accountId).verified).toBe(true);
		expect(await verifyEmail(h.ctx, { email: 'bob@acme.com', token, actor: null })).toMatchObject({
			ok: false,
			error: { code: 'already-verified' }
		});
	});

	it('resends a new link; only the newest one works', async () => {
		const h = harness();
		const result = await signUp(h.ctx, { email: 'bob@acme.com', name: 'Bob', password: PASSWORD });
		if (!result.ok) throw new Error(result.error.code);
		const first = mailedToken(h, 'bob@acme.com', '/verify');
		h.advance(1000);
		expect(await resendVerification(h.ctx, result.value.accountId)).toMatchObject({ ok: true });
		const second = mailedToken(h, 'bob@acme.com', '/verify');
		expect(second).not.toBe(first);
		expect(mailbox(h.store.state, 'bob@acme.com')).toHaveLength(2);
		expect(
			await verifyEmail(h.ctx, { email: 'bob@acme.com', token: first, actor: null })
		).toMatchObject({
			ok: false,
			error: { code: 'invalid-token' }
		});
		expect(
			await verifyEmail(h.ctx, { email: 'bob@acme.com', token: second, actor: null })
		).toMatchObject({
			ok: true
		});
	});
});

describe('log in (A2, A12)', () => {
	it('answers the same for a wrong password and an unknown address', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		expect(await logIn(h.ctx, { email: 'alice@acme.com', password: 'wrong password' })).toEqual({
			kind: 'invalid'
		});
		expect(await logIn(h.ctx, { email: 'nobody@acme.com', password: PASSWORD })).toEqual({
			kind: 'invalid'
		});
	});

	it('logs in with the right pair, case-insensitively on the address', async () => {
		const h = harness();
		const id = await verifiedAccount(h, 'alice@acme.com');
		const step = await logIn(h.ctx, { email: ' ALICE@acme.com ', password: PASSWORD });
		expect(step).toMatchObject({ kind: 'logged-in', account: { id }, required: [] });
	});

	it('A12: an unverified account must verify its address before anything else', async () => {
		const h = harness();
		await signUp(h.ctx, { email: 'new@acme.com', name: 'New', password: PASSWORD });
		const step = await logIn(h.ctx, { email: 'new@acme.com', password: PASSWORD });
		expect(step).toMatchObject({ kind: 'logged-in', required: ['verify-email'] });
	});

	it('A12: a policy that requires two-step verification asks to enroll (O4 mechanism)', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const ctx = { ...h.ctx, policy: () => ({ requireTwoStep: true }) };
		const step = await logIn(ctx, { email: 'alice@acme.com', password: PASSWORD });
		expect(step).toMatchObject({ kind: 'logged-in', required: ['enroll-two-step'] });
	});

	it('an invited account has no password yet, so no password logs it in', async () => {
		const h = harness();
		const alice = await verifiedAccount(h, 'alice@acme.com');
		await invitedAccount(h, alice, 'bob@acme.com');
		expect(await logIn(h.ctx, { email: 'bob@acme.com', password: '' })).toEqual({
			kind: 'invalid'
		});
	});
});
