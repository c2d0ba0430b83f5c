// O5: single sign-on and the provider directory, as questions of the state. Google sync's plan
// is worked out here, once, from the state and the selected groups: the rule applies it and the
// app reports it, so what the admin reads is exactly what happened.
import { normaliseEmail } from './domains';
import type { AccountId, OrganizationId } from './ids';
import type { Account, DirectoryPerson, Organization } from './model';
import { managedBy } from './organization-queries';
import { CONTACT_ROLES } from './model';
import { roleOf } from './roles';
import type { State } from './state';

export interface GoogleSyncPlan {
	/** Members with no account: one is made for each (ids from the change's id). */
	readonly create: readonly DirectoryPerson[];
	/** Accounts whose full name differs from the directory's. */
	readonly rename: readonly { readonly account: Account; readonly name: string }[];
	/** Deactivated accounts of members: active again. */
	readonly reactivate: readonly Account[];
	/** Accounts of this organization that sign in through Google and left the groups. */
	readonly deactivate: readonly Account[];
	/**
	 * Leavers A8 keeps active: a primary contact of some license role, which an admin's
	 * managed.deactivate refuses too (rules/account-delete.ts `primaryBlockers`).
	 */
	readonly blocked: readonly Account[];
}

/** A8, as deactivating and deleting read it: the account is a primary contact somewhere. */
export function isPrimaryContact(state: State, id: AccountId): boolean {
	for (const licenseId of state.licenseIdsByAccount.get(id) ?? []) {
		const license = state.licenses.get(licenseId);
		if (license === undefined) continue;
		if (CONTACT_ROLES.some((role) => roleOf(license, role)?.primary === id)) return true;
	}
	return false;
}

/** The directory's members of any of `groups`, in email key order. */
export function groupMembers(org: Organization, groups: readonly string[]): DirectoryPerson[] {
	const wanted = new Set(groups);
	return (org.directory ?? []).filter((p) => p.groups.some((g) => wanted.has(g)));
}

/** O5: what a Google sync of `groups` would do now. */
export function planGoogleSync(
	state: State,
	org: Organization,
	groups: readonly string[]
): GoogleSyncPlan {
	const members = groupMembers(org, groups);
	const memberKeys = new Set(members.map((m) => m.emailKey));
	const create: DirectoryPerson[] = [];
	const rename: { account: Account; name: string }[] = [];
	const reactivate: Account[] = [];
	for (const person of members) {
		const id = state.accountIdByEmailKey.get(person.emailKey);
		const account = id === undefined ? undefined : state.accounts.get(id);
		if (account === undefined) {
			create.push(person);
			continue;
		}
		if (account.name !== person.name) rename.push({ account, name: person.name });
		if (account.status === 'deactivated') reactivate.push(account);
	}
	const deactivate: Account[] = [];
	const blocked: Account[] = [];
	const leavers = [...state.accounts.values()]
		.filter(
			(a) =>
				a.status === 'active' &&
				a.source === 'google' &&
				!memberKeys.has(a.emailKey) &&
				managedBy(state, a.id)?.id === org.id
		)
		.sort((a, b) => (a.emailKey < b.emailKey ? -1 : 1));
	for (const account of leavers) {
		(isPrimaryContact(state, account.id) ? blocked : deactivate).push(account);
	}
	return { create, rename, reactivate, deactivate, blocked };
}

/** O5/A7: the provider the account signs in through, from its organization (null: none). */
export function signInProviderOf(state: State, id: AccountId): 'saml' | 'google' | null {
	return managedBy(state, id)?.signIn ?? null;
}

/** O5: the directory person with that email key, in the organization managing the domain. */
export function directoryPerson(
	state: State,
	organization: OrganizationId,
	emailKey: string
): DirectoryPerson | undefined {
	return state.organizations.get(organization)?.directory?.find((p) => p.emailKey === emailKey);
}

/** O5/A7: where an address signs in when it is not with a Tessera password. */
export interface SignInRoute {
	readonly provider: 'saml' | 'google';
	/** The organization whose (simulated) provider it is; null: none verifies the domain now. */
	readonly organization: Organization | null;
}

/**
 * O5/A7: whether an address signs in through an identity provider, and which: an account whose
 * source is Google or SAML always does; any other address (with an account or not) does when
 * the organization that verified its domain uses single sign-on. Null: its Tessera password.
 * Only the domain's setting and what log in already tells (A7) are revealed.
 */
export function signInRoute(state: State, email: string): SignInRoute | null {
	const address = normaliseEmail(email);
	if (address === null) return null;
	const orgId = state.organizationIdByDomain.get(address.domain);
	const org = orgId === undefined ? null : (state.organizations.get(orgId) ?? null);
	const id = state.accountIdByEmailKey.get(address.key);
	const account = id === undefined ? undefined : state.accounts.get(id);
	if (account !== undefined && account.status !== 'deleted' && account.source !== 'password') {
		return { provider: account.source, organization: org };
	}
	const provider = org?.signIn ?? null;
	return provider === null ? null : { provider, organization: org };
}

/** O5/A7/X6: the account signs in through a provider (its key is sealed under that password). */
export function signsInThroughProvider(state: State, account: Account): boolean {
	return account.source !== 'password' || signInProviderOf(state, account.id) !== null;
}
