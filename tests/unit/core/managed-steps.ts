// Random admin actions on managed accounts (O2, A6), mixed into the random histories of
// organization-steps.ts: the actor is mostly an admin of the organization in play, the
// target any account of the pool, the new addresses on managed, other and public domains.
import fc from 'fast-check';
import { accountId } from '$lib/core';
import type { AccountId, Change, OrganizationId, State } from '$lib/core';
import { POOL_ACCOUNTS } from './arbitraries';
import type { ChangeFactory } from './factories';
import { OrganizationChanges } from './organization-factory';

export const MANAGED_ACTIONS = [
	'managed.changeEmail',
	'managed.changeName',
	'managed.deactivate',
	'managed.reactivate',
	'managed.delete',
	'managed.resetTwoStep'
] as const;

export interface ManagedStep {
	readonly kind: 'managed';
	readonly action: (typeof MANAGED_ACTIONS)[number];
	readonly org: OrganizationId;
	readonly actor:
		| { readonly admin: true; readonly pick: number }
		| { readonly admin: false; readonly id: AccountId };
	readonly target: AccountId;
	readonly email: string;
	readonly name: string;
}

export function arbManagedStep(orgs: readonly OrganizationId[]): fc.Arbitrary<ManagedStep> {
	return fc.record({
		kind: fc.constant('managed' as const),
		action: fc.constantFrom(...MANAGED_ACTIONS),
		org: fc.constantFrom(...orgs),
		actor: fc.oneof(
			{ weight: 4, arbitrary: fc.record({ admin: fc.constant(true as const), pick: fc.nat(5) }) },
			{
				weight: 1,
				arbitrary: fc.record({
					admin: fc.constant(false as const),
					id: fc.constantFrom(...POOL_ACCOUNTS, accountId('ghost'))
				})
			}
		),
		target: fc.constantFrom(...POOL_ACCOUNTS),
		email: fc.constantFrom('new@acme.com', 'BOB@acme.com', 'x@other.org', 'y@gmail.com', 'bad@'),
		name: fc.constantFrom('Renamed', 'Bob', ' ')
	});
}

export function managedChange(f: ChangeFactory, state: State, step: ManagedStep): Change {
	const o = new OrganizationChanges(f);
	const admins = state.organizations.get(step.org)?.admins ?? [];
	const actor = step.actor.admin
		? (admins[step.actor.pick % Math.max(admins.length, 1)] ?? step.target)
		: step.actor.id;
	switch (step.action) {
		case 'managed.changeEmail':
			return o.changeEmail(actor, step.org, step.target, step.email);
		case 'managed.changeName':
			return o.changeName(actor, step.org, step.target, step.name);
		default:
			return o.act(actor, step.org, step.action, step.target);
	}
}
