// A9: reads of the service desks' portal-only customers.
import { normaliseEmail } from './domains';
import type { DeskCustomer, Site } from './model';
import type { State } from './state';

/** A9: the sites whose service desk has a customer with this address, sorted by name. */
export function deskSitesOf(state: State, email: string): Site[] {
	const key = normaliseEmail(email)?.key;
	if (key === undefined) return [];
	return [...state.sites.values()]
		.filter((s) => (s.customers ?? []).some((c) => c.emailKey === key))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A9: a site's customers, sorted by address. */
export function customersOf(site: Site): readonly DeskCustomer[] {
	return [...(site.customers ?? [])].sort((a, b) =>
		a.emailKey < b.emailKey ? -1 : a.emailKey > b.emailKey ? 1 : 0
	);
}

/** A9: the simulated help center of a site's service desk, where its customers go. */
export function helpCenterOf(site: Pick<Site, 'name'>): string {
	return `https://${site.name}/servicedesk/customer/portals`;
}
