// The commands an organization's admin runs on the accounts it manages (O2, A6), declared
// once: each records one managed.* change whose authority the core checks (X3), and answers
// what the store committed. Deactivate, delete and reset two-step verification ask first.
import type { AccountId, OrganizationId } from '$lib/core';
import type { Committed } from '$lib/store/types';

/** The managed account and the organization the admin acts for. */
export interface ManagedTarget {
	readonly organizationId: OrganizationId;
	readonly accountId: AccountId;
}

export interface OrganizationAccountInputs {
	/** A6: takes effect at once, on a domain the organization verified. */
	'managed.changeEmail': ManagedTarget & { readonly email: string };
	/** O2 */
	'managed.changeName': ManagedTarget & { readonly name: string };
	/** A6/A8, confirmed. */
	'managed.deactivate': ManagedTarget;
	/** O2 */
	'managed.reactivate': ManagedTarget;
	/** A6/A8, confirmed. */
	'managed.delete': ManagedTarget;
	/** O2, confirmed. */
	'managed.resetTwoStep': ManagedTarget;
}

export type OrganizationAccountCommandName = keyof OrganizationAccountInputs;

export type OrganizationAccountOutputs = {
	readonly [N in OrganizationAccountCommandName]: Committed;
};

/** The commands that ask before they run (what they do cannot be taken back from here). */
export const CONFIRMED_MANAGED_COMMANDS: ReadonlySet<OrganizationAccountCommandName> = new Set([
	'managed.deactivate',
	'managed.delete',
	'managed.resetTwoStep'
] as const);
