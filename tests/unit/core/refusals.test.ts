// Every refusal code is reachable, stable, and changes nothing (X3: the same checks for the
// UI and for imported files).
import { describe, expect, it } from 'vitest';
import {
	REFUSAL_CODES,
	accountId,
	applyInPlace,
	licenseId,
	organizationId,
	siteId,
	stateFromRecords
} from '$lib/core';
import type { AccountId, Change, RefusalCode, State } from '$lib/core';
import { ACCOUNT_KEY, AccountChanges } from './account-factory';
import { BillingChanges } from './billing-factory';
import { DeskChanges } from './desk-factory';
import { ProductChanges } from './product-factory';
import { A, DAY, L1, L2, S1, T0, build, world } from './factories';
import type { ChangeFactory } from './factories';
import { O1, O2, OrganizationChanges, SsoChanges, providerSignup } from './organization-factory';
import { SUPPORT_SCENARIOS } from './support-scenarios';

const acc = (f: ChangeFactory): AccountChanges => new AccountChanges(f);
const G = accountId('gee');

/** World plus: carol administers S1 with cloud license L2 that only dave is contact of. */
function rich(): { f: ChangeFactory; state: State } {
	const { f, state } = world();
	const next = build(
		[
			f.site(A.carol, S1, 'acme.example.net'),
			f.license(A.carol, L2, { site: S1, sen: 'SEN-0000002' }),
			f.add(A.carol, L2, 'billing', 'dave@other.org'),
			f.add(A.carol, L2, 'technical', 'dave@other.org'),
			f.makePrimary(A.dave, L2, 'billing', A.dave),
			f.makePrimary(A.dave, L2, 'technical', A.dave),
			f.remove(A.dave, L2, 'billing', A.carol),
			f.remove(A.dave, L2, 'technical', A.carol),
			f.add(A.alice, L1, 'billing', 'dave@other.org'),
			f.site(A.bob, siteId('s2'), 'empty.example.net')
		],
		state
	);
	return { f, state: next };
}

function withDeactivatedBob(state: State): State {
	const bob = state.accounts.get(A.bob);
	if (bob === undefined) throw new Error('bob missing');
	const accounts = [...state.accounts.values()].map((a) =>
		a.id === A.bob ? { ...bob, status: 'deactivated' as const } : a
	);
	return stateFromRecords({
		accounts,
		licenses: state.licenses.values(),
		sites: state.sites.values(),
		mail: state.mail.values()
	});
}

/** X6: gives accounts a signing key, as sign up does (the keys are made by the app). */
function withKeys(state: State, ...ids: AccountId[]): State {
	const accounts = [...state.accounts.values()].map((a) =>
		ids.includes(a.id) ? { ...a, signingKeys: [ACCOUNT_KEY] } : a
	);
	return stateFromRecords({
		accounts,
		licenses: state.licenses.values(),
		sites: state.sites.values(),
		mail: state.mail.values()
	});
}

type Scenario = (f: ChangeFactory, state: State) => Change | [State, Change];

const org = (f: ChangeFactory): OrganizationChanges => new OrganizationChanges(f);

/** O1: alice's O1 verified acme.com; dave's O2 has other.org pending. */
function withOrgs(f: ChangeFactory, state: State): State {
	const o = org(f);
	return build(
		[
			o.create(A.alice, O1),
			o.addDomain(A.alice, O1, 'acme.com'),
			o.verify(A.alice, O1, 'acme.com'),
			o.create(A.dave, O2, 'Other'),
			o.addDomain(A.dave, O2, 'other.org')
		],
		state
	);
}

/** An organization scenario: the change made on top of `withOrgs`. */
const inOrgs =
	(make: (o: OrganizationChanges, f: ChangeFactory) => Change): Scenario =>
	(f, state) => {
		const next = withOrgs(f, state);
		return [next, make(org(f), f)];
	};

