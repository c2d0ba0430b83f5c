// The organization changes (O1, O2). Only an admin of the organization changes it; the creator
// is its first admin. Tokens follow the account changes' rule: the core keeps and compares only
// SHA-256 hashes (X1), made before the change (S1).
import type { AccountId, OrganizationId } from '../ids';
import type { PasswordHash } from '../model';
import type { Envelope } from './envelope';

/** O1: the actor creates an organization and becomes its first admin. */
export type OrganizationCreate = Envelope<
	'organization.create',
	{ readonly organizationId: OrganizationId; readonly name: string }
>;

/** O1: an admin makes an existing, active account an admin too. */
export type OrganizationAddAdmin = Envelope<
	'organization.addAdmin',
	{ readonly organizationId: OrganizationId; readonly accountId: AccountId }
>;

/** O1: an admin removes an admin (themself included), never the last one. */
export type OrganizationRemoveAdmin = Envelope<
	'organization.removeAdmin',
	{ readonly organizationId: OrganizationId; readonly accountId: AccountId }
>;

/**
 * O1: an admin adds a domain, pending until verified. `tokenHash` is the SHA-256 of the
 * verification token: the value of the DNS TXT record to publish is this hash (DNS is public).
 */
export type DomainAdd = Envelope<
	'domain.add',
	{
		readonly organizationId: OrganizationId;
		readonly domain: string;
		readonly tokenHash: string;
	}
>;

/**
 * O1: an admin asks for a verification mail to an address at a pending domain (the offline
 * way to verify). Like the account mail, the change carries the plain `token` for the mail's
 * link and its hash, the only form the domain keeps; only the latest mail's link works, and
 * only until `expiresAt` (change time).
 */
export type DomainMailCheck = Envelope<
	'domain.mailCheck',
	{
		readonly organizationId: OrganizationId;
		readonly domain: string;
		readonly address: string;
		readonly token: string;
		readonly tokenHash: string;
		readonly expiresAt: number;
	}
>;

/**
 * O1/O2: an admin verifies a pending domain. 'dns': the admin's device found the domain's TXT
 * record (its value is the `tokenHash` domain.add made) through DNS-over-HTTPS; 'mail': the
 * hash of the token from the latest verification mail's link, before it expired.
 */
export type DomainVerify = Envelope<
	'domain.verify',
	{
		readonly organizationId: OrganizationId;
		readonly domain: string;
		readonly method: 'dns' | 'mail';
		readonly tokenHash: string;
	}
>;

/** O2: removing a domain ends the management of its accounts. */
export type DomainRemove = Envelope<
	'domain.remove',
	{ readonly organizationId: OrganizationId; readonly domain: string }
>;

/**
 * O5/A7: how the organization's managed accounts sign in: 'none' (their Tessera password),
 * 'saml' or 'google' (through that provider, simulated in the app).
 */
export type OrganizationSetSignIn = Envelope<
	'organization.setSignIn',
	{ readonly organizationId: OrganizationId; readonly provider: 'none' | 'saml' | 'google' }
>;

/**
 * O5: an admin adds or edits a person of the provider's directory (simulated): an address at a
 * domain the organization verified, a name, the provider password's PBKDF2 hash (X1, made
 * before the change) and Google groups.
 */
export type DirectoryPut = Envelope<
	'directory.put',
	{
		readonly organizationId: OrganizationId;
		readonly email: string;
		readonly name: string;
		readonly passwordHash: PasswordHash;
		readonly groups: readonly string[];
	}
>;

/** O5: an admin removes a person from the directory (a later Google sync deactivates them). */
export type DirectoryRemove = Envelope<
	'directory.remove',
	{ readonly organizationId: OrganizationId; readonly email: string }
>;

/**
 * O5 Google sync: accounts for the members of the selected groups (made with ids derived from
 * the change's id, so every device makes the same), names updated, members who left
 * deactivated. The plan is the core's (`planGoogleSync`), the same on every device.
 */
export type GoogleSync = Envelope<
	'google.sync',
	{ readonly organizationId: OrganizationId; readonly groups: readonly string[] }
>;

export type OrganizationChange =
	| OrganizationCreate
	| OrganizationAddAdmin
	| OrganizationRemoveAdmin
	| DomainAdd
	| DomainMailCheck
	| DomainVerify
	| DomainRemove
	| OrganizationSetSignIn
	| DirectoryPut
	| DirectoryRemove
	| GoogleSync;

export const ORGANIZATION_CHANGE_TYPES = [
	'organization.create',
	'organization.addAdmin',
	'organization.removeAdmin',
	'domain.add',
	'domain.mailCheck',
	'domain.verify',
	'domain.remove',
	'organization.setSignIn',
	'directory.put',
	'directory.remove',
	'google.sync'
] as const satisfies readonly OrganizationChange['type'][];
