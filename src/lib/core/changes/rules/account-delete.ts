// A8: deleting an account. Refused while the account is the primary contact of any license
// role: C7 says a license never loses its primary contacts, so this covers both A8's "a role
// that has other contacts" (make one of them primary first) and a role where it is the only
// contact (add someone else, then make them primary). The refusal lists every such role.
// Otherwise its other contacts are removed with it, it leaves every site it administers, its
// secrets are dropped and its address is free for a new account (not for this one: a deleted
// account stays deleted, A3). Only the holder may do it for now (an organization admin, A6,
// later).
import { accountDeleted } from '../../mail-accounts';
import type { PrimaryRole } from '../../errors';
import type { License } from '../../model';
import { CONTACT_ROLES } from '../../model';
import { holds, removeMember, roleOf, withRole } from '../../roles';
import { err } from '../../result';
import { requireSelf } from '../account-guards';
import type { AccountDelete } from '../account-types';
import { done } from '../draft';
import type { Draft, Outcome } from '../draft';

export function accountDelete(d: Draft, c: AccountDelete): Outcome {
	const self = requireSelf(d, c.payload.accountId);
	if (!self.ok) return self;
	const account = self.value;

	// Sorted, so the refusal reads the same on every device.
	const licenses: License[] = [];
	for (const id of d.state.licenseIdsByAccount.get(account.id) ?? []) {
		const license = d.license(id);
		if (license !== undefined) licenses.push(license);
	}
	licenses.sort((a, b) => (a.sen < b.sen ? -1 : a.sen > b.sen ? 1 : 0));

	const blocking: PrimaryRole[] = [];
	for (const license of licenses) {
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
	if (blocking.length > 0) return err({ code: 'primary-contact', licenses: blocking });

	let removedRoles = 0;
	for (const license of licenses) {
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
	d.send(account, accountDeleted(account, removedRoles));
	return done();
}
