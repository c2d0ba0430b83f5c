// What the license components show, computed from the core's State for one viewer: plain
// objects, so the components stay presentational and are tested without a store. The
// buttons a viewer gets follow the core's capability table (C12); the rules still decide.
import { can, capabilitiesOf, findProduct, members, visibleLicenses } from '$lib/core';
import type {
	AccountId,
	ContactRole,
	Hosting,
	License,
	LicenseId,
	ProductId,
	SiteId,
	State
} from '$lib/core';

const DAY = 24 * 60 * 60 * 1000;
/** C9: renewal reminders go out for licenses expiring within this window. */
export const EXPIRING_SOON_DAYS = 30;

export interface ContactView {
	readonly accountId: AccountId;
	readonly name: string;
	readonly email: string;
	readonly primary: boolean;
	/** The viewer themselves (C6: they may always promote themselves). */
	readonly self: boolean;
	/** Created by someone else and has not verified the address yet (C4). */
	readonly invited: boolean;
}

export interface SupportRequestView {
	readonly id: string;
	readonly subject: string;
	readonly description: string;
	readonly at: number;
	readonly by: string;
}

export type ExpiryState = 'expired' | 'soon' | 'ok';

export interface LicenseView {
	readonly id: LicenseId;
	readonly sen: string;
	readonly productId: ProductId;
	readonly productName: string;
	readonly hosting: Hosting;
	readonly tier: number;
	readonly expiresAt: number;
	readonly expiry: ExpiryState;
	/** Whole days until expiry (negative once expired). */
	readonly daysLeft: number;
	readonly siteId: SiteId | null;
	readonly siteName: string | null;
	readonly billing: readonly ContactView[];
	readonly technical: readonly ContactView[];
	/** C12: add, delete, make primary. */
	readonly canManage: boolean;
	/** C12/C9: technical contacts only. */
	readonly canRequestSupport: boolean;
	/** C12/C10: the viewer administers the license's cloud site. */
	readonly canSeeBillingOverview: boolean;
	readonly supportRequests: readonly SupportRequestView[];
}

/** How an add went, as the add form needs to know it (the page announces the words). */
export type AddOutcome = 'added' | 'need-name' | 'refused';

export function productName(id: string): string {
	return findProduct(id)?.name ?? id;
}

function contacts(state: State, license: License, role: ContactRole, viewer: AccountId) {
	const rc = role === 'billing' ? license.billing : license.technical;
	return members(rc).map((id): ContactView => {
		const account = state.accounts.get(id);
		return {
			accountId: id,
			name: account?.name ?? 'Unknown account',
			email: account?.email ?? id,
			primary: rc?.primary === id,
			self: id === viewer,
			invited: account?.invited === true && !account.verified
		};
	});
}

export function expiryOf(expiresAt: number, now: number): { expiry: ExpiryState; days: number } {
	const days = Math.ceil((expiresAt - now) / DAY);
	if (expiresAt <= now) return { expiry: 'expired', days };
	return { expiry: days <= EXPIRING_SOON_DAYS ? 'soon' : 'ok', days };
}

export function licenseView(
	state: State,
	viewer: AccountId,
	license: License,
	now: number
): LicenseView {
	const roles = capabilitiesOf(state, viewer, license.id);
	const site = license.siteId === null ? undefined : state.sites.get(license.siteId);
	const { expiry, days } = expiryOf(license.expiresAt, now);
	return {
		id: license.id,
		sen: license.sen,
		productId: license.productId,
		productName: productName(license.productId),
		hosting: license.hosting,
		tier: license.tier,
		expiresAt: license.expiresAt,
		expiry,
		daysLeft: days,
		siteId: license.siteId,
		siteName: site?.name ?? null,
		billing: contacts(state, license, 'billing', viewer),
		technical: contacts(state, license, 'technical', viewer),
		canManage: can(roles, 'manage-contacts'),
		canRequestSupport: can(roles, 'request-support'),
		canSeeBillingOverview: can(roles, 'billing-overview'),
		supportRequests: license.supportRequests
			.map((r) => ({
				id: r.id,
				subject: r.subject,
				description: r.description,
				at: r.at,
				by: state.accounts.get(r.by)?.email ?? r.by
			}))
			.sort((a, b) => b.at - a.at)
	};
}

/** One row of the searchable index: the license and the text a query is matched against. */
export interface IndexedLicense {
	readonly license: License;
	/** Lower-case SEN and every contact's email, space-separated. */
	readonly text: string;
}

/** C3's list for the viewer with its search text; costs the size of the answer. */
export function licenseIndex(state: State, viewer: AccountId): readonly IndexedLicense[] {
	return visibleLicenses(state, viewer).map((license) => {
		const parts = [license.sen.toLowerCase()];
		for (const id of [...members(license.billing), ...members(license.technical)]) {
			const key = state.accounts.get(id)?.emailKey;
			if (key !== undefined) parts.push(key);
		}
		return { license, text: parts.join(' ') };
	});
}

export interface LicenseFilter {
	/** A catalog product id, or '' for every product. */
	readonly productId: string;
	/** Part of a SEN or of a contact's email; '' matches everything. */
	readonly query: string;
}

export function filterLicenses(
	index: readonly IndexedLicense[],
	filter: LicenseFilter
): readonly License[] {
	const query = filter.query.trim().toLowerCase();
	const out: License[] = [];
	for (const row of index) {
		if (filter.productId !== '' && row.license.productId !== filter.productId) continue;
		if (query !== '' && !row.text.includes(query)) continue;
		out.push(row.license);
	}
	return out;
}

/** C11: everyone who is a contact on a license the viewer may manage (C12), by name. */
export function manageablePeople(
	state: State,
	viewer: AccountId
): { readonly id: AccountId; readonly label: string }[] {
	const ids = new Set<AccountId>();
	for (const id of state.licenseIdsByAccount.get(viewer) ?? []) {
		const license = state.licenses.get(id);
		if (license === undefined || !can(capabilitiesOf(state, viewer, id), 'manage-contacts')) {
			continue;
		}
		for (const person of [...members(license.billing), ...members(license.technical)]) {
			ids.add(person);
		}
	}
	const out: { id: AccountId; label: string }[] = [];
	for (const id of ids) {
		const account = state.accounts.get(id);
		if (account !== undefined) out.push({ id, label: `${account.name} (${account.email})` });
	}
	return out.sort((a, b) => a.label.localeCompare(b.label));
}

export function formatDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function formatMoney(cents: number): string {
	return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}

export const HOSTING_WORDS: Readonly<Record<Hosting, string>> = {
	server: 'Server',
	cloud: 'Cloud'
};

export const ROLE_HEADINGS: Readonly<Record<ContactRole, string>> = {
	billing: 'Billing contacts',
	technical: 'Technical contacts'
};

export const ROLE_FIELD: Readonly<Record<ContactRole, string>> = {
	billing: 'Billing contact email',
	technical: 'Technical contact email'
};
