// The entities of the data model in docs/rules.md as the core records them. Every value is immutable: rules replace
// records, never edit them, which is what lets `apply` share untouched records between states.
import type { Hosting } from './catalog';
import type {
	AccountId,
	ChangeId,
	LicenseId,
	MailId,
	OrganizationId,
	ProductId,
	SiteId,
	SupportAccountId,
	SupportRequestId
} from './ids';

export type { Hosting } from './catalog';

export type AccountStatus = 'active' | 'deactivated' | 'deleted';
export type SignInSource = 'password' | 'google' | 'saml';

/**
 * A PBKDF2 password hash as the security layer makes it (X1), parameters included. Opaque to
 * the rules: they check its shape and store it, never verify against it.
 */
export interface PasswordHash {
	readonly alg: string;
	readonly iterations: number;
	readonly salt: string;
	readonly hash: string;
	readonly length: number;
}

/** A4: the latest reset link; only its SHA-256 is kept. */
export interface ResetToken {
	readonly hash: string;
	readonly expiresAt: number;
	readonly used: boolean;
}

/** A5: an address waiting for its confirmation link; it takes effect only when confirmed. */
export interface PendingEmail {
	readonly email: string;
	readonly emailKey: string;
	readonly tokenHash: string;
}

/** A2/A5: two-step verification. */
export interface TwoStep {
	/**
	 * Base32 TOTP secret (RFC 6238) in clear: only in records from before X6, until the
	 * account's next log in seals it. Absent: the secret is sealed in the account's vault.
	 */
	readonly totpSecret?: string | null;
	/** SHA-256 of each unused recovery code; a used one is removed. */
	readonly recoveryCodeHashes: readonly string[];
	/** X2: the last TOTP time step accepted; that step and earlier ones are refused. */
	readonly lastUsedStep: number;
	readonly enabledAt: number;
}

/**
 * X6: the account vault as the security layer seals it (security/vault.ts): the private
 * signing key and the TOTP secret under a key derived from the password. Opaque to the rules:
 * they check its shape and X1's iteration floor, never open it.
 */
export interface SealedVault {
	readonly v: 1;
	readonly iterations: number;
	readonly salt: string;
	readonly iv: string;
	readonly data: string;
}

/**
 * What the account keeps that must not be shown or exported in clear text (S3). Every field
 * is optional because records written before it existed lack it; a cleared field is null.
 * Tokens are kept only as hashes (X1): the plain token travels once, in the change that mails
 * it, and such a change is only ever exported encrypted.
 */
export interface AccountSecrets {
	readonly passwordHash?: PasswordHash | null;
	/** A12: when the password was last set (change time); absent: never set here. */
	readonly passwordChangedAt?: number | null;
	/** A1: SHA-256 of the latest verification token. */
	readonly verifyTokenHash?: string | null;
	readonly reset?: ResetToken | null;
	readonly pendingEmail?: PendingEmail | null;
	readonly twoStep?: TwoStep | null;
	/** X6: the sealed private key (and TOTP secret); null: none usable (reset before X6). */
	readonly vault?: SealedVault | null;
	/**
	 * O5 password sync: the password was pushed by the organization's directory, so the vault
	 * (sealed under the old one) no longer opens; the next log in with it makes a new key.
	 */
	readonly passwordPushed?: boolean | null;
	/** A10: the latest support-account verification mail; absent or null: none pending. */
	readonly supportLink?: SupportLinkPending | null;
}

/** A10: the address whose support accounts were mailed, the token's hash and its deadline. */
export interface SupportLinkPending {
	readonly email: string;
	readonly emailKey: string;
	readonly tokenHash: string;
	readonly expiresAt: number;
}