const SCENARIOS: Record<RefusalCode, Scenario> = {
	'not-a-contact': (f) => f.add(A.erin, L1, 'billing', 'erin@mail.acme.com'),
	'not-allowed': (f) => f.add(A.carol, L2, 'billing', 'carol@gmail.com'),
	'already-in-role': (f) => f.add(A.alice, L1, 'billing', 'dave@other.org'),
	'name-required': (f) => f.add(A.alice, L1, 'billing', 'nobody@acme.com'),
	'invalid-email': (f) => f.add(A.alice, L1, 'billing', 'nobody@'),
	'primary-domain-mismatch': (f) => f.makePrimary(A.alice, L1, 'billing', A.dave),
	'cannot-delete-primary': (f) => f.remove(A.dave, L1, 'billing', A.alice),
	'not-in-role': (f) => f.remove(A.alice, L1, 'technical', A.dave),
	'already-primary': (f) => f.makePrimary(A.alice, L1, 'technical', A.alice),
	'unknown-license': (f) => f.add(A.alice, licenseId('nope'), 'billing', 'bob@acme.com'),
	'unknown-site': (f) => f.makeMeBilling(A.carol, siteId('nope')),
	'unknown-account': (f) => f.add(accountId('ghost'), L1, 'billing', 'bob@acme.com'),
	'unknown-product': (f) => f.license(A.alice, licenseId('new'), { product: 'nope' }),
	'duplicate-sen': (f) => f.license(A.alice, licenseId('new'), { sen: 'SEN-0000002' }),
	'duplicate-id': (f) => f.license(A.alice, L2),
	'email-taken': (f) => f.signup(accountId('z'), 'Bob@Acme.com'),
	'account-inactive': (f, s) => [
		withDeactivatedBob(s),
		f.add(A.alice, L1, 'technical', 'bob@acme.com')
	],
	'site-name-taken': (f) => f.site(A.bob, siteId('s3'), 'ACME.example.net'),
	'not-site-admin': (f) => f.makeMeBilling(A.dave, S1),
	'already-primary-billing': (f, s) => [
		build([f.makeMeBilling(A.carol, S1)], s),
		f.makeMeBilling(A.carol, S1)
	],
	'no-site-licenses': (f) => f.makeMeBilling(A.bob, siteId('s2')),
	'not-technical-contact': (f) => f.support(A.dave, L1),
	// C14: bob is only a technical contact of L1; dave only a secondary billing contact.
	'not-billing-contact': (f, s) => [
		build([f.add(A.alice, L1, 'technical', 'bob@acme.com')], s),
		new BillingChanges(f).renew(A.bob, L1)
	],
	'not-primary-billing': (f) => new BillingChanges(f).details(A.dave, L1),
	'same-account': (f) => f.handover(A.alice, A.dave, 'dave@other.org'),
	'nothing-to-hand-over': (f) => f.handover(A.alice, A.erin, 'bob@acme.com'),
	'invalid-token': (f) => acc(f).verifyEmail(null, A.bob, 'nope'),
	'token-used': (f, s) => [
		build([acc(f).requestReset(null, 'bob@acme.com', 'r'), acc(f).reset(null, A.bob, 'r')], s),
		acc(f).reset(null, A.bob, 'r')
	],
	'token-expired': (f, s) => [
		build([acc(f).requestReset(null, 'bob@acme.com', 'r')], s),
		acc(f).reset(null, A.bob, 'r', { at: T0 + 1000 * DAY })
	],
	'already-verified': (f, s) => [
		build([acc(f).resend(null, A.bob, 'v'), acc(f).verifyEmail(null, A.bob, 'v')], s),
		acc(f).verifyEmail(null, A.bob, 'v')
	],
	'managed-by-idp': (f, s) => [
		build(
			providerSignup(
				f,
				{ id: G, email: 'gee@acme.com', name: 'Gee', source: 'google' },
				{
					admin: A.alice,
					org: O1,
					create: true
				}
			),
			s
		),
		acc(f).setPassword(G, G, 'change')
	],
	'password-already-set': (f, s) => [
		build([acc(f).setPassword(A.bob, A.bob, 'first')], s),
		acc(f).setPassword(A.bob, A.bob, 'first')
	],
	'two-step-already-enabled': (f, s) => [
		build([acc(f).enableTwoStep(A.bob, A.bob)], s),
		acc(f).enableTwoStep(A.bob, A.bob)
	],
	'two-step-not-enabled': (f) => acc(f).disableTwoStep(A.bob, A.bob),
	'code-reused': (f, s) => [
		build([acc(f).enableTwoStep(A.bob, A.bob, { step: 1000 })], s),
		acc(f).totp(A.bob, A.bob, 1000)
	],
	'invalid-recovery-code': (f, s) => [
		build([acc(f).enableTwoStep(A.bob, A.bob)], s),
		acc(f).recovery(A.bob, A.bob, 'nope')
	],
	'primary-contact': (f) => acc(f).delete(A.alice, A.alice),
	'unknown-key': (f) => acc(f).enroll(A.bob, A.bob),
	'device-key-mismatch': (f, s) => {
		const keyed = withKeys(s, A.alice, A.bob);
		return [
			build([acc(f).enroll(A.alice, A.alice)], keyed),
			acc(f).enroll(A.bob, A.bob, { device: 'E'.repeat(43) })
		];
	},
	'signing-key-exists': (f, s) => [
		build([acc(f).setKeys(A.bob, A.bob)], s),
		acc(f).setKeys(A.bob, A.bob, { signingKey: 'N'.repeat(43) })
	],
	'recovery-code-required': (f, s) => [
		build([acc(f).enableTwoStep(A.bob, A.bob), acc(f).requestReset(null, 'bob@acme.com', 'r')], s),
		acc(f).reset(null, A.bob, 'r')
	],
	'unknown-organization': inOrgs((o) => o.addDomain(A.alice, organizationId('org-x'), 'a.com')),
	'not-organization-admin': inOrgs((o) => o.addAdmin(A.bob, O1, A.bob)),
	'already-admin': inOrgs((o) => o.addAdmin(A.alice, O1, A.alice)),
	'not-an-admin': inOrgs((o) => o.removeAdmin(A.alice, O1, A.bob)),
	'last-admin': inOrgs((o) => o.removeAdmin(A.alice, O1, A.alice)),
	'invalid-domain': inOrgs((o) => o.addDomain(A.alice, O1, 'not a domain')),
	'public-domain': inOrgs((o) => o.addDomain(A.alice, O1, 'GMAIL.com')),
	'domain-taken': inOrgs((o) => o.addDomain(A.dave, O2, 'acme.com')),
	'domain-already-added': inOrgs((o) => o.addDomain(A.alice, O1, 'Acme.COM.')),
	'unknown-domain': inOrgs((o) => o.removeDomain(A.alice, O1, 'other.org')),
	'domain-already-verified': inOrgs((o) => o.verify(A.alice, O1, 'acme.com')),
	'not-managed': inOrgs((o) => o.act(A.alice, O1, 'managed.deactivate', A.dave)),
	'managed-account': (f, s) => [withOrgs(f, s), acc(f).delete(A.bob, A.bob)],
	'email-outside-organization': inOrgs((o) => o.changeEmail(A.alice, O1, A.bob, 'bob@other.org')),
	'own-account': inOrgs((o) => o.act(A.alice, O1, 'managed.delete', A.alice)),
	'already-deactivated': (f, s) => [
		build([org(f).act(A.alice, O1, 'managed.deactivate', A.bob)], withOrgs(f, s)),
		org(f).act(A.alice, O1, 'managed.deactivate', A.bob)
	],
	'not-deactivated': inOrgs((o) => o.act(A.alice, O1, 'managed.reactivate', A.bob)),
	'address-not-at-domain': inOrgs((o) => o.mailCheck(A.dave, O2, 'other.org', 'it@acme.com')),
	'no-verification-mail': inOrgs((o) => o.verifyByMail(A.dave, O2, 'other.org')),
	'not-a-verified-domain': inOrgs((_o, f) => new SsoChanges(f).put(A.dave, O2, 'x@other.org', 'X')),
	'not-in-directory': inOrgs((_o, f) => new SsoChanges(f).remove(A.alice, O1, 'x@acme.com')),
	'not-google': inOrgs((_o, f) => new SsoChanges(f).sync(A.alice, O1, ['staff'])),
	// A9: carol administers S1 (rich world).
	'customer-exists': (f, s) => {
		const desk = new DeskChanges(f);
		return [
			build([desk.add(A.carol, S1, 'kim@shop.example')], s),
			desk.add(A.carol, S1, 'KIM@shop.example')
		];
	},
	'unknown-customer': (f) => new DeskChanges(f).rename(A.carol, S1, 'nobody@shop.example', 'N'),
	// A11: carol administers S1 (products: issues).
	'product-required': (f) =>
		new ProductChanges(f).add(A.carol, S1, { email: 'k@x.com', products: [] }),
	'product-user-exists': (f, s) => {
		const p = new ProductChanges(f);
		return [
			build([p.add(A.carol, S1, { email: 'k@x.com' })], s),
			p.add(A.carol, S1, { email: 'K@x.com' })
		];
	},
	'unknown-product-user': (f) => new ProductChanges(f).remove(A.carol, S1, 'nobody'),
	'invalid-site-name': (f) =>
		new ProductChanges(f).add(A.carol, S1, {
			email: 'bot@x.com',
			bot: true,
			usedOn: ['not a host']
		}),
	'nothing-to-upgrade': (f) => new ProductChanges(f).upgrade(A.carol, S1),
	// A14
	'app-password-name-taken': (f, s) => {
		const p = new ProductChanges(f);
		return [build([p.createApp(A.carol, S1, 'CI')], s), p.createApp(A.carol, S1, 'ci')];
	},
	'unknown-app-password': (f) => new ProductChanges(f).revokeApp(A.carol, A.carol, 'nope'),
	'invalid-payload': (f) => f.support(A.alice, L1, ''),
	'unknown-change-type': (f) => Object.assign(f.remind(null), { type: 'account.merge' }),
	...SUPPORT_SCENARIOS
};

