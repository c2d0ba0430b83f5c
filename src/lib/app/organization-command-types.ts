// The organization commands of the command map (O1): inputs and outputs, declared once. A
// refusal is the core's, or what only the app knows (organizations/: DNS, finding a person).
import type { AccountId, OrganizationId } from '$lib/core';
import type { Committed } from '$lib/store/types';
import type { AuditLoad, DeviceChain } from './organizations/audit';
import type { DirectoryPersonInput, GoogleSyncReport, SignInChoice } from './organizations/sso';

interface DomainRef {
	readonly organizationId: OrganizationId;
	readonly domain: string;
}

export interface OrganizationInputs {
	/** O1: the actor becomes its first admin. */
	'organization.create': { readonly name: string };
	/** O1: an active account on this device, by email. */
	'organization.addAdmin': { readonly organizationId: OrganizationId; readonly email: string };
	/** O1: never the last admin. */
	'organization.removeAdmin': {
		readonly organizationId: OrganizationId;
		readonly accountId: AccountId;
	};
	/** O1: pending, with its TXT record to publish. */
	'domain.add': DomainRef;
	/** O1/O2: its accounts are no longer managed. */
	'domain.remove': DomainRef;
	/** O1: a verification mail to an address at the domain. */
	'domain.mailCheck': DomainRef & { readonly address: string };
	/** O1: the mail's link, opened by an admin. */
	'domain.verifyByMail': DomainRef & { readonly token: string };
	/** O1: a DNS-over-HTTPS look-up of the domain's TXT record, then verify. */
	'domain.checkDns': DomainRef & { readonly resolver: string };
	/** O6: the audit log's entries, newest first (a read). */
	'audit.load': { readonly organizationId: OrganizationId };
	/** O6 + X5: the chain status of the devices behind the entries (a read). */
	'audit.chains': { readonly organizationId: OrganizationId; readonly devices: readonly string[] };
	/** O5/A7: how the managed accounts sign in (none, SAML or Google). */
	'organization.setSignIn': {
		readonly organizationId: OrganizationId;
		readonly provider: SignInChoice;
	};
	/** O5: adds or edits a person of the simulated directory (X1: the password hashed first). */
	'directory.put': DirectoryPersonInput;
	/** O5: always confirmed (a later Google sync deactivates their account). */
	'directory.remove': { readonly organizationId: OrganizationId; readonly email: string };
	/** O5: provisions the groups' members, renames, deactivates leavers; answers its report. */
	'google.sync': { readonly organizationId: OrganizationId; readonly groups: readonly string[] };
}

export interface OrganizationOutputs {
	'organization.create': { readonly committed: Committed; readonly organizationId: OrganizationId };
	'organization.addAdmin': Committed;
	'organization.removeAdmin': Committed;
	'domain.add': Committed;
	'domain.remove': Committed;
	'domain.mailCheck': Committed;
	'domain.verifyByMail': Committed;
	'domain.checkDns': Committed;
	'audit.load': AuditLoad;
	'audit.chains': readonly DeviceChain[];
	'organization.setSignIn': Committed;
	'directory.put': Committed;
	'directory.remove': Committed;
	'google.sync': { readonly committed: Committed; readonly report: GoogleSyncReport };
}

export type OrganizationCommandName = keyof OrganizationInputs;
