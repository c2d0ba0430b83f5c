// What the license components show, computed from the core's State for one viewer: plain
// objects, so the components stay presentational and are tested without a store. The
// buttons a viewer gets follow the core's capability table (C12); the rules still decide.
// Queries (the searchable list, renewals due) are the core's; words are ui/'s.
import { can, capabilitiesOf, daysLeft, findProduct, members, renewalState } from '$lib/core';
import type {
	AccountId,
	BillingDetails,
	ContactRole,
	Hosting,
	License,
	LicenseId,
	ProductId,
	SiteId,
	State,
	SupportStatus
} from '$lib/core';

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
	/** C15: absent in views built before C15 (read as open). */
	readonly status?: SupportStatus;
	/** C15: the thread after the description; `by` null: the simulated support desk. */
	readonly thread?: readonly SupportMessageView[];
}

/** C15: one message of a support request's thread. */
export interface SupportMessageView {
	readonly id: string;
	readonly by: string | null;
	readonly text: string;
	readonly at: number;
}

/** C15: what a license card's support requests can do; without it, no thread actions. */
export interface SupportActions {
	readonly reply: (licenseId: LicenseId, requestId: string, text: string) => Promise<boolean>;
	readonly resolve: (licenseId: LicenseId, requestId: string) => Promise<void>;
	readonly reopen: (licenseId: LicenseId, requestId: string) => Promise<void>;
}

/** `soon`: due for renewal (the core's renewal window, C9). */
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
	/** C14/C12: the billing details, for the primary billing contact only (else undefined). */
	readonly billingDetails?: BillingDetails | null;
	/** C14/C12: Renew, for billing contacts. */
	readonly canRenew?: boolean;
	/** C14/C12: the invoices, newest first, for billing contacts only (else empty). */
	readonly invoices?: readonly InvoiceSummary[];
}

/** C14: one invoice as the license lists it; the invoice page shows the rest. */
export interface InvoiceSummary {
	readonly number: string;
	readonly at: number;
	readonly totalCents: number;
	readonly periodTo: number;
}

/** C14: what the license's billing forms hand to the page. */
export interface BillingActions {
	readonly save: (
		id: LicenseId,
		details: { name: string; address: string; taxId: string }
	) => Promise<boolean | FieldError>;
	readonly renew: (id: LicenseId) => Promise<void>;
}

/** A refusal to show on one field of a form, in words (from ui/). */
export interface FieldError {
	readonly field: string;
	readonly words: string;
}

/**
 * How an add (or a handover preview) went, as its form needs to know it: done, refused and
 * announced, or refused for one of its fields. `need-name` is `name-required` on Full name.
 */
export type AddOutcome = 'added' | 'need-name' | 'refused' | FieldError;

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

/** The core's renewal state (C9) as the card shows it, with the days left. */
export function expiryOf(expiresAt: number, now: number): { expiry: ExpiryState; days: number } {
	const state = renewalState(expiresAt, now);
	return { expiry: state === 'due' ? 'soon' : state, days: daysLeft(expiresAt, now) };
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
				by: state.accounts.get(r.by)?.email ?? r.by,
				status: r.status ?? 'open',
				thread: (r.thread ?? []).map((m) => ({
					id: m.id,
					by: m.by === null ? null : (state.accounts.get(m.by)?.email ?? m.by),
					text: m.text,
					at: m.at
				}))
			}))
			.sort((a, b) => b.at - a.at),
		...(can(roles, 'see-billing-address')
			? { billingDetails: license.billingDetails ?? null }
			: {}),
		canRenew: can(roles, 'renew'),
		invoices: can(roles, 'see-invoices')
			? (license.invoices ?? [])
					.map((i) => ({
						number: i.number,
						at: i.at,
						totalCents: i.totalCents,
						periodTo: i.periodTo
					}))
					.reverse()
			: []
	};
}