export interface Account {
	readonly id: AccountId;
	/** As typed, trimmed. */
	readonly email: string;
	/** Normalised (lower-case, IDNA domain): unique among accounts that are not deleted. */
	readonly emailKey: string;
	readonly name: string;
	readonly status: AccountStatus;
	readonly verified: boolean;
	readonly source: SignInSource;
	/** Created by someone else (C4) rather than by signing up. */
	readonly invited: boolean;
	readonly createdAt: number;
	/** A5: a `data:image/…;base64,` URL; absent or null: none. */
	readonly avatar?: string | null;
	/**
	 * X6: the account's public signing keys (Ed25519, raw, base64url), oldest first; the last
	 * is the current one. Absent or empty: none yet (an invited account before its first
	 * password, or an account from before X6 until its next log in).
	 */
	readonly signingKeys?: readonly string[];
	/** X6: the devices enrolled to act for this account, each with its device key. */
	readonly devices?: readonly EnrolledDevice[];
	/** A14: the account's app passwords, oldest first; absent: none. */
	readonly appPasswords?: readonly AppPassword[];
	/** A10: the legacy support account this account is linked to; absent or null: none. */
	readonly supportAccountId?: SupportAccountId | null;
	readonly secrets: AccountSecrets;
}

/** X6: one device allowed to act for an account, and when it was enrolled (change time). */
export interface EnrolledDevice {
	readonly device: string;
	readonly publicKey: string;
	readonly at: number;
}

export type ContactRole = 'billing' | 'technical';
export const CONTACT_ROLES = ['billing', 'technical'] as const satisfies readonly ContactRole[];

/**
 * The contacts of one role on one license. C2 by construction: null is an empty role, and a
 * non-empty role has exactly one primary. The rules keep every id in it distinct.
 */
export type RoleContacts = {
	readonly primary: AccountId;
	readonly secondary: readonly AccountId[];
} | null;

/** C15: where a support request stands; absent in requests from before C15 (read as open). */
export type SupportStatus = 'open' | 'waiting' | 'resolved';

/** C15: one message of a request's thread: the requester's side or the simulated desk. */
export interface SupportMessage {
	/** The change that wrote it. */
	readonly id: ChangeId;
	/** An account of the customer's side, or null for the simulated support desk. */
	readonly by: AccountId | null;
	readonly text: string;
	readonly at: number;
}

export interface SupportRequest {
	readonly id: SupportRequestId;
	readonly licenseId: LicenseId;
	readonly by: AccountId;
	readonly subject: string;
	readonly description: string;
	readonly at: number;
	/** C15/A10: the support account it is filed under; absent before C15. */
	readonly supportAccountId?: SupportAccountId;
	/** C15: absent before C15: open. */
	readonly status?: SupportStatus;
	/** C15: the messages after the description, oldest first; absent: none. */
	readonly thread?: readonly SupportMessage[];
}

/**
 * A10: an account of the simulated (legacy) support system. Several may share one address;
 * `linkedTo` is the Tessera account that confirmed it (at most one, and one per account).
 */
export interface SupportAccount {
	readonly id: SupportAccountId;
	readonly email: string;
	/** Normalised as C5 does. */
	readonly emailKey: string;
	readonly name: string;
	readonly createdAt: number;
	readonly linkedTo: AccountId | null;
}

export interface License {
	readonly id: LicenseId;
	/** Support entitlement number, unique: `SEN-` and at least 7 digits. */
	readonly sen: string;
	readonly productId: ProductId;
	readonly hosting: Hosting;
	/** Cloud licenses belong to a site; server licenses have none. */
	readonly siteId: SiteId | null;
	readonly tier: number;
	readonly expiresAt: number;
	readonly billing: RoleContacts;
	readonly technical: RoleContacts;
	readonly supportRequests: readonly SupportRequest[];
	readonly createdAt: number;
	/** C14: billing name, address and tax id; absent until the primary billing contact sets them. */
	readonly billingDetails?: BillingDetails;
	/** C14: invoices issued by Renew, oldest first; absent: none. */
	readonly invoices?: readonly Invoice[];
}

/** C14: who an invoice is made out to. Seen and edited by the primary billing contact only. */
export interface BillingDetails {
	readonly name: string;
	/** Several lines, plain text. */
	readonly address: string;
	/** Empty when the customer has none. */
	readonly taxId: string;
}

