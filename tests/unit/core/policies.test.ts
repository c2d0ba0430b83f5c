// O3 password policy, O4 enforced two-step verification, A12 required actions fed by them, and
// A13's security notices and regenerated recovery codes, as pure core changes. Every refusal
// of the policy rules is here.
import { describe, expect, it } from 'vitest';
import {
	accountId,
	accountPolicy,
	passwordPolicyProblem,
	passwordRulesFor,
	passwordRulesForEmail,
	requiredActions,
	stateFromRecords
} from '$lib/core';
import type { Mail, Organization, State } from '$lib/core';
import { AccountChanges, RECOVERY } from './account-factory';
import type { ChangeFactory } from './factories';
import { A, DAY, accept, build, refusal, world } from './factories';
import { O1, O2, OrganizationChanges } from './organization-factory';

/** alice's O1 verified acme.com: alice, bob and erin's acme.com is managed; carol and dave not. */
function acme(): { f: ChangeFactory; o: OrganizationChanges; a: AccountChanges; state: State } {
	const { f, state } = world();
	const o = new OrganizationChanges(f);
	const next = build(
		[
			o.create(A.alice, O1, 'Acme'),
			o.addDomain(A.alice, O1, 'acme.com'),
			o.verify(A.alice, O1, 'acme.com')
		],
		state
	);
	return { f, o, a: new AccountChanges(f), state: next };
}

const subjects = (mail: readonly Mail[]): string[] => mail.map((m) => m.subject);

describe('O3: password policy', () => {
	it('O3: an admin sets the policy; it applies to the accounts the organization manages', () => {
		const { o, state } = acme();
		const next = accept(
			state,
			o.passwordPolicy(A.alice, O1, { minStrength: 3, minLength: 12, maxAgeDays: 90 })
		).state;
		expect(next.organizations.get(O1)?.passwordPolicy).toEqual({
			minStrength: 3,
			minLength: 12,
			maxAgeDays: 90
		});
		expect(passwordRulesFor(next, A.bob)).toEqual({
			minStrength: 3,
			minLength: 12,
			maxAgeDays: 90,
			organization: 'Acme'
		});
		expect(passwordRulesForEmail(next, '  New.Person@ACME.com ')?.organization).toBe('Acme');
		// Unmanaged: a public domain, another domain, a subdomain (C5).
		expect(passwordRulesFor(next, A.carol)).toBeNull();
		expect(passwordRulesFor(next, A.dave)).toBeNull();
		expect(passwordRulesFor(next, A.erin)).toBeNull();
		expect(passwordRulesForEmail(next, 'someone@gmail.com')).toBeNull();
		expect(passwordRulesForEmail(next, 'not an address')).toBeNull();
	});

	it('O3: only an admin of that organization sets it (refused for others, nobody, unknown)', () => {
		const { o, state } = acme();
		expect(refusal(state, o.passwordPolicy(A.bob, O1)).code).toBe('not-organization-admin');
		expect(refusal(state, o.passwordPolicy(null, O1)).code).toBe('not-allowed');
		expect(refusal(state, o.passwordPolicy(accountId('ghost'), O1)).code).toBe('unknown-account');
		expect(refusal(state, o.passwordPolicy(A.alice, O2)).code).toBe('unknown-organization');
		const other = accept(state, o.create(A.dave, O2, 'Other')).state;
		expect(refusal(other, o.passwordPolicy(A.dave, O1)).code).toBe('not-organization-admin');
	});

	it('O3: strength 0–4, length 8–64 and expiry 0–3650 days or never; anything else is refused', () => {
		const { o, state } = acme();
		const bad = [
			[{ minStrength: -1 }, 'minStrength'],
			[{ minStrength: 5 }, 'minStrength'],
			[{ minStrength: 2.5 }, 'minStrength'],
			[{ minLength: 7 }, 'minLength'],
			[{ minLength: 65 }, 'minLength'],
			[{ maxAgeDays: -1 }, 'maxAgeDays'],
			[{ maxAgeDays: 3651 }, 'maxAgeDays'],
			[{ maxAgeDays: 1.5 }, 'maxAgeDays']
		] as const;
		for (const [policy, field] of bad) {
			expect(refusal(state, o.passwordPolicy(A.alice, O1, policy))).toEqual({
				code: 'invalid-payload',
				field
			});
		}
		for (const policy of [
			{ minStrength: 0, minLength: 8, maxAgeDays: 0 },
			{ minStrength: 4, minLength: 64, maxAgeDays: 3650 },
			{ minStrength: 2, minLength: 10, maxAgeDays: null }
		]) {
			accept(state, o.passwordPolicy(A.alice, O1, policy));
		}
	});

	it('O3: the typed password is judged by its length, then its strength, with the organization', () => {
		const rules = { minStrength: 3, minLength: 12, maxAgeDays: null, organization: 'Acme' };
		expect(passwordPolicyProblem(rules, { length: 11, score: 4 })).toEqual({
			code: 'password-too-short',
			minLength: 12,
			organization: 'Acme'
		});
		expect(passwordPolicyProblem(rules, { length: 12, score: 2 })).toEqual({
			code: 'password-too-weak',
			minStrength: 3,
			organization: 'Acme'
		});
		expect(passwordPolicyProblem(rules, { length: 12, score: 3 })).toBeNull();
		expect(passwordPolicyProblem(null, { length: 1, score: 0 })).toBeNull();
	});

	it('O3: an organization record from before O3 (no policy fields) reads as no policy', () => {
		const { state } = acme();
		const org = state.organizations.get(O1);
		if (org === undefined) throw new Error('no org');
		const { passwordPolicy: _p, requireTwoStep: _t, ...old } = org;
		const organizations: Organization[] = [old];
		const read = stateFromRecords({
			accounts: [...state.accounts.values()],
			licenses: [],
			sites: [],
			mail: [],
			organizations
		});
		expect(passwordRulesFor(read, A.bob)).toBeNull();
		expect(accountPolicy(read, A.bob)).toEqual({});
	});

	it('O3/A12: with an expiry, a managed password older than that must be replaced at log in', () => {
		const { o, a, state } = acme();
		const next = build([o.passwordPolicy(A.alice, O1, { maxAgeDays: 30 })], state);
		const bob = next.accounts.get(A.bob);
		if (bob === undefined) throw new Error('no bob');
		const policy = accountPolicy(next, A.bob);
		expect(policy).toEqual({ passwordMaxAgeDays: 30 });
		const setAt = bob.secrets.passwordChangedAt ?? bob.createdAt;
		expect(requiredActions(bob, policy, setAt + 30 * DAY - 1)).not.toContain('new-password');
		expect(requiredActions(bob, policy, setAt + 30 * DAY)).toContain('new-password');
		// Expiry 0 days: the next log in asks at once.
		const now = build([o.passwordPolicy(A.alice, O1, { maxAgeDays: 0 })], next);
		expect(requiredActions(bob, accountPolicy(now, A.bob), setAt)).toContain('new-password');
		// A new password starts the count again.
		const changed = build([a.setPassword(A.bob, A.bob, 'change')], now);
		const bob2 = changed.accounts.get(A.bob);
		expect(bob2?.secrets.passwordChangedAt).toBeGreaterThan(setAt);
		// Never (null): nothing asked, however old.
		const never = build([o.passwordPolicy(A.alice, O1, { maxAgeDays: null })], next);
		expect(accountPolicy(never, A.bob)).toEqual({});
	});
});

