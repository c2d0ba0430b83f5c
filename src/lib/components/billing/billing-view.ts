// What the Billing overview of a cloud site shows (C10): each cloud license with its price
// from the catalog and its primary contacts, the upcoming estimate, and whether the viewer
// gets "Make me billing contact". Only a site admin sees any of it (C12).
import { findProduct, monthlyEstimate, siteBillingEstimate } from '$lib/core';
import type { AccountId, LicenseId, SiteId, State } from '$lib/core';

export interface BillingRow {
	readonly id: LicenseId;
	readonly productName: string;
	readonly sen: string;
	readonly tier: number;
	/** Cents per user per month (cloud price). */
	readonly pricePerUser: number;
	readonly monthly: number;
	readonly expiresAt: number;
	readonly billingPrimary: string;
	readonly technicalPrimary: string;
	readonly viewerIsPrimaryBilling: boolean;
	/** C14: expired by now, so left out of the estimate. */
	readonly expired?: boolean;
}

export interface BillingView {
	readonly siteId: SiteId;
	readonly siteName: string;
	readonly isAdmin: boolean;
	readonly rows: readonly BillingRow[];
	/** Cents per month for the whole site, expired licenses left out (C14). */
	readonly total: number;
	/** C14: how many cloud licenses the estimate leaves out because they expired. */
	readonly expired?: number;
	/** C10: shown to a site admin who is not yet primary billing contact of every license. */
	readonly canMakeMe: boolean;
}

export function billingView(
	state: State,
	siteId: SiteId,
	viewer: AccountId,
	now: number
): BillingView | null {
	const site = state.sites.get(siteId);
	if (site === undefined) return null;
	const isAdmin = site.admins.includes(viewer) && state.accounts.get(viewer)?.status === 'active';
	const who = (id: AccountId | undefined): string => {
		const account = id === undefined ? undefined : state.accounts.get(id);
		return account === undefined ? '—' : `${account.name} (${account.email})`;
	};
	const rows: BillingRow[] = [];
	for (const id of isAdmin ? (state.licenseIdsBySite.get(siteId) ?? []) : []) {
		const license = state.licenses.get(id);
		if (license?.hosting !== 'cloud') continue;
		rows.push({
			id: license.id,
			productName: findProduct(license.productId)?.name ?? license.productId,
			sen: license.sen,
			tier: license.tier,
			pricePerUser: findProduct(license.productId)?.pricePerUser.cloud ?? 0,
			monthly: monthlyEstimate(license),
			expiresAt: license.expiresAt,
			billingPrimary: who(license.billing?.primary),
			technicalPrimary: who(license.technical?.primary),
			viewerIsPrimaryBilling: license.billing?.primary === viewer,
			expired: license.expiresAt <= now
		});
	}
	rows.sort((a, b) => (a.sen < b.sen ? -1 : a.sen > b.sen ? 1 : 0));
	return {
		siteId: site.id,
		siteName: site.name,
		isAdmin,
		rows,
		total: isAdmin ? siteBillingEstimate(state, siteId, now) : 0,
		expired: rows.filter((r) => r.expired).length,
		canMakeMe: isAdmin && rows.some((r) => !r.viewerIsPrimaryBilling)
	};
}
