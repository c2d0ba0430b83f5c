// A8: deleting an account. Refused while the account is the primary contact of any license
// role: C7 says a license never loses its primary contacts, so this covers both A8's "a role
// that has other contacts" (make one of them primary first) and a role where it is the only
// contact (add someone else, then make them primary). The refusal lists every such role.
// Otherwise its other contacts are removed with it, it leaves every site it administers, its
// secrets are dropped and its address is free for a new account (not for this one: a deleted
// account stays deleted, A3). The holder deletes an unmanaged account; an admin of its
// organization deletes a managed one (A6, rules/managed.ts, through `removeAccount`).
import { accountDeleted } from '../../mail-accounts';
import type { PrimaryContactRefusal, PrimaryRole } from '../../errors';
import type { Account, License } from '../../model';
import { CONTACT_ROLES } from '../../model';
import { holds, removeMember, roleOf, withRole } from '../../roles';
import { err, ok } from '../../result';
import type { Result } from '../../result';
import { requireSelf, requireUnmanaged } from '../account-guards';
import type { AccountDelete } from '../account-types';
import { done } from '../draft';
import type { Draft, Outcome } from '../draft';

/** The account's licenses, sorted by SEN so refusals read the same on every device. */
function licensesOf(d: Draft, account: Account): License[] {
	const licenses: License[] = [];
	for (const id of d.state.licenseIdsByAccount.get(account.id) ?? []) {
		const license = d.license(id);
		if (license !== undefined) licenses.push(license);
	}
	return licenses.sort((a, b) => (a.sen < b.sen ? -1 : a.sen > b.sen ? 1 : 0));
}

/** A8: the roles where the account is primary (deletion and deactivation wait for them). */
export function primaryBlockers(d: Draft, account: Account): PrimaryContactRefusal | null {
	const blocking: PrimaryRole[] = [];
	for (const license of licensesOf(d, account)) {
		for (const role of CONTACT_ROLES) {
			const rc = roleOf(license, role);
			if (rc?.primary !== account.id) continue;
			blocking.push({
				licenseId: license.id,
				sen: license.sen,
				role,
				soleContact: rc.secondary.length === 0
			});
		}
	}
	return blocking.length > 0 ? { code: 'primary-contact', licenses: blocking } : null;
}

/**
 * A8: deletes the account unless it is primary somewhere; answers how many contact roles it
 * left. The caller mails the notice (the holder's own, or the admin's, A13).
 */
export function removeAccount(d: Draft, account: Account): Result<number, PrimaryContactRefusal> {
	const blocked = primaryBlockers(d, account);
	if (blocked !== null) return err(blocked);
	let removedRoles = 0;
	for (const license of licensesOf(d, account)) {
		let next = license;
		for (const role of CONTACT_ROLES) {
			if (!holds(roleOf(next, role), account.id)) continue;
			next = withRole(next, role, removeMember(roleOf(next, role), account.id));
			removedRoles++;
		}
		d.putLicense(next);
	}
	for (const siteId of d.state.siteIdsByAdmin.get(account.id) ?? []) {
		const site = d.site(siteId);
		if (site === undefined) continue;
		d.putSite({ ...site, admins: site.admins.filter((id) => id !== account.id) });
	}
	d.putAccount({ ...account, status: 'deleted', avatar: null, secrets: {} });
	return ok(removedRoles);
}

export function accountDelete(d: Draft, c: AccountDelete): Outcome {
	const self = requireSelf(d, c.payload.accountId);
	if (!self.ok) return self;
	// A6: an admin of the organization deletes a managed account, not its holder.
	const unmanaged = requireUnmanaged(d, self.value);
	if (!unmanaged.ok) return unmanaged;
	const account = unmanaged.value;
	const removed = removeAccount(d, account);
	if (!removed.ok) return removed;
	d.send(account, accountDeleted(account, removed.value));
	return done();
}
