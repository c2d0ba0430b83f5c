// X6 account keys in the core: sign-up, account.setKeys, passwords (A4/A5) and two-step
// verification (A2) carry the account key and its sealed vault; the rules check shapes and
// who may act, never open a vault.
import { describe, expect, it } from 'vitest';
import { accountId, authorityOf } from '$lib/core';
import type { Account, State } from '$lib/core';
import {
	ACCOUNT_KEY,
	AccountChanges,
	NEW_KEY,
	OTHER_PASSWORD,
	OTHER_VAULT,
	RECOVERY,
	TOTP_SECRET,
	VAULT
} from './account-factory';
import { A, accept, build, hashOf, refusal, world } from './factories';

const K = accountId('kim');

/** Kim signed up with a key (X6); the other accounts of the world have none (before X6). */
function keyed() {
	const { f, state } = world();
	const a = new AccountChanges(f);
	return { f, a, state: build([a.signupWithKeys(K, 'kim@acme.com')], state) };
}

function get(state: State, id = K): Account {
	const found = state.accounts.get(id);
	if (found === undefined) throw new Error(`no account ${id}`);
	return found;
}

describe('X6: the account key at sign up', () => {
	it('X6: a password sign-up keeps its public key and its vault', () => {
		const { state } = keyed();
		expect(get(state).signingKeys).toEqual([ACCOUNT_KEY]);
		expect(get(state).secrets.vault).toEqual(VAULT);
	});

	it('X6: a key without a vault, a vault without a password, or keys for an invited account are invalid-payload', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const full = a.signupWithKeys(K, 'kim@acme.com');
		const { vault: _v, ...noVault } = full.payload;
		const { signingKey: _k, ...noKey } = full.payload;
		const { passwordHash: _p, ...noPassword } = full.payload;
		expect(refusal(state, { ...full, payload: noVault })).toEqual({
			code: 'invalid-payload',
			field: 'vault'
		});
		expect(refusal(state, { ...full, payload: noKey })).toEqual({
			code: 'invalid-payload',
			field: 'signingKey'
		});
		expect(refusal(state, { ...full, payload: noPassword })).toEqual({
			code: 'invalid-payload',
			field: 'vault'
		});
		const invite = f.invite(A.alice, K, 'kim@acme.com');
		const invited = {
			...invite,
			payload: { ...invite.payload, signingKey: ACCOUNT_KEY, vault: VAULT }
		};
		expect(refusal(state, invited)).toEqual({ code: 'invalid-payload', field: 'vault' });
	});

	it('X6/X1: a vault with fewer than 600,000 iterations or a malformed one is invalid-payload', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		for (const vault of [
			{ ...VAULT, iterations: 1_000 },
			{ ...VAULT, iterations: 1e12 },
			{ ...VAULT, salt: 'short' },
			{ ...VAULT, iv: 'not base64url!!!' },
			{ ...VAULT, data: 'x'.repeat(5_000) }
		]) {
			expect(refusal(state, a.signupWithKeys(K, 'kim@acme.com', { vault }))).toEqual({
				code: 'invalid-payload',
				field: 'vault'
			});
		}
		expect(
			refusal(state, a.signupWithKeys(K, 'kim@acme.com', { signingKey: 'too-short' }))
		).toEqual({ code: 'invalid-payload', field: 'signingKey' });
	});
});

