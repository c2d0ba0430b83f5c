// License views for component tests: what licenseView() would build, without a store.
import { accountId, licenseId, productId, siteId } from '$lib/core';
import type { ContactView, LicenseView } from '$lib/components/licenses/view';

export const DAY = 24 * 60 * 60 * 1000;

export function contactView(
	key: string,
	overrides: Partial<Omit<ContactView, 'accountId'>> = {}
): ContactView {
	return {
		accountId: accountId(`a-${key}`),
		name: key[0]?.toUpperCase() + key.slice(1),
		email: `${key}@acme.com`,
		primary: false,
		self: false,
		invited: false,
		...overrides
	};
}

export function licenseViewOf(overrides: Partial<LicenseView> = {}): LicenseView {
	return {
		id: licenseId('l-1'),
		sen: 'SEN-1234567890',
		productId: productId('issues'),
		productName: 'Tessera Issues',
		hosting: 'server',
		tier: 25,
		expiresAt: Date.UTC(2031, 0, 15),
		expiry: 'ok',
		daysLeft: 200,
		siteId: null,
		siteName: null,
		billing: [contactView('alice', { primary: true, self: true }), contactView('bob')],
		technical: [contactView('alice', { primary: true, self: true })],
		canManage: true,
		canRequestSupport: true,
		canSeeBillingOverview: false,
		supportRequests: [],
		...overrides
	};
}

/** A cloud license seen by an admin of its site who is not one of its contacts (C12). */
export function adminOnlyView(): LicenseView {
	return licenseViewOf({
		hosting: 'cloud',
		siteId: siteId('s-1'),
		siteName: 'acme.example.net',
		billing: [contactView('carol', { primary: true })],
		technical: [contactView('dave', { primary: true })],
		canManage: false,
		canRequestSupport: false,
		canSeeBillingOverview: true
	});
}