/** C14: one line of an invoice, in whole cents. */
export interface InvoiceLine {
	readonly description: string;
	readonly quantity: number;
	readonly unitCents: number;
	readonly amountCents: number;
}

/** C14: what Renew issued, frozen: later changes to the details or catalog never alter it. */
export interface Invoice {
	/** Deterministic from the renewing change: `INV-<change id>`; also its id. */
	readonly number: string;
	readonly licenseId: LicenseId;
	readonly at: number;
	/** The term it pays for: the old expiry to the new one. */
	readonly periodFrom: number;
	readonly periodTo: number;
	readonly lines: readonly InvoiceLine[];
	readonly totalCents: number;
	/** The billing details as they were when it was issued; null when none were set. */
	readonly billTo: BillingDetails | null;
	readonly by: AccountId;
}

export interface Site {
	readonly id: SiteId;
	/** A normalised host name, unique: `acme.example.net`. */
	readonly name: string;
	readonly productIds: readonly ProductId[];
	readonly admins: readonly AccountId[];
	readonly createdAt: number;
	/** A9: the service desk's portal-only customers; absent in sites from before A9. */
	readonly customers?: readonly DeskCustomer[];
	/** A11: the users local to the site's products; absent: none. */
	readonly productUsers?: readonly ProductUser[];
	/** A11: what the latest "Upgrade to accounts" did, person by person; absent: never run. */
	readonly lastUpgrade?: UpgradeReport | null;
}

/**
 * A11: a user local to some of a site's products (not an account until the site's admins
 * upgrade it). Several may share one address on different products: the upgrade makes them
 * one account.
 */
export interface ProductUser {
	/** The id of the change that added it. */
	readonly id: string;
	readonly email: string;
	/** Normalised as accounts' addresses are (C5): the upgrade's grouping key. */
	readonly emailKey: string;
	readonly name: string;
	/** Some of the site's products, at least one. */
	readonly productIds: readonly ProductId[];
	readonly bot: boolean;
	/** A11: for a bot, the host names of the sites it is used on (this one first); else empty. */
	readonly usedOn: readonly string[];
	readonly addedAt: number;
	/** Set by the upgrade: the account it became; absent or null while it waits. */
	readonly accountId?: AccountId | null;
}

/** A11: what happened to one address at an upgrade. */
export type UpgradeOutcome = 'reused' | 'invited' | 'inactive';

export interface UpgradeEntry {
	readonly email: string;
	readonly name: string;
	readonly outcome: UpgradeOutcome;
	/** The account it became; null when the address's account is deactivated ('inactive'). */
	readonly accountId: AccountId | null;
	/** The products of every product user with that address, in the site's order. */
	readonly productIds: readonly ProductId[];
	/** A bot used on more than one site: give it a unique email, or an app password (A14). */
	readonly flaggedBot: boolean;
	/** The sites a flagged bot is used on; empty otherwise. */
	readonly usedOn: readonly string[];
}

export interface UpgradeReport {
	readonly changeId: ChangeId;
	readonly at: number;
	/** One per address, by normalised address. */
	readonly entries: readonly UpgradeEntry[];
}

/** A14: a named password for one site, for a bot or a tool; only its SHA-256 is kept. */
export interface AppPassword {
	/** The id of the change that created it. */
	readonly id: string;
	readonly name: string;
	readonly siteId: SiteId;
	/** SHA-256 (unpadded base64url) of the secret: the secret is random and shown once, never kept (X1). */
	readonly secretHash: string;
	readonly createdAt: number;
	/** The latest accepted basic-authentication check; null: never used. */
	readonly lastUsedAt: number | null;
}

/**
 * A9: a portal-only customer of one site's service desk. Not an account: it never logs in to
 * Tessera and never keeps an account from using the same address.
 */
export interface DeskCustomer {
	readonly email: string;
	/** Normalised as C5 does (`normaliseEmail`): unique within the site's desk. */
	readonly emailKey: string;
	readonly name: string;
	readonly addedAt: number;
}