describe('O4: enforced two-step verification', () => {
	it('O4: an admin requires it; a managed account without it must enroll at log in', () => {
		const { o, state } = acme();
		const next = accept(state, o.twoStepPolicy(A.alice, O1, true)).state;
		expect(next.organizations.get(O1)?.requireTwoStep).toBe(true);
		expect(accountPolicy(next, A.bob)).toEqual({ requireTwoStep: true });
		const bob = next.accounts.get(A.bob);
		if (bob === undefined) throw new Error('no bob');
		expect(requiredActions(bob, accountPolicy(next, A.bob), 0)).toContain('enroll-two-step');
		// Unmanaged accounts are not asked.
		expect(accountPolicy(next, A.carol)).toEqual({});
		// Turned off again: nothing asked.
		const off = accept(next, o.twoStepPolicy(A.alice, O1, false)).state;
		expect(accountPolicy(off, A.bob)).toEqual({});
	});

	it('O4: an account with two-step verification on is not asked', () => {
		const { o, a, state } = acme();
		const next = build([o.twoStepPolicy(A.alice, O1, true), a.enableTwoStep(A.bob, A.bob)], state);
		const bob = next.accounts.get(A.bob);
		if (bob === undefined) throw new Error('no bob');
		expect(requiredActions(bob, accountPolicy(next, A.bob), 0)).not.toContain('enroll-two-step');
	});

	it('O4: only an admin of that organization sets it; a non-boolean is refused', () => {
		const { o, state } = acme();
		expect(refusal(state, o.twoStepPolicy(A.bob, O1, true)).code).toBe('not-organization-admin');
		expect(refusal(state, o.twoStepPolicy(null, O1, true)).code).toBe('not-allowed');
		expect(refusal(state, o.twoStepPolicy(A.alice, O2, true)).code).toBe('unknown-organization');
		// A hand-made file could carry anything there.
		const odd = o.twoStepPolicy(A.alice, O1, true);
		Reflect.set(odd.payload, 'required', 'yes');
		expect(refusal(state, odd)).toEqual({ code: 'invalid-payload', field: 'required' });
	});

	it('O2/O4: removing the domain ends the policy for its accounts', () => {
		const { o, state } = acme();
		const next = build(
			[o.twoStepPolicy(A.alice, O1, true), o.removeDomain(A.alice, O1, 'acme.com')],
			state
		);
		expect(accountPolicy(next, A.bob)).toEqual({});
	});
});

