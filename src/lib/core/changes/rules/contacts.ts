// License contacts (C2, C4–C8) and the site admin's "Make me billing contact" (C10).
import { can } from '../../capabilities';
import { contactAdded, contactInvited, contactRemoved, primaryReplaced } from '../../mail';
import type { Account, ContactRole, License, RoleContacts } from '../../model';
import { addMember, holds, promote, removeMember, roleOf, withRole } from '../../roles';
import type { Refusal } from '../../errors';
import { ok } from '../../result';
import type { Result } from '../../result';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import {
	domainCheck,
	requireActor,
	requireLicense,
	requireManage,
	resolvePerson,
	rolesIn
} from '../guards';
import type { BillingMakeMe, ContactAdd, ContactDelete, ContactMakePrimary } from '../types';

/** C4 (C2 for an empty role, C8 mail to the added contact). */
export function contactAdd(d: Draft, c: ContactAdd): Outcome {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const p = c.payload;
	const license = requireLicense(d, p.licenseId);
	if (!license.ok) return license;
	const allowed = requireManage(d, actor.value, license.value);
	if (!allowed.ok) return allowed;
	const person = resolvePerson(d, p.email, p.newAccount);
	if (!person.ok) return person;
	const { account, created } = person.value;
	const rc = roleOf(license.value, p.role);
	if (holds(rc, account.id)) return refuse('already-in-role');
	const next = withRole(license.value, p.role, addMember(rc, account.id));
	d.putLicense(next);
	d.send(
		account,
		created
			? contactInvited(account, next, p.role, actor.value)
			: contactAdded(account, next, p.role, actor.value)
	);
	return done();
}

/**
 * Makes `candidate` primary of `role` and mails the replaced primary (C8). The caller has
 * checked C5/C6 already.
 */
export function replacePrimary(
	d: Draft,
	license: License,
	role: ContactRole,
	candidate: Account,
	by: Account
): License {
	const rc = roleOf(license, role);
	const next = withRole(license, role, promote(rc, candidate.id));
	const replaced = rc === null || rc.primary === candidate.id ? undefined : d.account(rc.primary);
	if (replaced !== undefined)
		d.send(replaced, primaryReplaced(replaced, next, role, by, candidate));
	return next;
}

/** C5 (same non-public domain, by another contact) and C6 (always, for oneself). */
/**
 * What make-primary and delete both check first: an actor who may manage the license's
 * contacts (C3, C12) and a target who holds the role.
 */
function contactInRole(
	d: Draft,
	p: ContactMakePrimary['payload']
): Result<{ actor: Account; license: License; rc: NonNullable<RoleContacts> }, Refusal> {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const license = requireLicense(d, p.licenseId);
	if (!license.ok) return license;
	const allowed = requireManage(d, actor.value, license.value);
	if (!allowed.ok) return allowed;
	const rc = roleOf(license.value, p.role);
	if (rc === null || !holds(rc, p.accountId)) return refuse('not-in-role');
	return ok({ actor: actor.value, license: license.value, rc });
}

export function contactMakePrimary(d: Draft, c: ContactMakePrimary): Outcome {
	const p = c.payload;
	const found = contactInRole(d, p);
	if (!found.ok) return found;
	const { actor, license, rc } = found.value;
	if (rc.primary === p.accountId) return refuse('already-primary');
	const candidate = d.account(p.accountId);
	if (candidate === undefined) return refuse('unknown-account', { id: p.accountId });
	if (candidate.status !== 'active') return refuse('account-inactive', { id: candidate.id });
	if (candidate.id !== actor.id) {
		const primary = d.account(rc.primary);
		if (primary === undefined) return refuse('unknown-account', { id: rc.primary });
		const mismatch = domainCheck(candidate, primary, p.role);
		if (mismatch !== null) return { ok: false, error: mismatch };
	}
	d.putLicense(replacePrimary(d, license, p.role, candidate, actor));
	return done();
}

/** C7: removes a secondary contact; the primary must be replaced first. */
export function contactDelete(d: Draft, c: ContactDelete): Outcome {
	const p = c.payload;
	const found = contactInRole(d, p);
	if (!found.ok) return found;
	const { actor, license, rc } = found.value;
	if (rc.primary === p.accountId) return refuse('cannot-delete-primary');
	const next = withRole(license, p.role, removeMember(rc, p.accountId));
	d.putLicense(next);
	const removed = d.account(p.accountId);
	if (removed !== undefined) d.send(removed, contactRemoved(removed, next, p.role, actor));
	return done();
}

/**
 * C10: a site admin becomes primary billing contact of every cloud license of the site,
 * whatever their domain. Former primaries stay as secondaries and are mailed; technical
 * contacts are untouched.
 */
export function billingMakeMe(d: Draft, c: BillingMakeMe): Outcome {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const site = d.site(c.payload.siteId);
	if (site === undefined) return refuse('unknown-site', { id: c.payload.siteId });
	if (!site.admins.includes(actor.value.id)) return refuse('not-site-admin');
	const licenses: License[] = [];
	for (const id of d.state.licenseIdsBySite.get(site.id) ?? []) {
		const license = d.license(id);
		if (license !== undefined && license.hosting === 'cloud') licenses.push(license);
	}
	if (licenses.length === 0) return refuse('no-site-licenses');
	for (const license of licenses) {
		if (!can(rolesIn(d, license, actor.value), 'billing-overview')) return refuse('not-site-admin');
	}
	const todo = licenses
		.filter((l) => l.billing?.primary !== actor.value.id)
		.sort((a, b) => (a.sen < b.sen ? -1 : 1));
	if (todo.length === 0) return refuse('already-primary-billing');
	for (const license of todo)
		d.putLicense(replacePrimary(d, license, 'billing', actor.value, actor.value));
	return done();
}
