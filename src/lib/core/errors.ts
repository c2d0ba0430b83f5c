// Why a change was refused, as stable codes (a frozen map of keys, so the UI
// and the sync conflict list never match on message text). Words for people are made from
// these codes outside the core. Broken invariants (a programming error, not a user's) throw
// the small error classes at the end instead.
import type { AccountId, LicenseId } from './ids';
import type { ContactRole } from './model';

export const REFUSAL_CODES = Object.freeze({
	/** C3: the actor is not a contact of the license (nor an admin of its site). */
	notAContact: 'not-a-contact',
	/** C12/X3: the actor holds a role there, but the capability table does not allow this. */
	notAllowed: 'not-allowed',
	/** C4: the account already holds that role on the license. */
	alreadyInRole: 'already-in-role',
	/** C4: no account has the address, and no name for a new one was given. */
	nameRequired: 'name-required',
	invalidEmail: 'invalid-email',
	/** C5/C6/C13: make primary by someone else needs the same, non-public domain. */
	primaryDomainMismatch: 'primary-domain-mismatch',
	/** C7: promote someone else first. */
	cannotDeletePrimary: 'cannot-delete-primary',
	notInRole: 'not-in-role',
	alreadyPrimary: 'already-primary',
	unknownLicense: 'unknown-license',
	unknownSite: 'unknown-site',
	unknownAccount: 'unknown-account',
	unknownProduct: 'unknown-product',
	duplicateSen: 'duplicate-sen',
	duplicateId: 'duplicate-id',
	/** Another account already uses the address. */
	emailTaken: 'email-taken',
	/** The account with that address is deactivated or deleted. */
	accountInactive: 'account-inactive',
	siteNameTaken: 'site-name-taken',
	/** C0/C10: only a site admin may do this. */
	notSiteAdmin: 'not-site-admin',
	/** C10: the admin already is primary billing contact of every cloud license of the site. */
	alreadyPrimaryBilling: 'already-primary-billing',
	/** C10: the site has no cloud licenses. */
	noSiteLicenses: 'no-site-licenses',
	/** C9: only technical contacts request support. */
	notTechnicalContact: 'not-technical-contact',
	/** C14: only billing contacts renew a license. */
	notBillingContact: 'not-billing-contact',
	/** C14: only the primary billing contact sees and edits the billing details. */
	notPrimaryBilling: 'not-primary-billing',
	/** C11: handing over to the same person. */
	sameAccount: 'same-account',
	/** C11: the actor can manage no license where that person is a contact. */
	nothingToHandOver: 'nothing-to-hand-over',
	/** A1/A4/A5: the token matches no pending verification, reset or email change. */
	invalidToken: 'invalid-token',
	/** A4: a reset link works once. */
	tokenUsed: 'token-used',
	/** A4: the reset link's time ran out (at `expiresAt` exactly it is too late). */
	tokenExpired: 'token-expired',
	/** A1: the address is verified already (a second click on the link, or an IdP account). */
	alreadyVerified: 'already-verified',
	/** A7: name, password and two-step settings belong to the identity provider. */
	managedByIdp: 'managed-by-idp',
	/** A4: a "first" password only for an account that has none; otherwise change or reset. */
	passwordAlreadySet: 'password-already-set',
	twoStepAlreadyEnabled: 'two-step-already-enabled',
	twoStepNotEnabled: 'two-step-not-enabled',
	/** X2: a TOTP code (its time step, or an earlier one) is accepted once. */
	codeReused: 'code-reused',
	/** A2: not one of the account's unused recovery codes. */
	invalidRecoveryCode: 'invalid-recovery-code',
	/** A8 (with C7): the account is primary somewhere; the refusal lists where. */
	primaryContact: 'primary-contact',
	/** X6: the enrollment names a key that is not one of the account's signing keys. */
	unknownKey: 'unknown-key',
	/** X6: the device is already enrolled (for some account) with a different device key. */
	deviceKeyMismatch: 'device-key-mismatch',
	/** X6: account.setKeys for an account that has a usable key already. */
	signingKeyExists: 'signing-key-exists',
	/**
	 * X6/A4: a reset of an account with two-step verification on needs one of its recovery
	 * codes (the TOTP secret is sealed under the old password and lost with it).
	 */
	recoveryCodeRequired: 'recovery-code-required',
	/** O1: the organization is not on this device. */
	unknownOrganization: 'unknown-organization',
	/** O1: only an admin of the organization may change it. */
	notOrganizationAdmin: 'not-organization-admin',
	/** O1: the account already is an admin of the organization. */
	alreadyAdmin: 'already-admin',
	/** O1: the account is not an admin of the organization. */
	notAnAdmin: 'not-an-admin',
	/** O1: an organization never has zero admins. */
	lastAdmin: 'last-admin',
	/** O1: not a plain DNS name (after C5's normalisation). */
	invalidDomain: 'invalid-domain',
	/** O2/C5: a public mail domain is never verified. */
	publicDomain: 'public-domain',
	/** O1: another organization verified that domain. */
	domainTaken: 'domain-taken',
	/** O1: the organization already has that domain. */
	domainAlreadyAdded: 'domain-already-added',
	/** O1: the organization does not have that domain. */
	unknownDomain: 'unknown-domain',
	/** O1: only a pending domain is verified. */
	domainAlreadyVerified: 'domain-already-verified',
	/** A6/O2: the account is on no domain the named organization has verified. */
	notManaged: 'not-managed',
	/** A6: the holder of a managed account asks an admin of its organization (carries its name). */
	managedAccount: 'managed-account',
	/** A6: an admin moves a managed account only to another domain its organization verified. */
	emailOutsideOrganization: 'email-outside-organization',
	/** A6: an admin deactivates or deletes their own account only through another admin. */
	ownAccount: 'own-account',
	/** A6: deactivating an account that is already deactivated. */
	alreadyDeactivated: 'already-deactivated',
	/** A6: reactivating an account that is active. */
	notDeactivated: 'not-deactivated',
	/** O1: a domain's verification mail goes to an address at that very domain. */
	addressNotAtDomain: 'address-not-at-domain',
	/** O1: verifying by mail needs a verification mail first. */
	noVerificationMail: 'no-verification-mail',
	/** O5: a directory person's address is at a domain the organization verified. */
	notAVerifiedDomain: 'not-a-verified-domain',
	/** O5: that address is not in the organization's directory. */
	notInDirectory: 'not-in-directory',
	/** O5: Google sync needs the organization to sign in through Google. */
	notGoogle: 'not-google',
	/** A9: the site's service desk already has a customer with that address. */
	customerExists: 'customer-exists',
	/** A9: the site's service desk has no customer with that address. */
	unknownCustomer: 'unknown-customer',
	/** A11: a product user uses at least one of the site's products. */
	productRequired: 'product-required',
	/** A11: the address already is a product user of one of those products on the site. */
	productUserExists: 'product-user-exists',
	/** A11: the site has no product user with that id. */
	unknownProductUser: 'unknown-product-user',
	/** A11: a site a bot is used on is not a host name. */
	invalidSiteName: 'invalid-site-name',
	/** A11: every product user of the site already is an account. */
	nothingToUpgrade: 'nothing-to-upgrade',
	/** A14: the account already has an app password with that name. */
	appPasswordNameTaken: 'app-password-name-taken',
	/** A14: the account has no app password with that id. */
	unknownAppPassword: 'unknown-app-password',
	/** A10: the support system has no account with that id. */
	unknownSupportAccount: 'unknown-support-account',
	/** A10: no support account has the address. */
	noSupportAccounts: 'no-support-accounts',
	/** A10: an address keeps at most MAX_SUPPORT_ACCOUNTS support accounts. */
	supportAccountsFull: 'support-accounts-full',
	/** A10: the link's deadline has passed; send a new mail. */
	supportLinkExpired: 'support-link-expired',
	/** A10: the support account has another address than the one the mail went to. */
	supportAccountOtherEmail: 'support-account-other-email',
	/** A10: the support account is linked to another account. */
	supportAccountTaken: 'support-account-taken',
	/** C15: the license has no support request with that id. */
	unknownSupportRequest: 'unknown-support-request',
	/** C15: only the requester and the license's technical contacts act on a request. */
	notRequester: 'not-requester',
	/** C15: a resolved request takes no reply and is not resolved again; reopen it first. */
	supportRequestResolved: 'support-request-resolved',
	/** C15: only a resolved request is reopened. */
	supportRequestNotResolved: 'support-request-not-resolved',
	/** C15: the simulated desk answers a request once. */
	supportAnswered: 'support-answered',
	/** C15: a thread keeps at most MAX_THREAD messages. */
	supportThreadFull: 'support-thread-full',
	invalidPayload: 'invalid-payload',
	unknownChangeType: 'unknown-change-type'
} as const);

