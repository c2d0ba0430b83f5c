// The Change union (S1): one user intent with its envelope. It is the unit of history, of the
// audit log and of sync; the sync layer validates imported files against CHANGE_TYPES.
// The account changes beyond account.create are in account-types.ts.
import type { Hosting } from '../catalog';
import type { AccountId, LicenseId, ProductId, SiteId, SupportRequestId } from '../ids';
import type { RefusalCode } from '../errors';
import type { ContactRole, PasswordHash, SealedVault, SignInSource } from '../model';
import { ACCOUNT_CHANGE_TYPES } from './account-types';
import type { AccountChange } from './account-types';
import { BILLING_CHANGE_TYPES } from './billing-types';
import type { BillingChange } from './billing-types';
import { MANAGED_CHANGE_TYPES } from './managed-types';
import type { ManagedChange } from './managed-types';
import { ORGANIZATION_CHANGE_TYPES } from './organization-types';
import type { OrganizationChange } from './organization-types';
import { DESK_CHANGE_TYPES } from './desk-types';
import { PRODUCT_CHANGE_TYPES } from './product-types';
import type { ProductChange } from './product-types';
import type { DeskChange } from './desk-types';
import { SUPPORT_CHANGE_TYPES } from './support-types';
import type { SupportChange } from './support-types';
import { POLICY_CHANGE_TYPES } from './policy-types';
import type { PolicyChange } from './policy-types';
import type { Envelope } from './envelope';

export type * from './account-types';
export type * from './organization-types';
export type * from './policy-types';
export type * from './managed-types';
export type * from './billing-types';
export type * from './desk-types';
export type * from './product-types';
export type * from './support-types';
export type { Envelope } from './envelope';

/** The person to create when an address has no account yet (C4). */
export interface NewAccount {
	readonly accountId: AccountId;
	readonly name: string;
}

export type AccountCreate = Envelope<
	'account.create',
	{
		readonly accountId: AccountId;
		readonly email: string;
		readonly name: string;
		readonly mode: 'signup' | 'invited';
		readonly source: SignInSource;
		/** A1: a signup with a password (X1, hashed before the change); never for 'invited'. */
		readonly passwordHash?: PasswordHash;
		/**
		 * A1: a password signup's verification: the plain token goes only into the mailed
		 * `/verify?token=…` link, the account keeps `tokenHash`. Both or neither.
		 */
		readonly token?: string;
		readonly tokenHash?: string;
		/**
		 * X6: a password sign-up's account key: the public key (raw Ed25519, base64url) and
		 * the vault sealing its private half under the password. Both or neither (sign-ups
		 * from before X6 have neither; the account gets its key at its next log in).
		 */
		readonly signingKey?: string;
		readonly vault?: SealedVault;
	}
>;

export type LicenseStart = Envelope<
	'license.start',
	{
		readonly licenseId: LicenseId;
		readonly sen: string;
		readonly productId: ProductId;
		readonly hosting: Hosting;
		readonly siteId: SiteId | null;
		readonly tier: number;
		readonly expiresAt: number;
	}
>;

export type SiteCreate = Envelope<
	'site.create',
	{ readonly siteId: SiteId; readonly name: string; readonly productIds: readonly ProductId[] }
>;

export type ContactAdd = Envelope<
	'contact.add',
	{
		readonly licenseId: LicenseId;
		readonly role: ContactRole;
		readonly email: string;
		readonly newAccount?: NewAccount;
	}
>;

export type ContactMakePrimary = Envelope<
	'contact.makePrimary',
	{ readonly licenseId: LicenseId; readonly role: ContactRole; readonly accountId: AccountId }
>;

export type ContactDelete = Envelope<
	'contact.delete',
	{ readonly licenseId: LicenseId; readonly role: ContactRole; readonly accountId: AccountId }
>;

export type BillingMakeMe = Envelope<'billing.makeMe', { readonly siteId: SiteId }>;

export type SupportRequestChange = Envelope<
	'support.request',
	{
		readonly requestId: SupportRequestId;
		readonly licenseId: LicenseId;
		readonly subject: string;
		readonly description: string;
	}
>;

export type Handover = Envelope<
	'handover',
	{ readonly from: AccountId; readonly to: string; readonly newAccount?: NewAccount }
>;

/** Scans for licenses expiring within 30 days of `at`; any device may generate it. */
export type RenewalRemind = Envelope<'renewal.remind', Readonly<Record<string, never>>>;

export type Change =
	| AccountCreate
	| LicenseStart
	| SiteCreate
	| ContactAdd
	| ContactMakePrimary
	| ContactDelete
	| BillingMakeMe
	| SupportRequestChange
	| Handover
	| RenewalRemind
	| AccountChange
	| OrganizationChange
	| PolicyChange
	| ManagedChange
	| BillingChange
	| DeskChange
	| ProductChange
	| SupportChange;

export type ChangeType = Change['type'];
export type ChangeOf<T extends ChangeType> = Extract<Change, { readonly type: T }>;
export type PayloadOf<T extends ChangeType> = ChangeOf<T>['payload'];

export const CHANGE_TYPES = [
	'account.create',
	'license.start',
	'site.create',
	'contact.add',
	'contact.makePrimary',
	'contact.delete',
	'billing.makeMe',
	'support.request',
	'handover',
	'renewal.remind',
	...ACCOUNT_CHANGE_TYPES,
	...ORGANIZATION_CHANGE_TYPES,
	...POLICY_CHANGE_TYPES,
	...MANAGED_CHANGE_TYPES,
	...BILLING_CHANGE_TYPES,
	...DESK_CHANGE_TYPES,
	...PRODUCT_CHANGE_TYPES,
	...SUPPORT_CHANGE_TYPES
] as const satisfies readonly ChangeType[];

// Compile-time check that CHANGE_TYPES lists every member of the union.
type Exhaustive<T extends never> = T;
export type ChangeTypesListed = Exhaustive<Exclude<ChangeType, (typeof CHANGE_TYPES)[number]>>;

export function isChangeType(t: string): t is ChangeType {
	return CHANGE_TYPES.some((x) => x === t);
}

/** C11: what happened on one license. */
export interface HandoverEntry {
	readonly licenseId: LicenseId;
	readonly sen: string;
	readonly outcome: 'replaced' | 'added-needs-self-promotion' | 'skipped';
	/** null when replaced; otherwise the refusal code that explains it. */
	readonly reason: RefusalCode | null;
	readonly roles: readonly {
		readonly role: ContactRole;
		readonly outcome: 'replaced' | 'added-needs-self-promotion';
	}[];
}

export interface HandoverReport {
	readonly from: AccountId;
	readonly to: AccountId;
	readonly entries: readonly HandoverEntry[];
}