describe('refusal codes', () => {
	it('every code in REFUSAL_CODES has a scenario, and the map is frozen', () => {
		expect(Object.keys(SCENARIOS).sort()).toEqual(Object.values(REFUSAL_CODES).sort());
		expect(Object.isFrozen(REFUSAL_CODES)).toBe(true);
	});

	it.each(Object.values(REFUSAL_CODES))(
		'%s: refused with that code, and nothing changes',
		(code) => {
			const { f, state } = rich();
			const made = SCENARIOS[code](f, state);
			const [before, change] = Array.isArray(made) ? made : [state, made];
			const snapshot = structuredClone(before);
			const result = applyInPlace(before, change);
			expect(result.ok ? null : result.error.code).toBe(code);
			expect(before).toEqual(snapshot);
		}
	);

	it('S6/C3: an inactive or missing actor is refused (not-allowed / unknown-account)', () => {
		const { f, state } = rich();
		const deactivated = withDeactivatedBob(state);
		const byBob = applyInPlace(deactivated, f.add(A.bob, L1, 'billing', 'erin@mail.acme.com'));
		expect(byBob.ok ? null : byBob.error.code).toBe('not-allowed');
		const anonymous = applyInPlace(state, f.add(null, L1, 'billing', 'erin@mail.acme.com'));
		expect(anonymous.ok ? null : anonymous.error.code).toBe('not-allowed');
	});
});
