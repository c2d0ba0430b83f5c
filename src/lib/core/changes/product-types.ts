// A11 and A14: a site's product-local users and their upgrade to accounts, and the app
// passwords an account keeps for bots and tools. Each change names what it acts on; the rules
// check who may (site admins for A11; the holder, or an admin of the organization managing the
// account, for A14), so a change from a file passes the same checks as a click (X3, S6).
import type { AccountId, ProductId, SiteId } from '../ids';
import type { Envelope } from './envelope';

/** A11: a product-local user of some of the site's products; its id is the change's. */
export type ProductUserAdd = Envelope<
	'productUser.add',
	{
		readonly siteId: SiteId;
		readonly email: string;
		readonly name: string;
		readonly productIds: readonly ProductId[];
		readonly bot: boolean;
		/** For a bot: the host names of the other sites it is used on. Ignored for a person. */
		readonly usedOn: readonly string[];
	}
>;

/** A11: the product user leaves the site's products (an upgraded one keeps its account). */
export type ProductUserRemove = Envelope<
	'productUser.remove',
	{ readonly siteId: SiteId; readonly userId: string }
>;

/**
 * A11: one account per address across the site's waiting product users: an active account
 * with the address is reused, otherwise an invited one is made (C4; A4 gives it a password)
 * with an id derived from this change's. The report is kept on the site.
 */
export type SiteUpgradeUsers = Envelope<'site.upgradeUsers', { readonly siteId: SiteId }>;

/**
 * A14: the actor's new app password for one site. The secret is drawn outside the core and
 * shown once; only its SHA-256 travels (a secret-named field: files carrying it are
 * encrypted, S3).
 */
export type AppPasswordCreate = Envelope<
	'appPassword.create',
	{ readonly name: string; readonly siteId: SiteId; readonly secretHash: string }
>;

/** A14: the holder, or an admin of the organization managing the account, revokes one. */
export type AppPasswordRevoke = Envelope<
	'appPassword.revoke',
	{ readonly accountId: AccountId; /** The app password's id. */ readonly entryId: string }
>;

/** A14: a basic-authentication check accepted the app password: its last-used time. */
export type AppPasswordUse = Envelope<
	'appPassword.use',
	{ readonly accountId: AccountId; /** The app password's id. */ readonly entryId: string }
>;

export type ProductChange =
	| ProductUserAdd
	| ProductUserRemove
	| SiteUpgradeUsers
	| AppPasswordCreate
	| AppPasswordRevoke
	| AppPasswordUse;

export const PRODUCT_CHANGE_TYPES = [
	'productUser.add',
	'productUser.remove',
	'site.upgradeUsers',
	'appPassword.create',
	'appPassword.revoke',
	'appPassword.use'
] as const satisfies readonly ProductChange['type'][];
