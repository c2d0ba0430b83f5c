// O1/O2 questions the UI and later rules (A6) ask of the state.
import type { AccountId, OrganizationId } from './ids';
import type { Organization } from './model';
import type { State } from './state';

/** The domain part of a normalised email key (`local@domain`). */
const keyDomain = (emailKey: string): string => emailKey.slice(emailKey.lastIndexOf('@') + 1);

/**
 * O2: the organization that manages the account (its email domain is verified there), or
 * null. A deleted account is managed by nobody.
 */
export function managedBy(state: State, id: AccountId): Organization | null {
	const account = state.accounts.get(id);
	if (account === undefined || account.status === 'deleted') return null;
	const orgId = state.organizationIdByDomain.get(keyDomain(account.emailKey));
	return orgId === undefined ? null : (state.organizations.get(orgId) ?? null);
}

/** O1: whether the account is an admin of the organization. */
export function isOrganizationAdmin(
	state: State,
	organization: OrganizationId,
	account: AccountId
): boolean {
	return state.organizations.get(organization)?.admins.includes(account) ?? false;
}

/** O1: the organizations the account administers, by name. */
export function organizationsOf(state: State, account: AccountId): Organization[] {
	return [...state.organizations.values()]
		.filter((o) => o.admins.includes(account))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** O1: the DNS TXT record a pending domain's admin publishes (its value holds the token hash). */
export const TXT_RECORD_PREFIX = 'tessera-domain-verification=';

export function txtRecordOf(tokenHash: string): string {
	return `${TXT_RECORD_PREFIX}${tokenHash}`;
}
