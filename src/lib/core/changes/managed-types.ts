// What an organization's admins do to the accounts it manages (O2, A6). Each change names the
// organization the actor acts for; the rule checks that it is the one managing the account
// (`managedBy`) and that the actor is one of its active admins, so a change from a file passes
// the same check as a click (X3, S6). Every one of them mails the holder a notice (A13).
import type { AccountId, OrganizationId } from '../ids';
import type { Envelope } from './envelope';

interface Target {
	readonly organizationId: OrganizationId;
	readonly accountId: AccountId;
}

/**
 * A6: the new address takes effect at once (the organization verified its domain, so there is
 * no link to confirm). It must be free and on a domain the same organization verified.
 */
export type ManagedChangeEmail = Envelope<
	'managed.changeEmail',
	Target & { readonly email: string }
>;

/** O2: the admin sets the account's full name. */
export type ManagedChangeName = Envelope<'managed.changeName', Target & { readonly name: string }>;

/** A6/A8: a deactivated account cannot log in; refused while it is a primary contact. */
export type ManagedDeactivate = Envelope<'managed.deactivate', Target>;

/** O2: the account can log in again. */
export type ManagedReactivate = Envelope<'managed.reactivate', Target>;

/** A6/A8: as the holder's own deletion, by an admin. */
export type ManagedDelete = Envelope<'managed.delete', Target>;

/** O2: turns two-step verification off; the holder enrolls again (at the next log in if O4). */
export type ManagedResetTwoStep = Envelope<'managed.resetTwoStep', Target>;

export type ManagedChange =
	| ManagedChangeEmail
	| ManagedChangeName
	| ManagedDeactivate
	| ManagedReactivate
	| ManagedDelete
	| ManagedResetTwoStep;

export const MANAGED_CHANGE_TYPES = [
	'managed.changeEmail',
	'managed.changeName',
	'managed.deactivate',
	'managed.reactivate',
	'managed.delete',
	'managed.resetTwoStep'
] as const satisfies readonly ManagedChange['type'][];
