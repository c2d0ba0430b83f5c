// X6: device enrollment in the core, and the authority table the sync reader checks.
import { describe, expect, it } from 'vitest';
import { applyInPlace, authorityOf, deviceKeyIn, isEnrolled, stateFromRecords } from '$lib/core';
import type { AccountId, State } from '$lib/core';
import { ACCOUNT_KEY, AccountChanges, DEVICE_KEY } from './account-factory';
import { A, L1, world } from './factories';

function withKeys(state: State, ...ids: AccountId[]): State {
	return stateFromRecords({
		accounts: [...state.accounts.values()].map((a) =>
			ids.includes(a.id) ? { ...a, signingKeys: ['K'.repeat(43), ACCOUNT_KEY] } : a
		),
		licenses: state.licenses.values(),
		sites: state.sites.values(),
		mail: state.mail.values()
	});
}

describe('X6 device.enroll', () => {
	it('X6: enrolls the device for the account with a key the account has had', () => {
		const { f, state } = world();
		const keyed = withKeys(state, A.bob);
		const change = new AccountChanges(f).enroll(A.bob, A.bob);
		const result = applyInPlace(keyed, change);
		expect(result.ok).toBe(true);
		const bob = keyed.accounts.get(A.bob);
		expect(bob && isEnrolled(bob, change.device)).toBe(true);
		expect(bob?.devices).toEqual([{ device: change.device, publicKey: DEVICE_KEY, at: change.at }]);
		expect(deviceKeyIn(keyed.accounts.values(), change.device)).toBe(DEVICE_KEY);
	});

	it('X6: only the account itself enrolls a device for it', () => {
		const { f, state } = world();
		const keyed = withKeys(state, A.bob, A.alice);
		const result = applyInPlace(keyed, new AccountChanges(f).enroll(A.alice, A.bob));
		expect(result.ok ? null : result.error.code).toBe('not-allowed');
	});

	it('X6: a key the account never had is refused (unknown-key)', () => {
		const { f, state } = world();
		const keyed = withKeys(state, A.bob);
		const c = new AccountChanges(f).enroll(A.bob, A.bob, { account: 'Z'.repeat(43) });
		const result = applyInPlace(keyed, c);
		expect(result.ok ? null : result.error.code).toBe('unknown-key');
	});

	it('X6: enrolling twice changes nothing the second time', () => {
		const { f, state } = world();
		const keyed = withKeys(state, A.bob);
		const acc = new AccountChanges(f);
		expect(applyInPlace(keyed, acc.enroll(A.bob, A.bob)).ok).toBe(true);
		const again = applyInPlace(keyed, acc.enroll(A.bob, A.bob));
		expect(again.ok && again.value.effects).toEqual([]);
		expect(keyed.accounts.get(A.bob)?.devices).toHaveLength(1);
	});

	it('X6: a malformed device key or signature is refused as an invalid payload', () => {
		const { f, state } = world();
		const keyed = withKeys(state, A.bob);
		const c = new AccountChanges(f).enroll(A.bob, A.bob, { device: 'short' });
		const result = applyInPlace(keyed, c);
		expect(result.ok ? null : result.error).toEqual({
			code: 'invalid-payload',
			field: 'devicePublicKey'
		});
	});
});

describe('X6 authority table', () => {
	it('X6: sign up and mailed-link steps need no enrolled device; acting as someone does', () => {
		const { f } = world();
		const acc = new AccountChanges(f);
		expect(authorityOf(f.signup(A.erin, 'erin@mail.acme.com'))).toEqual({ kind: 'anyone' });
		expect(authorityOf(f.add(A.alice, L1, 'billing', 'x@acme.com'))).toEqual({ kind: 'actor' });
		expect(authorityOf(acc.requestReset(null, 'bob@acme.com', 't'))).toEqual({ kind: 'anyone' });
		expect(authorityOf(acc.reset(null, A.bob, 't'))).toEqual({
			kind: 'account',
			accountId: A.bob
		});
		expect(authorityOf(acc.setPassword(A.bob, A.bob, 'change'))).toEqual({ kind: 'actor' });
		expect(authorityOf(acc.enroll(A.bob, A.bob))).toEqual({
			kind: 'enrollment',
			accountId: A.bob
		});
	});
});
