// Random organization steps (O1, O2) mixed into the random histories of arbitraries.ts: an
// actor that is mostly an admin of the organization in play, domains from a pool with the
// account pool's domains, a public one, a bad one and spellings C5 normalises, and tokens that
// mostly match.
import fc from 'fast-check';
import { accountId, applyInPlace, emptyState, organizationId } from '$lib/core';
import type { AccountId, Change, OrganizationId, State } from '$lib/core';
import { POOL_ACCOUNTS, arbStep, make, setup } from './arbitraries';
import type { Step } from './arbitraries';
import { A, ChangeFactory } from './factories';
import { arbManagedStep, managedChange } from './managed-steps';
import type { ManagedStep } from './managed-steps';
import { OrganizationChanges, SsoChanges, domainToken } from './organization-factory';

export const POOL_ORGS: readonly OrganizationId[] = ['org-1', 'org-2', 'org-3'].map(organizationId);
export const POOL_DOMAINS = [
	'acme.com',
	'ACME.com.',
	'other.org',
	'mail.acme.com',
	'gmail.com',
	'no domain'
] as const;

export interface OrgStep {
	readonly kind: 'org';
	readonly action:
		| 'create'
		| 'addAdmin'
		| 'removeAdmin'
		| 'addDomain'
		| 'verify'
		| 'removeDomain'
		// O5: the sign-in provider, a directory person (a push under None), a Google sync.
		| 'signIn'
		| 'put'
		| 'sync';
	readonly org: OrganizationId;
	/** Mostly an admin of the organization (pick among them), sometimes anyone. */
	readonly actor:
		| { readonly admin: true; readonly pick: number }
		| { readonly admin: false; readonly id: AccountId };
	readonly target: AccountId;
	readonly domain: string;
	readonly rightToken: boolean;
}

const arbOrgStep: fc.Arbitrary<OrgStep> = fc.record({
	kind: fc.constant('org' as const),
	action: fc.constantFrom(
		'create',
		'addAdmin',
		'removeAdmin',
		'addDomain',
		'verify',
		'verify',
		'removeDomain',
		'signIn',
		'put',
		'put',
		'sync'
	),
	org: fc.constantFrom(...POOL_ORGS),
	actor: fc.oneof(
		{ weight: 5, arbitrary: fc.record({ admin: fc.constant(true as const), pick: fc.nat(5) }) },
		{
			weight: 1,
			arbitrary: fc.record({
				admin: fc.constant(false as const),
				id: fc.constantFrom(...POOL_ACCOUNTS, accountId('ghost'))
			})
		}
	),
	target: fc.constantFrom(...POOL_ACCOUNTS),
	domain: fc.constantFrom(...POOL_DOMAINS),
	rightToken: fc.oneof(
		{ weight: 5, arbitrary: fc.constant(true) },
		{ weight: 1, arbitrary: fc.constant(false) }
	)
});

function orgChange(f: ChangeFactory, state: State, step: OrgStep): Change {
	const o = new OrganizationChanges(f);
	const s = new SsoChanges(f);
	const admins = state.organizations.get(step.org)?.admins ?? [];
	const actor = step.actor.admin
		? (admins[step.actor.pick % Math.max(admins.length, 1)] ?? step.target)
		: step.actor.id;
	// One token per organization and normalised domain, so differently spelt names still match.
	const key = step.domain.toLowerCase().replace(/\.$/, '');
	const token = step.rightToken ? domainToken(step.org, key) : 'wrong';
	switch (step.action) {
		case 'create':
			return o.create(actor, step.org, `Org ${step.org}`);
		case 'addAdmin':
			return o.addAdmin(actor, step.org, step.target);
		case 'removeAdmin':
			return o.removeAdmin(actor, step.org, step.target);
		case 'addDomain':
			return o.addDomain(actor, step.org, step.domain, domainToken(step.org, key));
		case 'verify':
			return o.verify(actor, step.org, step.domain, token);
		case 'removeDomain':
			return o.removeDomain(actor, step.org, step.domain);
		case 'signIn':
			return s.setSignIn(
				actor,
				step.org,
				PROVIDERS[POOL_ACCOUNTS.indexOf(step.target) % 3] ?? 'none'
			);
		case 'put':
			return s.put(actor, step.org, `${step.target}@${step.domain}`, `Person ${step.target}`, [
				'staff'
			]);
		case 'sync':
			return s.sync(actor, step.org, ['staff']);
	}
}

const PROVIDERS = ['none', 'saml', 'google'] as const;

/**
 * An organization that verified acme.com, created by the pool's first account: random steps
 * alone rarely line up create, add and verify, so without this opening managed accounts would
 * be reached by chance only.
 */
function opening(f: ChangeFactory): Change[] {
	const o = new OrganizationChanges(f);
	const org = organizationId('org-1');
	const admin = A.alice;
	return [
		o.create(admin, org, `Org ${org}`),
		o.addDomain(admin, org, 'acme.com', domainToken(org, 'acme.com')),
		o.verify(admin, org, 'acme.com', domainToken(org, 'acme.com'))
	];
}

/** Like `toChanges`, with organization steps mixed in. */
function toMixed(
	steps: readonly { step: Step | OrgStep | ManagedStep; device: string }[],
	opened: boolean
): Change[] {
	const f = new ChangeFactory('dev-a');
	const out = setup(f);
	if (opened) out.push(...opening(f));
	const state = emptyState();
	for (const c of out) applyInPlace(state, c);
	steps.forEach(({ step, device }, i) => {
		f.device = device;
		const fresh = { accountId: accountId(`new-${i}`), name: `New ${i}` };
		const change =
			step.kind === 'org'
				? orgChange(f, state, step)
				: step.kind === 'managed'
					? managedChange(f, state, step)
					: make(f, state, step, i, fresh);
		applyInPlace(state, change);
		out.push(change);
	});
	return out;
}

/**
 * A whole history with organization changes mixed in (about one step in two, a third of those
 * admin actions on managed accounts, A6); half of them open with an organization that
 * verified acme.com.
 */
export function arbMixedChanges(maxSteps = 40): fc.Arbitrary<Change[]> {
	const step = fc.oneof<[fc.Arbitrary<Step>, fc.Arbitrary<OrgStep | ManagedStep>]>(
		arbStep,
		fc.oneof(
			{ weight: 2, arbitrary: arbOrgStep },
			{ weight: 1, arbitrary: arbManagedStep(POOL_ORGS) }
		)
	);
	const steps = fc.array(fc.record({ step, device: fc.constantFrom('dev-a', 'dev-b') }), {
		maxLength: maxSteps,
		size: 'max'
	});
	return fc.tuple(steps, fc.boolean()).map(([s, opened]) => toMixed(s, opened));
}
