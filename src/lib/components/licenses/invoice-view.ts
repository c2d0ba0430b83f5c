// C14: the invoice page's facts for one viewer: an invoice of a license the viewer may see the
// invoices of (C12: billing contacts), with its license and product named; null otherwise, so
// a technical contact or a stranger following a link learns nothing.
import { can, capabilitiesOf, findProduct, visibleLicenses } from '$lib/core';
import type { AccountId, Invoice, State } from '$lib/core';

export interface InvoiceView {
	readonly invoice: Invoice;
	readonly sen: string;
	readonly productName: string;
}

export function invoiceView(state: State, viewer: AccountId, number: string): InvoiceView | null {
	for (const license of visibleLicenses(state, viewer)) {
		const invoice = license.invoices?.find((i) => i.number === number);
		if (invoice === undefined) continue;
		if (!can(capabilitiesOf(state, viewer, license.id), 'see-invoices')) return null;
		return {
			invoice,
			sen: license.sen,
			productName: findProduct(license.productId)?.name ?? license.productId
		};
	}
	return null;
}
