// Checks most rules share: who acts (S6), which license, may they manage its contacts (C3,
// C12), who an address stands for (C4), and the make-primary domain rule (C5/C6/C13).
import { can, rolesOn } from '../capabilities';
import type { LicenseRole } from '../capabilities';
import { isPublicDomain, normaliseEmail } from '../domains';
import type { DomainMismatchRefusal, Refusal } from '../errors';
import type { LicenseId } from '../ids';
import type { Account, ContactRole, License } from '../model';
import { ok } from '../result';
import type { Result } from '../result';
import { refuse } from './draft';
import type { Draft } from './draft';
import type { NewAccount } from './types';

export const MAX_NAME = 200;
export const MAX_SUBJECT = 200;
export const MAX_DESCRIPTION = 10_000;

/** Trimmed text between 1 and `max` characters, or null. */
export function text(s: string, max: number): string | null {
	const t = s.trim();
	return t.length === 0 || t.length > max ? null : t;
}

/** S6: the actor must be an existing, active account. */
export function requireActor(d: Draft): Result<Account, Refusal> {
	const id = d.change.actor;
	if (id === null) return refuse('not-allowed');
	const actor = d.account(id);
	if (actor === undefined) return refuse('unknown-account', { id });
	if (actor.status !== 'active') return refuse('not-allowed');
	return ok(actor);
}

export function requireLicense(d: Draft, id: LicenseId): Result<License, Refusal> {
	const license = d.license(id);
	return license === undefined ? refuse('unknown-license', { id }) : ok(license);
}

export function rolesIn(d: Draft, license: License, account: Account): ReadonlySet<LicenseRole> {
	return rolesOn(license, d.site(license.siteId), account.id);
}

/** The active actor, the license and the actor's roles on it; not a contact at all: C3. */
export interface ContactOf {
	readonly actor: Account;
	readonly license: License;
	readonly roles: ReadonlySet<LicenseRole>;
}

/** S6 then C3: an active actor who is a contact (or site admin, C12) of the license. */
export function requireContactOf(d: Draft, id: LicenseId): Result<ContactOf, Refusal> {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const license = requireLicense(d, id);
	if (!license.ok) return license;
	const roles = rolesIn(d, license.value, actor.value);
	if (roles.size === 0) return refuse('not-a-contact');
	return ok({ actor: actor.value, license: license.value, roles });
}

/** C3 then C12: not a contact at all, or a role without the manage-contacts capability. */
export function requireManage(d: Draft, actor: Account, license: License): Result<true, Refusal> {
	const roles = rolesIn(d, license, actor);
	if (roles.size === 0) return refuse('not-a-contact');
	if (!can(roles, 'manage-contacts')) return refuse('not-allowed');
	return ok(true);
}

/**
 * C4: an address stands for the active account that has it; with none, `newAccount` names a
 * new invited, unverified account, written into the draft. A deactivated holder is refused.
 */
export function resolvePerson(
	d: Draft,
	email: string,
	newAccount: NewAccount | undefined
): Result<{ account: Account; created: boolean }, Refusal> {
	const address = normaliseEmail(email);
	if (address === null) return refuse('invalid-email');
	const existing = d.accountByEmailKey(address.key);
	if (existing !== undefined) {
		if (existing.status !== 'active') return refuse('account-inactive', { id: existing.id });
		return ok({ account: existing, created: false });
	}
	const name = newAccount === undefined ? null : text(newAccount.name, MAX_NAME);
	if (newAccount === undefined || name === null) return refuse('name-required');
	if (d.account(newAccount.accountId) !== undefined) {
		return refuse('duplicate-id', { id: newAccount.accountId });
	}
	const account: Account = {
		id: newAccount.accountId,
		email: address.email,
		emailKey: address.key,
		name,
		status: 'active',
		verified: false,
		source: 'password',
		invited: true,
		createdAt: d.change.at,
		secrets: {}
	};
	d.putAccount(account);
	return ok({ account, created: true });
}

const domainOf = (a: Account): string => a.emailKey.slice(a.emailKey.lastIndexOf('@') + 1);

/**
 * C5: someone else may make `candidate` primary only when both addresses share one domain
 * and it is not public. Returns the C13 refusal, or null when the promotion may go ahead.
 */
export function domainCheck(
	candidate: Account,
	primary: Account,
	role: ContactRole
): DomainMismatchRefusal | null {
	const candidateDomain = domainOf(candidate);
	const primaryDomain = domainOf(primary);
	const candidatePublic = isPublicDomain(candidateDomain);
	if (candidateDomain === primaryDomain && !candidatePublic) return null;
	const publicDomain = candidatePublic
		? candidateDomain
		: isPublicDomain(primaryDomain)
			? primaryDomain
			: null;
	return {
		code: 'primary-domain-mismatch',
		role,
		candidateDomain,
		primaryDomain,
		publicDomain,
		whoCanPromote: { accountId: candidate.id, email: candidate.email }
	};
}