describe('A13: security notices and recovery codes', () => {
	it('A13: changing or resetting the password mails the holder; the first password does not', () => {
		const { a, state } = acme();
		const first = accept(state, a.setPassword(A.bob, A.bob, 'first'));
		expect(first.mail).toEqual([]);
		const changed = accept(first.state, a.setPassword(A.bob, A.bob, 'change'));
		expect(subjects(changed.mail)).toEqual(['Your password was changed']);
		expect(changed.mail[0]?.toKey).toBe('bob@acme.com');
		const reset = accept(
			build([a.requestReset(null, 'bob@acme.com', 'r1')], changed.state),
			a.reset(null, A.bob, 'r1')
		);
		expect(subjects(reset.mail)).toEqual(['Your password was changed']);
	});

	it('A13: two-step verification on and off mail the holder', () => {
		// Carol is not managed: the holder of a managed account may not turn it off (A6).
		const { a, state } = acme();
		const on = accept(state, a.enableTwoStep(A.carol, A.carol));
		expect(subjects(on.mail)).toEqual(['Two-step verification is on']);
		const off = accept(on.state, a.disableTwoStep(A.carol, A.carol));
		expect(subjects(off.mail)).toEqual(['Two-step verification is off']);
	});

	it('A13: using a recovery code mails the holder with how many are left', () => {
		const { a, state } = acme();
		const on = build([a.enableTwoStep(A.bob, A.bob)], state);
		const used = accept(on, a.recovery(A.bob, A.bob, RECOVERY[0] ?? ''));
		expect(subjects(used.mail)).toEqual(['A recovery code was used']);
		expect(used.mail[0]?.body).toContain(`${RECOVERY.length - 1} unused codes left`);
	});

	it('A13: regenerated recovery codes replace the old ones, which stop working; the holder is mailed', () => {
		const { a, state } = acme();
		const on = build([a.enableTwoStep(A.bob, A.bob)], state);
		const regenerated = accept(on, a.regenerate(A.bob, A.bob, ['new-1', 'new-2', 'new-3']));
		expect(subjects(regenerated.mail)).toEqual(['You have new recovery codes']);
		const twoStep = regenerated.state.accounts.get(A.bob)?.secrets.twoStep;
		expect(twoStep?.recoveryCodeHashes).toHaveLength(3);
		expect(refusal(regenerated.state, a.recovery(A.bob, A.bob, RECOVERY[0] ?? '')).code).toBe(
			'invalid-recovery-code'
		);
		accept(regenerated.state, a.recovery(A.bob, A.bob, 'new-2'));
		// Two-step verification itself is untouched: the secret and the used step stay.
		expect(twoStep?.lastUsedStep).toBe(on.accounts.get(A.bob)?.secrets.twoStep?.lastUsedStep);
	});

	it('A13: regenerating is refused for someone else, without two-step, or with bad hashes', () => {
		const { a, state } = acme();
		const on = build([a.enableTwoStep(A.bob, A.bob)], state);
		expect(refusal(on, a.regenerate(A.alice, A.bob, ['x'])).code).toBe('not-allowed');
		expect(refusal(on, a.regenerate(null, A.bob, ['x'])).code).toBe('not-allowed');
		expect(refusal(state, a.regenerate(A.bob, A.bob, ['x'])).code).toBe('two-step-not-enabled');
		expect(refusal(on, a.regenerate(A.bob, A.bob, []))).toEqual({
			code: 'invalid-payload',
			field: 'recoveryCodeHashes'
		});
		expect(refusal(on, a.regenerate(A.bob, A.bob, ['same', 'same'])).code).toBe('invalid-payload');
	});

	it('A13: an email change mails the old address (A5) once confirmed', () => {
		const { a, state } = acme();
		// Carol is not managed: only an admin changes a managed account's email (A6).
		const asked = build([a.requestEmail(A.carol, A.carol, 'carol@other.org', 'e1')], state);
		const done = accept(asked, a.confirmEmail(A.carol, A.carol, 'e1'));
		expect(done.mail.map((m) => [m.toKey, m.subject])).toContainEqual([
			'carol@gmail.com',
			'Your account has a new email address'
		]);
	});
});