describe('X6: account.setKeys', () => {
	it('X6: gives an account without a key its first one, by the account itself only', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		expect(refusal(state, a.setKeys(A.alice, A.bob)).code).toBe('not-allowed');
		const next = build([a.setKeys(A.bob, A.bob)], state);
		expect(get(next, A.bob).signingKeys).toEqual([ACCOUNT_KEY]);
		expect(get(next, A.bob).secrets.vault).toEqual(VAULT);
		expect(authorityOf(a.setKeys(A.bob, A.bob))).toEqual({ kind: 'account', accountId: A.bob });
	});

	it('X6: refused while the account has a usable key (signing-key-exists)', () => {
		const { a, state } = keyed();
		expect(refusal(state, a.setKeys(K, K, { signingKey: NEW_KEY })).code).toBe(
			'signing-key-exists'
		);
	});

	it('X6: seals a clear TOTP secret from before X6: the clear one is dropped, the codes kept', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const on = a.enableTwoStep(A.bob, A.bob, { step: 1000 });
		const legacy = build([on], state);
		expect(get(legacy, A.bob).secrets.twoStep?.totpSecret).toBe(TOTP_SECRET);
		const sealed = build([a.setKeys(A.bob, A.bob)], legacy);
		const twoStep = get(sealed, A.bob).secrets.twoStep;
		expect(twoStep).toEqual({
			recoveryCodeHashes: RECOVERY.map(hashOf),
			lastUsedStep: 1000,
			enabledAt: on.at
		});
		expect(JSON.stringify(get(sealed, A.bob))).not.toContain(TOTP_SECRET);
	});

	it('X6/A4: after a reset from before X6 (no vault left) the next key is appended', () => {
		const { a, state } = keyed();
		const reset = build([a.requestReset(null, 'kim@acme.com', 'r'), a.reset(null, K, 'r')], state);
		expect(get(reset).secrets.vault).toBeNull();
		expect(get(reset).signingKeys).toEqual([ACCOUNT_KEY]);
		const next = build([a.setKeys(K, K, { signingKey: NEW_KEY, vault: OTHER_VAULT })], reset);
		expect(get(next).signingKeys).toEqual([ACCOUNT_KEY, NEW_KEY]);
		expect(refusal(reset, a.setKeys(K, K)).code).toBe('invalid-payload');
	});
});

describe('X6: the key follows the password (A4, A5)', () => {
	it('X6/A4: a reset appends a NEW key and its vault; a key the account had is refused', () => {
		const { a, state } = keyed();
		const requested = build([a.requestReset(null, 'kim@acme.com', 'r')], state);
		const keys = { signingKey: NEW_KEY, vault: OTHER_VAULT };
		const next = build([a.reset(null, K, 'r', { keys })], requested);
		expect(get(next).signingKeys).toEqual([ACCOUNT_KEY, NEW_KEY]);
		expect(get(next).secrets.vault).toEqual(OTHER_VAULT);
		const old = { signingKey: ACCOUNT_KEY, vault: OTHER_VAULT };
		expect(refusal(requested, a.reset(null, K, 'r', { keys: old }))).toEqual({
			code: 'invalid-payload',
			field: 'signingKey'
		});
	});

	it('X6/A5: a password change rewraps the current key; any other key is unknown-key', () => {
		const { a, state } = keyed();
		const rewrapped = { signingKey: ACCOUNT_KEY, vault: OTHER_VAULT };
		const next = build([a.setPassword(K, K, 'change', OTHER_PASSWORD, rewrapped)], state);
		expect(get(next).signingKeys).toEqual([ACCOUNT_KEY]);
		expect(get(next).secrets.vault).toEqual(OTHER_VAULT);
		const other = { signingKey: NEW_KEY, vault: OTHER_VAULT };
		expect(refusal(state, a.setPassword(K, K, 'change', OTHER_PASSWORD, other)).code).toBe(
			'unknown-key'
		);
		expect(
			refusal(state, {
				...a.setPassword(K, K, 'change'),
				payload: { ...a.setPassword(K, K, 'change').payload, vault: VAULT }
			})
		).toEqual({
			code: 'invalid-payload',
			field: 'signingKey'
		});
	});

	it('X6/A4: the first password of an invited account brings its first key', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const invited = build([f.invite(A.alice, K, 'kim@acme.com')], state);
		const keys = { signingKey: NEW_KEY, vault: VAULT };
		const next = build([a.setPassword(K, K, 'first', OTHER_PASSWORD, keys)], invited);
		expect(get(next).signingKeys).toEqual([NEW_KEY]);
		expect(get(next).secrets.vault).toEqual(VAULT);
	});

	it('X6/A5: a password change from before X6 (no vault) leaves no stale vault behind', () => {
		const { a, state } = keyed();
		const next = build([a.setPassword(K, K, 'change')], state);
		expect(get(next).secrets.vault).toBeNull();
		expect(get(next).signingKeys).toEqual([ACCOUNT_KEY]);
	});
});

