// The A11 and A14 commands of the command map, declared once: a site's product users and their
// upgrade (site admins), app passwords (the holder; an admin of the managing organization
// revokes), and the simulated basic-authentication check of a site (anyone, logged out too).
import type { AccountId, ProductId, SiteId } from '$lib/core';
import type { Committed } from '$lib/store/types';

export interface ProductUserInput {
	readonly siteId: SiteId;
	readonly email: string;
	readonly name: string;
	readonly productIds: readonly ProductId[];
	readonly bot: boolean;
	/** For a bot: the other sites it is used on, as typed (commas, spaces or lines between). */
	readonly usedOn: string;
}

export interface AppPasswordRef {
	readonly accountId: AccountId;
	readonly entryId: string;
}

export interface BasicAuthInput {
	readonly site: string;
	readonly email: string;
	readonly password: string;
}

/**
 * A14: what the simulated check answered: accepted with an app password of the account for
 * that site, or with the account's own password (not a flagged bot); or refused.
 */
export type BasicAuthResult =
	| { readonly kind: 'app-password'; readonly name: string }
	| { readonly kind: 'account-password' }
	/** A11: a bot used on several sites gives an app password, never the account's password. */
	| { readonly kind: 'use-app-password'; readonly sites: readonly string[] }
	| { readonly kind: 'wrong-credentials' }
	/** X2: too many wrong answers for the address on this device: wait until then. */
	| { readonly kind: 'throttled'; readonly retryAt: number }
	| { readonly kind: 'unknown-site' };

export interface ProductInputs {
	/** A11: a site admin adds a product user. */
	'productUser.add': ProductUserInput;
	/** A11, confirmed. */
	'productUser.remove': { readonly siteId: SiteId; readonly userId: string };
	/** A11, confirmed: one account per email; the report is kept on the site. */
	'site.upgradeUsers': { readonly siteId: SiteId };
	/** A14: a new app password; the secret comes back once, never stored. */
	'appPassword.create': { readonly name: string; readonly siteId: SiteId };
	/** A14, confirmed. */
	'appPassword.revoke': AppPasswordRef;
	/** A14: the simulated basic-authentication check of a site. */
	'basicAuth.check': BasicAuthInput;
}

export type ProductCommandName = keyof ProductInputs;

export interface ProductOutputs {
	'productUser.add': Committed;
	'productUser.remove': Committed;
	'site.upgradeUsers': Committed;
	'appPassword.create': { readonly committed: Committed; readonly secret: string };
	'appPassword.revoke': Committed;
	'basicAuth.check': BasicAuthResult;
}
