// X3/S6: who may make each account change, enforced in the core (the UI and imported files
// pass the same checks). The holder only, except where a mailed token is the authority.
import { describe, expect, it } from 'vitest';
import { CHANGE_TYPES, accountId, apply } from '$lib/core';
import type { AccountId, Change, State } from '$lib/core';
import { AccountChanges } from './account-factory';
import { A, build, world } from './factories';

type Make = (a: AccountChanges, actor: AccountId | null) => Change;

/** Every one of these is bob's own business; from bob, each is accepted in `ready()`. */
const SELF_ONLY: Record<string, Make> = {
	'account.setPassword change': (a, actor) => a.setPassword(actor, A.bob, 'change'),
	'account.setPassword first': (a, actor) => a.setPassword(actor, A.bob, 'first'),
	'account.updateProfile': (a, actor) => a.profile(actor, A.bob, { name: 'Robert' }),
	'account.requestEmailChange': (a, actor) => a.requestEmail(actor, A.bob, 'rob@other.org', 'e2'),
	'account.confirmEmailChange': (a, actor) => a.confirmEmail(actor, A.bob, 'e1'),
	'account.enableTwoStep': (a, actor) => a.enableTwoStep(actor, A.erin),
	'account.disableTwoStep': (a, actor) => a.disableTwoStep(actor, A.bob),
	'account.useTotpStep': (a, actor) => a.totp(actor, A.bob, 2000),
	'account.useRecoveryCode': (a, actor) => a.recovery(actor, A.bob, 'code-1'),
	'account.delete': (a, actor) => a.delete(actor, A.bob),
	'account.setKeys': (a, actor) => a.setKeys(actor, A.bob),
	// A13: bob has two-step verification on in `ready()`.
	'account.regenerateRecoveryCodes': (a, actor) => a.regenerate(actor, A.bob, ['new-1', 'new-2'])
};

/** The token is the authority: whoever holds the mailed link may use it, logged in or not. */
const BY_TOKEN: Record<string, Make> = {
	'account.verifyEmail': (a, actor) => a.verifyEmail(actor, A.dave, 'v1'),
	'account.resendVerification': (a, actor) => a.resend(actor, A.dave, 'v2'),
	'account.requestReset': (a, actor) => a.requestReset(actor, 'bob@acme.com', 'r2'),
	// X6: bob has two-step verification on, so his reset also spends a recovery code.
	'account.setPassword reset': (a, actor) => a.reset(actor, A.bob, 'r1', { recoveryCode: 'code-1' })
};

/** Bob has two-step on and an email change pending; dave has a verification link pending. */
function ready(): { a: AccountChanges; state: State } {
	const { f, state } = world();
	const a = new AccountChanges(f);
	const next = build(
		[
			a.enableTwoStep(A.bob, A.bob),
			a.requestEmail(A.bob, A.bob, 'bob@other.org', 'e1'),
			a.resend(null, A.dave, 'v1'),
			a.requestReset(null, 'bob@acme.com', 'r1')
		],
		state
	);
	// erin's enrolment stands for "enable": bob has it on already.
	return { a, state: next };
}

const code = (state: State, change: Change): string | null => {
	const result = apply(state, change);
	return result.ok ? null : result.error.code;
};

const actorOf = (name: string): AccountId => (name === 'account.enableTwoStep' ? A.erin : A.bob);

describe('X3: who may act on an account', () => {
	it('X3: every account change type is classified below', () => {
		const listed = new Set(
			[...Object.keys(SELF_ONLY), ...Object.keys(BY_TOKEN)].map((k) => k.split(' ')[0])
		);
		const account = CHANGE_TYPES.filter((t) => t.startsWith('account.') && t !== 'account.create');
		expect([...listed].sort()).toEqual([...account].sort());
	});

	it.each(Object.keys(SELF_ONLY))('X3: %s by the holder is accepted', (name) => {
		const { a, state } = ready();
		const make = SELF_ONLY[name];
		if (make === undefined) throw new Error(name);
		expect(code(state, make(a, actorOf(name)))).toBeNull();
	});

	it.each(Object.keys(SELF_ONLY))(
		'X3: %s by someone else, by nobody or by an unknown actor is refused',
		(name) => {
			const { a, state } = ready();
			const make = SELF_ONLY[name];
			if (make === undefined) throw new Error(name);
			expect(code(state, make(a, A.alice))).toBe('not-allowed');
			expect(code(state, make(a, null))).toBe('not-allowed');
			expect(code(state, make(a, accountId('ghost')))).toBe('unknown-account');
		}
	);

	it.each(Object.keys(BY_TOKEN))('X3: %s is accepted from anyone holding the token', (name) => {
		const { a, state } = ready();
		const make = BY_TOKEN[name];
		if (make === undefined) throw new Error(name);
		expect(code(state, make(a, null))).toBeNull();
		expect(code(state, make(a, A.alice))).toBeNull();
	});
});
