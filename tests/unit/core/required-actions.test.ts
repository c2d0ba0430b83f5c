// A12: what an account must do at login before anything else, under an (organization's)
// policy: verify the address, replace an expired password, enroll in two-step verification.
import { describe, expect, it } from 'vitest';
import { accountId, requiredActions } from '$lib/core';
import type { Account, State } from '$lib/core';
import { AccountChanges } from './account-factory';
import { A, DAY, build, world } from './factories';
import { O1, providerSignup } from './organization-factory';

function bob(state: State): Account {
	const account = state.accounts.get(A.bob);
	if (account === undefined) throw new Error('bob missing');
	return account;
}

describe('A12: required actions at login', () => {
	it('A12: an unverified account must verify its email; with no policy that is all', () => {
		const { state } = world();
		expect(requiredActions(bob(state), undefined, 0)).toEqual(['verify-email']);
		expect(requiredActions(bob(state), {}, Number.MAX_SAFE_INTEGER)).toEqual(['verify-email']);
	});

	it('A12: a password older than the policy allows must be replaced, counted from when it was set', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const change = a.setPassword(A.bob, A.bob, 'change');
		const next = build([change], state);
		const policy = { passwordMaxAgeDays: 90 };
		const expiry = change.at + 90 * DAY;
		expect(requiredActions(bob(next), policy, expiry - 1)).toEqual(['verify-email']);
		expect(requiredActions(bob(next), policy, expiry)).toEqual(['verify-email', 'new-password']);
		const created = bob(state).createdAt;
		expect(requiredActions(bob(state), policy, created + 90 * DAY)).toContain('new-password');
	});

	it('A12: a policy that requires two-step verification asks for enrolment until it is on', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const policy = { requireTwoStep: true };
		expect(requiredActions(bob(state), policy, 0)).toEqual(['verify-email', 'enroll-two-step']);
		const on = build([a.enableTwoStep(A.bob, A.bob)], state);
		expect(requiredActions(bob(on), policy, 0)).toEqual(['verify-email']);
	});

	it('A12/A7: an identity-provider account is asked for neither password nor enrolment', () => {
		const { f, state } = world();
		const gee = {
			id: accountId('gee'),
			email: 'gee@idp.org',
			name: 'Gee',
			source: 'google'
		} as const;
		const steps = providerSignup(f, gee, { admin: A.alice, org: O1, create: true });
		const account = build(steps, state).accounts.get(gee.id);
		if (account === undefined) throw new Error('expected the provider account');
		const policy = { requireTwoStep: true, passwordMaxAgeDays: 0 };
		expect(requiredActions(account, policy, account.createdAt + 365 * DAY)).toEqual([]);
	});

	it('A12: a verified account within its policy has nothing to do; a deleted one neither', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const next = build(
			[a.requestReset(null, 'bob@acme.com', 'r'), a.reset(null, A.bob, 'r')],
			state
		);
		expect(requiredActions(bob(next), { passwordMaxAgeDays: 30 }, bob(next).createdAt)).toEqual([]);
		const gone = build([a.delete(A.bob, A.bob)], state);
		expect(requiredActions(bob(gone), { requireTwoStep: true }, 0)).toEqual([]);
	});
});
