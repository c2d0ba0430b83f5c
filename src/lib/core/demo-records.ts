// P3: what the demo keeps around its sites and licenses, as plain data like demo-data.ts: the
// service-desk customers of the labs site (A9) and the billing records a renewal made (C14).
import type { DemoPersonKey } from './demo-data';

export interface DemoCustomer {
	readonly site: string;
	/** The site admin who added them. */
	readonly admin: DemoPersonKey;
	readonly email: string;
	readonly name: string;
}

/** A9: portal-only customers of northwind-labs.example.net's service desk (not accounts). */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
	{
		site: 's_demo_labs',
		admin: 'tom',
		email: 'kai.morgan@fourthcoffee.example',
		name: 'Kai Morgan'
	},
	{ site: 's_demo_labs', admin: 'tom', email: 'lena.fischer@gmail.com', name: 'Lena Fischer' },
	{ site: 's_demo_labs', admin: 'tom', email: 'it-help@wingtip.example', name: 'Wingtip IT' }
];

export interface DemoRenewal {
	readonly license: string;
	/** The primary billing contact, who sets the billing details and renews. */
	readonly by: DemoPersonKey;
	readonly details: { readonly name: string; readonly address: string; readonly taxId: string };
}

/** C14: Priya set the labs Repos license's billing details and renewed it once (one invoice). */
export const DEMO_RENEWALS: readonly DemoRenewal[] = [
	{
		license: 'l_demo_09',
		by: 'priya',
		details: {
			name: 'Northwind Labs GmbH',
			address: 'Hafenstraße 12\n20457 Hamburg\nGermany',
			taxId: 'DE123456789'
		}
	}
];
