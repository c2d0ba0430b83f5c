// Random histories for property tests, reusable by store and sync tests: a fixed set-up (six
// people on acme.com, gmail.com, other.org and mail.acme.com; two sites; four licenses) then
// random steps by random actors, account steps (account-steps.ts) included. Clock order is
// generation order; devices alternate at random.
import fc from 'fast-check';
import { accountId, applyInPlace, emptyState, licenseId, members, siteId } from '$lib/core';
import type {
	AccountId,
	Change,
	ContactRole,
	LicenseId,
	NewAccount,
	SiteId,
	State
} from '$lib/core';
import { accountChange, arbAccountStep } from './account-steps';
import type { AccountStep } from './account-steps';
import { A, ChangeFactory, DAY, T0 } from './factories';

export const POOL_ACCOUNTS: readonly AccountId[] = Object.values(A);
export const POOL_EMAILS = [
	'alice@acme.com',
	'BOB@Acme.com',
	'carol@gmail.com',
	'dave@other.org',
	'erin@mail.acme.com',
	'gina@gmail.com',
	'fred@ACME.com.',
	'hank@gmail.com',
	'ivy@other.org',
	'jo@mail.acme.com',
	'bad@'
] as const;
export const POOL_LICENSES: readonly LicenseId[] = [
	'lic-1',
	'lic-2',
	'lic-3',
	'lic-4',
	'lic-x'
].map(licenseId);
export const POOL_SITES: readonly SiteId[] = ['site-1', 'site-2', 'site-x'].map(siteId);

/** The set-up every generated history starts with. */
export function setup(f: ChangeFactory): Change[] {
	const [l1, l2, l3, l4] = POOL_LICENSES;
	const [s1, s2] = POOL_SITES;
	if (!l1 || !l2 || !l3 || !l4 || !s1 || !s2) throw new Error('pool too small');
	return [
		f.signup(A.alice, 'alice@acme.com', 'Alice'),
		f.signup(A.bob, 'bob@acme.com', 'Bob'),
		f.signup(A.carol, 'carol@gmail.com', 'Carol'),
		f.signup(A.dave, 'dave@other.org', 'Dave'),
		f.signup(A.erin, 'erin@mail.acme.com', 'Erin'),
		f.signup(A.gina, 'gina@gmail.com', 'Gina'),
		f.site(A.alice, s1, 'acme.example.net', ['issues', 'pages']),
		f.site(A.dave, s2, 'other.example.net', ['chat']),
		f.license(A.alice, l1, { sen: 'SEN-0000001' }),
		f.license(A.alice, l2, { sen: 'SEN-0000002', site: s1, expiresAt: T0 + 10 * DAY }),
		f.license(A.carol, l3, { sen: 'SEN-0000003', product: 'repos' }),
		f.license(A.dave, l4, {
			sen: 'SEN-0000004',
			site: s2,
			product: 'chat',
			expiresAt: T0 + 40 * DAY
		})
	];
}

/**
 * Who acts or is acted on: mostly someone who holds a role on the license in play (so that
 * histories get past C3), sometimes anyone from the pool, a missing account or nobody.
 */
export type Who = { kind: 'member'; pick: number } | { kind: 'any'; id: AccountId | null };

const anyone = fc.oneof(
	{ weight: 12, arbitrary: fc.constantFrom(...POOL_ACCOUNTS) },
	{ weight: 1, arbitrary: fc.constantFrom<AccountId | null>(null, accountId('ghost')) }
);
const who: fc.Arbitrary<Who> = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ kind: fc.constant('member' as const), pick: fc.nat(9) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('any' as const), id: anyone }) }
);
const role = fc.constantFrom<ContactRole>('billing', 'technical');
const email = fc.constantFrom(...POOL_EMAILS);
const lic = fc.oneof(
	{ weight: 8, arbitrary: fc.constantFrom(...POOL_LICENSES.slice(0, -1)) },
	{ weight: 1, arbitrary: fc.constantFrom(...POOL_LICENSES.slice(-1)) }
);
const site = fc.constantFrom(...POOL_SITES);
const named = fc.oneof(
	{ weight: 3, arbitrary: fc.constant(true) },
	{ weight: 1, arbitrary: fc.constant(false) }
);

export type Step =
	| {
			kind: 'add';
			actor: Who;
			license: LicenseId;
			role: ContactRole;
			email: string;
			named: boolean;
	  }
	| { kind: 'primary' | 'delete'; actor: Who; license: LicenseId; role: ContactRole; target: Who }
	| { kind: 'promoteSelf'; license: LicenseId; role: ContactRole; pick: number }
	| { kind: 'makeMe'; actor: Who; site: SiteId }
	| { kind: 'support'; actor: Who; license: LicenseId }
	| { kind: 'handover'; actor: Who; license: LicenseId; from: Who; email: string; named: boolean }
	| { kind: 'remind'; days: number }
	| { kind: 'start'; actor: Who; site: SiteId | null }
	| AccountStep;

