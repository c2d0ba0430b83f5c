// O3/O4/A12 properties: a policy never applies to an account its organization does not manage,
// and the required actions at log in are a function of the account, the policy and the time
// (the same inputs give the same answer; an expired password stays expired as time goes on).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountPolicy, apply, managedBy, passwordRulesFor, requiredActions } from '$lib/core';
import type { Change, State } from '$lib/core';
import { AccountChanges } from './account-factory';
import { A, ChangeFactory, DAY, T0, world } from './factories';
import { O1, O2, OrganizationChanges } from './organization-factory';

const PEOPLE = [A.alice, A.bob, A.carol, A.dave, A.erin, A.gina] as const;
const DOMAINS = ['acme.com', 'other.org', 'mail.acme.com', 'gmail.com'] as const;

type Step =
	| { kind: 'domain'; org: 0 | 1; domain: (typeof DOMAINS)[number]; remove: boolean }
	| {
			kind: 'password';
			org: 0 | 1;
			by: number;
			minStrength: number;
			minLength: number;
			maxAgeDays: number | null;
	  }
	| { kind: 'two-step'; org: 0 | 1; by: number; required: boolean }
	| { kind: 'enroll'; who: number };

const arbStep: fc.Arbitrary<Step> = fc.oneof(
	fc.record({
		kind: fc.constant('domain' as const),
		org: fc.constantFrom(0 as const, 1 as const),
		domain: fc.constantFrom(...DOMAINS),
		remove: fc.boolean()
	}),
	fc.record({
		kind: fc.constant('password' as const),
		org: fc.constantFrom(0 as const, 1 as const),
		by: fc.nat(5),
		minStrength: fc.integer({ min: -1, max: 5 }),
		minLength: fc.integer({ min: 6, max: 70 }),
		maxAgeDays: fc.option(fc.integer({ min: -1, max: 400 }), { nil: null })
	}),
	fc.record({
		kind: fc.constant('two-step' as const),
		org: fc.constantFrom(0 as const, 1 as const),
		by: fc.nat(5),
		required: fc.boolean()
	}),
	fc.record({ kind: fc.constant('enroll' as const), who: fc.nat(5) })
);

/** alice administers O1, dave O2; steps by anyone, refused ones simply do not apply. */
function run(steps: readonly Step[]): State {
	const { f, state: s0 } = world(new ChangeFactory());
	const o = new OrganizationChanges(f);
	const a = new AccountChanges(f);
	let state = s0;
	const tryApply = (c: Change): void => {
		const r = apply(state, c);
		if (r.ok) state = r.value.state;
	};
	tryApply(o.create(A.alice, O1, 'Acme'));
	tryApply(o.create(A.dave, O2, 'Other'));
	for (const s of steps) {
		const org = s.kind === 'enroll' || s.org === 0 ? O1 : O2;
		const admin = org === O1 ? A.alice : A.dave;
		switch (s.kind) {
			case 'domain':
				if (s.remove) tryApply(o.removeDomain(admin, org, s.domain));
				else {
					tryApply(o.addDomain(admin, org, s.domain));
					tryApply(o.verify(admin, org, s.domain));
				}
				break;
			case 'password':
				tryApply(o.passwordPolicy(PEOPLE[s.by] ?? A.bob, org, s));
				break;
			case 'two-step':
				tryApply(o.twoStepPolicy(PEOPLE[s.by] ?? A.bob, org, s.required));
				break;
			case 'enroll': {
				const who = PEOPLE[s.who] ?? A.bob;
				tryApply(a.enableTwoStep(who, who));
				break;
			}
		}
	}
	return state;
}

describe('O3/O4/A12 properties', () => {
	it('O3/O4: a policy never applies to an account its organization does not manage', () => {
		// Guards against a vacuous run: some histories must reach managed accounts with a policy.
		let managedWithPolicy = 0;
		fc.assert(
			fc.property(fc.array(arbStep, { maxLength: 25 }), (steps) => {
				const state = run(steps);
				for (const id of PEOPLE) {
					const org = managedBy(state, id);
					if (org === null) {
						expect(accountPolicy(state, id)).toEqual({});
						expect(passwordRulesFor(state, id)).toBeNull();
					} else {
						const policy = accountPolicy(state, id);
						if (Object.keys(policy).length > 0) managedWithPolicy++;
						expect(policy.requireTwoStep === true).toBe(org.requireTwoStep === true);
						expect(policy.passwordMaxAgeDays ?? null).toBe(org.passwordPolicy?.maxAgeDays ?? null);
					}
				}
			}),
			{ numRuns: 150 }
		);
		expect(managedWithPolicy).toBeGreaterThan(0);
	});

	it('A12: required actions are a function of account, policy and time; expiry only grows with time', () => {
		fc.assert(
			fc.property(
				fc.array(arbStep, { maxLength: 20 }),
				fc.constantFrom(...PEOPLE),
				fc.integer({ min: 0, max: 500 }),
				fc.integer({ min: 0, max: 500 }),
				(steps, id, d1, d2) => {
					const state = run(steps);
					const account = state.accounts.get(id);
					if (account === undefined) return;
					const policy = accountPolicy(state, id);
					const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
					const at = (days: number) => requiredActions(account, policy, T0 + days * DAY);
					expect(at(early)).toEqual(at(early));
					if (at(early).includes('new-password')) expect(at(late)).toContain('new-password');
					// Enrollment is asked exactly when the policy asks and two-step is off.
					const off = account.secrets.twoStep === undefined || account.secrets.twoStep === null;
					expect(at(early).includes('enroll-two-step')).toBe(policy.requireTwoStep === true && off);
				}
			),
			{ numRuns: 150 }
		);
	});
});
