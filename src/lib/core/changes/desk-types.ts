// A9: what a site's admins do to the portal-only customers of its service desk. Each change
// names the site; the rule checks that the actor is one of its admins, so a change from a file
// passes the same check as a click (X3, S6). Customers are named by their address.
import type { AccountId, SiteId } from '../ids';
import type { Envelope } from './envelope';

interface Target {
	readonly siteId: SiteId;
	readonly email: string;
}

/** A9: a new customer (address normalised as C5 does, unique within the desk). */
export type CustomerAdd = Envelope<'customer.add', Target & { readonly name: string }>;

/** A9: the customer's full name. */
export type CustomerRename = Envelope<'customer.rename', Target & { readonly name: string }>;

/** A9: the customer leaves the desk. */
export type CustomerRemove = Envelope<'customer.remove', Target>;

/**
 * A9: the customer becomes an invited account (as C4 makes one; A4 gives it a password) and
 * leaves the desk. Refused when an account already has the address.
 */
export type CustomerMigrate = Envelope<
	'customer.migrate',
	Target & { readonly accountId: AccountId }
>;

export type DeskChange = CustomerAdd | CustomerRename | CustomerRemove | CustomerMigrate;

export const DESK_CHANGE_TYPES = [
	'customer.add',
	'customer.rename',
	'customer.remove',
	'customer.migrate'
] as const satisfies readonly DeskChange['type'][];
