// The projection the UI reads: five record stores (what the store persists) and indexes
// derived from them (never persisted; `stateFromRecords` rebuilds them on load).
import type { AccountId, LicenseId, MailId, OrganizationId, SiteId, SupportAccountId } from './ids';
import type { Account, License, Mail, Organization, Site, SupportAccount } from './model';

export interface State {
	accounts: Map<AccountId, Account>;
	licenses: Map<LicenseId, License>;
	sites: Map<SiteId, Site>;
	mail: Map<MailId, Mail>;
	organizations: Map<OrganizationId, Organization>;
	/** A10: the simulated support system's accounts. */
	supportAccounts: Map<SupportAccountId, SupportAccount>;
	/** Accounts that are not deleted, by normalised email. */
	accountIdByEmailKey: Map<string, AccountId>;
	licenseIdBySen: Map<string, LicenseId>;
	/** Licenses where the account holds a role (either), for C3 with thousands of licenses. */
	licenseIdsByAccount: Map<AccountId, Set<LicenseId>>;
	/** Cloud licenses by site (C3 for site admins, C10). */
	licenseIdsBySite: Map<SiteId, Set<LicenseId>>;
	siteIdsByAdmin: Map<AccountId, Set<SiteId>>;
	siteIdByName: Map<string, SiteId>;
	/** Mailbox contents by normalised recipient address. */
	mailIdsByToKey: Map<string, Set<MailId>>;
	/** O2: verified domains only, each verified by at most one organization. */
	organizationIdByDomain: Map<string, OrganizationId>;
	/** A10: support accounts by normalised address (several may share one). */
	supportAccountIdsByEmailKey: Map<string, Set<SupportAccountId>>;
}

export function emptyState(): State {
	return {
		accounts: new Map(),
		licenses: new Map(),
		sites: new Map(),
		mail: new Map(),
		organizations: new Map(),
		supportAccounts: new Map(),
		accountIdByEmailKey: new Map(),
		licenseIdBySen: new Map(),
		licenseIdsByAccount: new Map(),
		licenseIdsBySite: new Map(),
		siteIdsByAdmin: new Map(),
		siteIdByName: new Map(),
		mailIdsByToKey: new Map(),
		organizationIdByDomain: new Map(),
		supportAccountIdsByEmailKey: new Map()
	};
}

/** The names of the persisted record stores. */
export type StoreName =
	'accounts' | 'licenses' | 'sites' | 'mail' | 'organizations' | 'supportAccounts';

/** A record write the store must persist, in order, in the transaction that logs the change. */
export type Effect =
	| { readonly kind: 'put'; readonly store: 'accounts'; readonly value: Account }
	| { readonly kind: 'put'; readonly store: 'licenses'; readonly value: License }
	| { readonly kind: 'put'; readonly store: 'sites'; readonly value: Site }
	| { readonly kind: 'put'; readonly store: 'mail'; readonly value: Mail }
	| { readonly kind: 'put'; readonly store: 'organizations'; readonly value: Organization }
	| { readonly kind: 'put'; readonly store: 'supportAccounts'; readonly value: SupportAccount }
	| { readonly kind: 'delete'; readonly store: StoreName; readonly key: string };

/** Records as the store keeps them: one list per record store. */
export interface Records {
	readonly accounts: Iterable<Account>;
	readonly licenses: Iterable<License>;
	readonly sites: Iterable<Site>;
	readonly mail: Iterable<Mail>;
	/** O1: absent in stores from before organizations existed. */
	readonly organizations?: Iterable<Organization>;
	/** A10: absent in stores from before support accounts existed. */
	readonly supportAccounts?: Iterable<SupportAccount>;
}