export const arbStep: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('promoteSelf' as const),
			license: lic,
			role,
			pick: fc.nat(9)
		})
	},
	{
		weight: 10,
		arbitrary: fc.record({
			kind: fc.constant('add' as const),
			actor: who,
			license: lic,
			role,
			email,
			named
		})
	},
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('primary' as const),
			actor: who,
			license: lic,
			role,
			target: who
		})
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('delete' as const),
			actor: who,
			license: lic,
			role,
			target: who
		})
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('makeMe' as const), actor: who, site }) },
	{
		weight: 1,
		arbitrary: fc.record({ kind: fc.constant('support' as const), actor: who, license: lic })
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('handover' as const),
			actor: who,
			license: lic,
			from: who,
			email,
			named
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('remind' as const),
			days: fc.integer({ min: 0, max: 45 })
		})
	},
	{ weight: 3, arbitrary: arbAccountStep(lic, who, email) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('start' as const),
			actor: who,
			site: fc.constantFrom<SiteId | null>(null, ...POOL_SITES)
		})
	}
);

/** Resolves `who` against the current state: a member of the role (or license, or site). */
function resolve(
	state: State,
	w: Who,
	place: { license?: LicenseId; role?: ContactRole; site?: SiteId | null; secondary?: boolean }
): AccountId | null {
	if (w.kind === 'any') return w.id;
	let pool: readonly AccountId[] = [];
	if (place.site) pool = state.sites.get(place.site)?.admins ?? [];
	else if (place.license) {
		const l = state.licenses.get(place.license);
		const rc = l && place.role ? l[place.role] : null;
		// Targets of make-primary and delete are secondaries when there are any.
		if (rc && place.secondary && rc.secondary.length > 0) pool = rc.secondary;
		else if (l) pool = place.role ? members(rc) : [...members(l.billing), ...members(l.technical)];
	}
	return pool[w.pick % Math.max(pool.length, 1)] ?? A.alice;
}

/**
 * Turns steps into changes, tracking the state so that "member" picks resolve to real
 * contacts. The i-th step's new ids derive from i, so they never clash.
 */
export function toChanges(steps: readonly { step: Step; device: string }[]): Change[] {
	const f = new ChangeFactory('dev-a');
	const out = setup(f);
	const state = emptyState();
	for (const c of out) applyInPlace(state, c);
	steps.forEach(({ step, device }, i) => {
		f.device = device;
		const fresh = { accountId: accountId(`new-${i}`), name: `New ${i}` };
		const change = make(f, state, step, i, fresh);
		applyInPlace(state, change);
		out.push(change);
	});
	return out;
}

/** One step as a change, against the current state (exported for organization-steps.ts). */
export function make(
	f: ChangeFactory,
	state: State,
	step: Step,
	i: number,
	fresh: NewAccount
): Change {
	switch (step.kind) {
		case 'add':
			return f.add(
				resolve(state, step.actor, step),
				step.license,
				step.role,
				step.email,
				step.named ? fresh : undefined
			);
		case 'primary':
			return f.makePrimary(
				resolve(state, step.actor, { license: step.license }),
				step.license,
				step.role,
				resolve(state, step.target, { ...step, secondary: true }) ?? A.bob
			);
		case 'delete':
			return f.remove(
				resolve(state, step.actor, { license: step.license }),
				step.license,
				step.role,
				resolve(state, step.target, { ...step, secondary: true }) ?? A.bob
			);
		case 'promoteSelf': {
			// C6: a secondary contact makes themselves primary.
			const self = resolve(
				state,
				{ kind: 'member', pick: step.pick },
				{ ...step, secondary: true }
			);
			return f.makePrimary(self, step.license, step.role, self ?? A.bob);
		}
		case 'makeMe':
			return f.makeMeBilling(resolve(state, step.actor, step), step.site);
		case 'support':
			return f.support(
				resolve(state, step.actor, { license: step.license, role: 'technical' }),
				step.license
			);
		case 'handover':
			return f.handover(
				resolve(state, step.actor, { license: step.license }),
				resolve(state, step.from, { license: step.license }) ?? A.bob,
				step.email,
				step.named ? fresh : undefined
			);
		case 'remind':
			return f.remind(null, T0 + step.days * DAY);
		case 'start':
			return f.license(resolve(state, step.actor, { site: step.site }), licenseId(`lic-new-${i}`), {
				sen: `SEN-${String(9_000_000 + i)}`,
				site: step.site
			});
		case 'account': {
			const target = resolve(state, step.target, { license: step.license });
			return accountChange(f, state, step.action, target, i);
		}
	}
}

/** A whole history: the set-up then up to `maxSteps` random steps on two devices. */
export function arbChanges(maxSteps = 40): fc.Arbitrary<Change[]> {
	return fc
		.array(fc.record({ step: arbStep, device: fc.constantFrom('dev-a', 'dev-b') }), {
			maxLength: maxSteps,
			size: 'max'
		})
		.map(toChanges);
}
