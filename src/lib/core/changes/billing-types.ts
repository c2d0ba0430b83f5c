// The billing record changes (C14): the primary billing contact sets the billing details, and a
// billing contact renews a license, which issues an invoice numbered from the change itself.
import type { LicenseId } from '../ids';
import type { Envelope } from './envelope';

/** C14: the primary billing contact sets the billing name, address and tax id. */
export type BillingSetDetails = Envelope<
	'billing.setDetails',
	{
		readonly licenseId: LicenseId;
		readonly name: string;
		readonly address: string;
		/** Empty: no tax id. */
		readonly taxId: string;
	}
>;

/** C14: a billing contact renews for one term; the invoice is `INV-<change id>`. */
export type LicenseRenew = Envelope<'license.renew', { readonly licenseId: LicenseId }>;

export type BillingChange = BillingSetDetails | LicenseRenew;

export const BILLING_CHANGE_TYPES = [
	'billing.setDetails',
	'license.renew'
] as const satisfies readonly BillingChange['type'][];
