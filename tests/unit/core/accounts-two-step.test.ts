// A2/A5 (two-step verification on and off, recovery codes), A7 (not for identity-provider
// accounts) and X2 ("a TOTP code is accepted once", recorded as a change every device sees).
import { describe, expect, it } from 'vitest';
import { accountId } from '$lib/core';
import { AccountChanges, RECOVERY, TOTP_SECRET } from './account-factory';
import { A, accept, build, hashOf, refusal, world } from './factories';
import { O1, providerSignup } from './organization-factory';

function enabled() {
	const { f, state } = world();
	const a = new AccountChanges(f);
	const on = a.enableTwoStep(A.bob, A.bob, { step: 1000 });
	return { f, a, on, state: build([on], state) };
}

describe('A5: two-step verification on and off', () => {
	it('A5: enabling keeps the secret, the recovery-code hashes and the enrolment step', () => {
		const { on, state } = enabled();
		expect(state.accounts.get(A.bob)?.secrets.twoStep).toEqual({
			totpSecret: TOTP_SECRET,
			recoveryCodeHashes: RECOVERY.map(hashOf),
			lastUsedStep: 1000,
			enabledAt: on.at
		});
	});

	it('A5: enabling twice is two-step-already-enabled; disabling when off is two-step-not-enabled', () => {
		const { a, state } = enabled();
		expect(refusal(state, a.enableTwoStep(A.bob, A.bob)).code).toBe('two-step-already-enabled');
		const off = build([a.disableTwoStep(A.bob, A.bob)], state);
		expect(off.accounts.get(A.bob)?.secrets.twoStep).toBeNull();
		expect(refusal(off, a.disableTwoStep(A.bob, A.bob)).code).toBe('two-step-not-enabled');
		accept(off, a.enableTwoStep(A.bob, A.bob));
	});

	it('A5: a malformed secret, code list or step is invalid-payload', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const field = (c: Parameters<typeof a.enableTwoStep>[2]) =>
			refusal(state, a.enableTwoStep(A.bob, A.bob, c));
		expect(field({ secret: 'not base32!' })).toEqual({
			code: 'invalid-payload',
			field: 'totpSecret'
		});
		expect(field({ codes: [] })).toEqual({ code: 'invalid-payload', field: 'recoveryCodeHashes' });
		expect(field({ codes: ['same', 'same'] })).toEqual({
			code: 'invalid-payload',
			field: 'recoveryCodeHashes'
		});
		expect(field({ step: -1 })).toEqual({ code: 'invalid-payload', field: 'verifiedStep' });
	});

	it('A7: an identity-provider account cannot enable it here (managed-by-idp)', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const g = accountId('gee');
		const gee = { id: g, email: 'gee@acme.com', name: 'Gee', source: 'google' } as const;
		const next = build(providerSignup(f, gee, { admin: A.alice, org: O1, create: true }), state);
		expect(refusal(next, a.enableTwoStep(g, g)).code).toBe('managed-by-idp');
	});
});

describe('X2: a code is accepted once', () => {
	it('X2: a TOTP step is recorded; the same or an earlier step is code-reused', () => {
		const { a, state } = enabled();
		const next = build([a.totp(A.bob, A.bob, 1001)], state);
		expect(next.accounts.get(A.bob)?.secrets.twoStep?.lastUsedStep).toBe(1001);
		expect(refusal(next, a.totp(A.bob, A.bob, 1001)).code).toBe('code-reused');
		expect(refusal(next, a.totp(A.bob, A.bob, 1000)).code).toBe('code-reused');
		accept(next, a.totp(A.bob, A.bob, 1002));
	});

	it('X2: the code that proved the enrolment cannot log in afterwards', () => {
		const { a, state } = enabled();
		expect(refusal(state, a.totp(A.bob, A.bob, 1000)).code).toBe('code-reused');
	});

	it('X2: without two-step verification there is no code to use (two-step-not-enabled)', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		expect(refusal(state, a.totp(A.bob, A.bob, 5)).code).toBe('two-step-not-enabled');
		expect(refusal(state, a.recovery(A.bob, A.bob, 'code-1')).code).toBe('two-step-not-enabled');
	});

	it('A2/X2: a recovery code works once and is removed; an unknown one is invalid-recovery-code', () => {
		const { a, state } = enabled();
		const { state: next } = accept(state, a.recovery(A.bob, A.bob, 'code-2'));
		expect(next.accounts.get(A.bob)?.secrets.twoStep?.recoveryCodeHashes).toEqual([
			hashOf('code-1'),
			hashOf('code-3')
		]);
		expect(refusal(next, a.recovery(A.bob, A.bob, 'code-2')).code).toBe('invalid-recovery-code');
		expect(refusal(next, a.recovery(A.bob, A.bob, 'nope')).code).toBe('invalid-recovery-code');
	});

	it('X2: a step that is not a whole non-negative number is invalid-payload', () => {
		const { a, state } = enabled();
		expect(refusal(state, a.totp(A.bob, A.bob, 1.5))).toEqual({
			code: 'invalid-payload',
			field: 'step'
		});
	});
});
