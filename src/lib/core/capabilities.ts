// C12 as data: what each role on a license may do. Every rule that checks permission reads
// this table (X3), and C3 (who sees a license) is answered from the state's indexes so the
// license list stays fast with thousands of licenses.
import type { AccountId, LicenseId } from './ids';
import type { License, Site } from './model';
import type { State } from './state';

export const LICENSE_ROLES = [
	'primary-billing',
	'secondary-billing',
	'primary-technical',
	'secondary-technical',
	'site-admin'
] as const;
export type LicenseRole = (typeof LICENSE_ROLES)[number];

export const CAPABILITIES = [
	'see-license',
	'manage-contacts',
	'receive-billing-mail',
	'see-billing-address',
	'request-support',
	'billing-overview',
	'edit-billing-details',
	'renew',
	'see-invoices'
] as const;
export type Capability = (typeof CAPABILITIES)[number];

type Row = Readonly<Record<LicenseRole, boolean>>;

/**
 * C12, row for row. `site-admin` is only ever granted on cloud licenses of a site the
 * account administers, which is the table's "its site's licenses".
 */
export const CAPABILITY_TABLE: Readonly<Record<Capability, Row>> = Object.freeze({
	// see the license and its contacts (C3)
	'see-license': row(true, true, true, true, true),
	// add, delete, make primary (C4–C7)
	'manage-contacts': row(true, true, true, true, false),
	// receive quotes, invoices, renewal reminders (C9)
	'receive-billing-mail': row(true, true, false, false, false),
	// see the billing name, address and tax id (C14)
	'see-billing-address': row(true, false, false, false, false),
	// set the billing name, address and tax id (C14)
	'edit-billing-details': row(true, false, false, false, false),
	// renew for one term, which issues an invoice (C14)
	renew: row(true, true, false, false, false),
	// see the invoices listed under the license (C14)
	'see-invoices': row(true, true, false, false, false),
	// request support (C9)
	'request-support': row(false, false, true, true, false),
	// see the billing estimate, make me billing contact (C10)
	'billing-overview': row(false, false, false, false, true)
});

function row(pb: boolean, sb: boolean, pt: boolean, st: boolean, admin: boolean): Row {
	return Object.freeze({
		'primary-billing': pb,
		'secondary-billing': sb,
		'primary-technical': pt,
		'secondary-technical': st,
		'site-admin': admin
	});
}

/** True when any of the roles has the capability. No roles: nothing is allowed. */
export function can(roles: Iterable<LicenseRole>, capability: Capability): boolean {
	const allowed = CAPABILITY_TABLE[capability];
	for (const r of roles) if (allowed[r]) return true;
	return false;
}

/** The roles an account holds on a license, from the records themselves. */
export function rolesOn(
	license: License,
	site: Site | undefined,
	account: AccountId
): ReadonlySet<LicenseRole> {
	const roles = new Set<LicenseRole>();
	const { billing, technical } = license;
	if (billing?.primary === account) roles.add('primary-billing');
	else if (billing?.secondary.includes(account)) roles.add('secondary-billing');
	if (technical?.primary === account) roles.add('primary-technical');
	else if (technical?.secondary.includes(account)) roles.add('secondary-technical');
	if (
		license.hosting === 'cloud' &&
		site !== undefined &&
		site.id === license.siteId &&
		site.admins.includes(account)
	) {
		roles.add('site-admin');
	}
	return roles;
}

/**
 * The roles `accountId` holds on the license. An account that is missing or not active holds
 * none: erring on the side of refusing.
 */
export function capabilitiesOf(
	state: State,
	accountId: AccountId,
	licenseId: LicenseId
): ReadonlySet<LicenseRole> {
	const license = state.licenses.get(licenseId);
	if (license === undefined || state.accounts.get(accountId)?.status !== 'active') {
		return new Set();
	}
	const site = license.siteId === null ? undefined : state.sites.get(license.siteId);
	return rolesOn(license, site, accountId);
}

/** C3: may this account see this license? */
export function canSee(state: State, accountId: AccountId, licenseId: LicenseId): boolean {
	return can(capabilitiesOf(state, accountId, licenseId), 'see-license');
}

/**
 * C3: the licenses an account may see (a contact of either role, or an admin of the license's
 * cloud site), ordered by SEN. Reads the indexes, so it costs the size of the answer.
 */
export function visibleLicenses(state: State, accountId: AccountId): readonly License[] {
	if (state.accounts.get(accountId)?.status !== 'active') return [];
	const ids = new Set(state.licenseIdsByAccount.get(accountId));
	for (const siteId of state.siteIdsByAdmin.get(accountId) ?? []) {
		for (const id of state.licenseIdsBySite.get(siteId) ?? []) ids.add(id);
	}
	const out: License[] = [];
	for (const id of ids) {
		const license = state.licenses.get(id);
		if (license !== undefined && canSee(state, accountId, id)) out.push(license);
	}
	return out.sort((a, b) => (a.sen < b.sen ? -1 : a.sen > b.sen ? 1 : 0));
}