/** O1: a domain an organization added; `verified` makes its accounts managed (O2). */
export interface OrganizationDomain {
	/** Normalised as C5 does (`normaliseDomain`): the key of O2's domain index. */
	readonly domain: string;
	readonly status: 'pending' | 'verified';
	/**
	 * SHA-256 of the verification token (the DNS TXT value or the mailed code); the plain
	 * token is never kept (X1). domain.verify presents the hash of what it found.
	 */
	readonly tokenHash: string;
	readonly addedAt: number;
	readonly verifiedAt: number | null;
	/** O1: the latest verification mail (domain.mailCheck); absent or null: none sent. */
	readonly mailCheck?: DomainMailCheckState | null;
}

/** O1: where the latest verification mail went, the hash of its token, and until when it works. */
export interface DomainMailCheckState {
	readonly address: string;
	readonly tokenHash: string;
	readonly expiresAt: number;
}

/**
 * O3: the password policy of an organization's managed accounts. Strength is zxcvbn's score
 * (0–4), judged where the password is typed (the core never sees a password).
 */
export interface PasswordPolicy {
	readonly minStrength: number;
	readonly minLength: number;
	/** A password older than this many days must be replaced at the next log in; null: never. */
	readonly maxAgeDays: number | null;
}

/** O5: a person of the organization's (simulated) identity provider directory. */
export interface DirectoryPerson {
	readonly email: string;
	/** Normalised as accounts' are: unique in the directory. */
	readonly emailKey: string;
	readonly name: string;
	/** The provider password's PBKDF2 hash (X1); the simulated provider checks it. */
	readonly passwordHash: PasswordHash;
	/** Google groups (used by Google sync). */
	readonly groups: readonly string[];
}

/** O1: an organization, its admins (never none) and its domains. */
export interface Organization {
	readonly id: OrganizationId;
	readonly name: string;
	readonly admins: readonly AccountId[];
	readonly domains: readonly OrganizationDomain[];
	readonly createdAt: number;
	/** O3: absent or null (records from before O3 too): no password policy. */
	readonly passwordPolicy?: PasswordPolicy | null;
	/** O4: managed accounts must use two-step verification; absent: not required. */
	readonly requireTwoStep?: boolean;
	/** O5/A7: single sign-on provider of its managed accounts; absent: none. */
	readonly signIn?: 'saml' | 'google' | null;
	/** O5: the provider's directory, by email key order; absent: empty. */
	readonly directory?: readonly DirectoryPerson[];
	/** O5: the groups the last Google sync provisioned. */
	readonly syncedGroups?: readonly string[];
}

export type MailKind =
	| 'verify-email'
	| 'contact-invited'
	| 'contact-added'
	| 'contact-removed'
	| 'primary-replaced'
	| 'support-request'
	| 'renewal-reminder'
	| 'invoice'
	| 'handover-added'
	| 'handover-removed'
	| 'password-reset'
	| 'password-reset-idp'
	| 'confirm-email'
	| 'email-changed'
	| 'two-step-off'
	| 'account-deleted'
	| 'domain-check'
	// A13: security notices.
	| 'password-changed'
	| 'two-step-on'
	| 'recovery-codes-changed'
	| 'recovery-code-used'
	| 'admin-action'
	// A9: a service-desk customer became an account.
	| 'customer-migrated'
	// A11: a product user's address became an invited account.
	| 'users-upgraded'
	// A10: the support accounts of an address, to link one; C15: the desk's answer.
	| 'support-link'
	| 'support-answer';

export interface MailLink {
	readonly label: string;
	/** An app route, e.g. `/cant-log-in?email=…`. */
	readonly href: string;
}

export interface Mail {
	/** Deterministic: `${changeId}:${n}`, or `renewal:…` for renewal reminders. */
	readonly id: MailId;
	readonly to: string;
	/** The recipient's normalised address: the mailbox it is filed under. */
	readonly toKey: string;
	readonly subject: string;
	/** Plain text, never HTML (X4). */
	readonly body: string;
	readonly links: readonly MailLink[];
	readonly at: number;
	readonly changeId: ChangeId;
	readonly kind: MailKind;
}