export type RefusalCode = (typeof REFUSAL_CODES)[keyof typeof REFUSAL_CODES];

/** C13: a refused make-primary names both domains, which is public, and who can still do it. */
export interface DomainMismatchRefusal {
	readonly code: 'primary-domain-mismatch';
	readonly role: ContactRole;
	readonly candidateDomain: string;
	readonly primaryDomain: string;
	/** The public one of the two domains, or null when neither is public. */
	readonly publicDomain: string | null;
	/** C6: the candidate themselves, after logging in. */
	readonly whoCanPromote: { readonly accountId: AccountId; readonly email: string };
}

/** One license role that keeps an account from being deleted (A8, C7). */
export interface PrimaryRole {
	readonly licenseId: LicenseId;
	readonly sen: string;
	readonly role: ContactRole;
	/**
	 * The account is the role's only contact: someone else must be added, then made primary.
	 * Otherwise making one of the other contacts primary is enough.
	 */
	readonly soleContact: boolean;
}

/** A8: deleting an account that is primary of any role; sorted by SEN, billing first. */
export interface PrimaryContactRefusal {
	readonly code: 'primary-contact';
	readonly licenses: readonly PrimaryRole[];
}

export interface PlainRefusal {
	readonly code: Exclude<RefusalCode, 'primary-domain-mismatch' | 'primary-contact'>;
	/** For invalid-payload: which payload field. */
	readonly field?: string;
	/** For duplicate-id / unknown-*: the id in question. */
	readonly id?: string;
	/** For managed-account: the name of the organization whose admins can do it (A6). */
	readonly organization?: string;
}

export type Refusal = DomainMismatchRefusal | PrimaryContactRefusal | PlainRefusal;

/**
 * Thrown when a rule needs data the caller must install first (the C5 public-domain list,
 * `usePublicDomains`). A programming error: the app loads the data before applying changes.
 */
export class RulesNotReadyError extends Error {
	readonly code = 'rules-not-ready';
	constructor(what: string) {
		super(`${what} is not installed yet: install it before applying changes`);
		this.name = 'RulesNotReadyError';
	}
}