describe('X6/A4/A2: a reset with two-step verification on', () => {
	function twoStepOn() {
		const { a, state } = keyed();
		const on = build(
			[a.enableTwoStep(K, K, { vault: OTHER_VAULT }), a.requestReset(null, 'kim@acme.com', 'r')],
			state
		);
		return { a, state: on, keys: { signingKey: NEW_KEY, vault: VAULT } };
	}

	it('X6/A4: without a recovery code it is refused (recovery-code-required)', () => {
		const { a, state, keys } = twoStepOn();
		expect(refusal(state, a.reset(null, K, 'r', { keys })).code).toBe('recovery-code-required');
	});

	it('X6/A2: a code that is not one of the account’s is invalid-recovery-code', () => {
		const { a, state, keys } = twoStepOn();
		const wrong = a.reset(null, K, 'r', { keys, recoveryCode: 'nope' });
		expect(refusal(state, wrong).code).toBe('invalid-recovery-code');
	});

	it('X6/A4/A2: a recovery code resets, turns two-step off and mails the account', () => {
		const { a, state, keys } = twoStepOn();
		const { state: next, mail } = accept(
			state,
			a.reset(null, K, 'r', { keys, recoveryCode: RECOVERY[1] })
		);
		expect(get(next).secrets.twoStep).toBeNull();
		expect(get(next).signingKeys).toEqual([ACCOUNT_KEY, NEW_KEY]);
		expect(mail.map((m) => [m.kind, m.toKey])).toEqual([['two-step-off', 'kim@acme.com']]);
		expect(mail[0]?.body).toContain('Turn it on again');
	});

	it('X6/A4: a recovery code on a change that is not a reset is invalid-payload', () => {
		const { a, state } = keyed();
		const change = a.setPassword(K, K, 'change');
		const withCode = { ...change, payload: { ...change.payload, recoveryCodeHash: 'h' } };
		expect(refusal(state, withCode)).toEqual({
			code: 'invalid-payload',
			field: 'recoveryCodeHash'
		});
	});
});

describe('X6/A2: the TOTP secret sealed in the vault', () => {
	it('X6/A2: enabling with a resealed vault keeps no clear secret', () => {
		const { a, state } = keyed();
		const on = a.enableTwoStep(K, K, { vault: OTHER_VAULT, step: 7 });
		const next = build([on], state);
		expect(get(next).secrets.twoStep).toEqual({
			recoveryCodeHashes: RECOVERY.map(hashOf),
			lastUsedStep: 7,
			enabledAt: on.at
		});
		expect(get(next).secrets.vault).toEqual(OTHER_VAULT);
	});

	it('X6/A2: both a clear secret and a vault, or a vault for an account without a key, are invalid-payload', () => {
		const { a, state } = keyed();
		const both = a.enableTwoStep(K, K, { vault: OTHER_VAULT });
		const withSecret = { ...both, payload: { ...both.payload, totpSecret: TOTP_SECRET } };
		expect(refusal(state, withSecret)).toEqual({ code: 'invalid-payload', field: 'totpSecret' });
		expect(refusal(state, a.enableTwoStep(A.bob, A.bob, { vault: VAULT }))).toEqual({
			code: 'invalid-payload',
			field: 'vault'
		});
		const bad = a.enableTwoStep(K, K, { vault: { ...VAULT, iterations: 10 } });
		expect(refusal(state, bad)).toEqual({ code: 'invalid-payload', field: 'vault' });
	});

	it('X6/A2: a clear secret from before X6 still turns two-step on', () => {
		const { a, state } = keyed();
		const next = build([a.enableTwoStep(K, K)], state);
		expect(get(next).secrets.twoStep?.totpSecret).toBe(TOTP_SECRET);
	});
});
