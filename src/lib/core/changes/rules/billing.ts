// C14 billing records: the primary billing contact's billing details, and Renew, which moves
// the expiry one term on and issues an invoice. Who may do what is C12's table (X3).
import { can, rolesOn } from '../../capabilities';
import { findProduct } from '../../catalog';
import { invoiceIssued } from '../../mail-billing';
import type { BillingDetails, Invoice, License } from '../../model';
import { members } from '../../roles';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_NAME, requireContactOf, text } from '../guards';
import type { BillingSetDetails, LicenseRenew } from '../types';

/** C14: one term is a year of 365 days; Renew moves the expiry exactly this far. */
export const TERM_MS = 365 * 24 * 60 * 60 * 1000;
export const TERM_MONTHS = 12;
export const MAX_ADDRESS = 1000;
export const MAX_TAX_ID = 50;

/** C14/C12: only the primary billing contact sets the billing details. */
export function billingSetDetails(d: Draft, c: BillingSetDetails): Outcome {
	const p = c.payload;
	const contact = requireContactOf(d, p.licenseId);
	if (!contact.ok) return contact;
	const { license, roles } = contact.value;
	if (!can(roles, 'edit-billing-details')) return refuse('not-primary-billing');
	const name = text(p.name, MAX_NAME);
	if (name === null) return refuse('invalid-payload', { field: 'name' });
	const address = text(p.address, MAX_ADDRESS);
	if (address === null) return refuse('invalid-payload', { field: 'address' });
	const taxId = p.taxId.trim();
	if (taxId.length > MAX_TAX_ID) return refuse('invalid-payload', { field: 'taxId' });
	const billingDetails: BillingDetails = { name, address, taxId };
	d.putLicense({ ...license, billingDetails });
	return done();
}

/** C14: the invoice a renewal of `license` by change `c` issues. Pure: same on every device. */
export function invoiceFor(license: License, c: LicenseRenew, by: Invoice['by']): Invoice {
	const product = findProduct(license.productId);
	const monthly = product === undefined ? 0 : product.pricePerUser[license.hosting];
	const unitCents = monthly * TERM_MONTHS;
	const amountCents = unitCents * license.tier;
	const name = product?.name ?? license.productId;
	const hosting = license.hosting === 'cloud' ? 'Cloud' : 'Server';
	return {
		number: `INV-${c.id}`,
		licenseId: license.id,
		at: c.at,
		periodFrom: license.expiresAt,
		periodTo: license.expiresAt + TERM_MS,
		lines: [
			{
				description: `${name} ${hosting}, ${license.tier} users, ${TERM_MONTHS} months (${license.sen})`,
				quantity: license.tier,
				unitCents,
				amountCents
			}
		],
		totalCents: amountCents,
		billTo: license.billingDetails ?? null,
		by
	};
}

/** C14: a billing contact renews: expiry one term on, invoice stored and mailed. */
export function licenseRenew(d: Draft, c: LicenseRenew): Outcome {
	const contact = requireContactOf(d, c.payload.licenseId);
	if (!contact.ok) return contact;
	const { actor, license, roles } = contact.value;
	if (!can(roles, 'renew')) return refuse('not-billing-contact');
	const invoice = invoiceFor(license, c, actor.id);
	const renewed: License = {
		...license,
		expiresAt: invoice.periodTo,
		invoices: [...(license.invoices ?? []), invoice]
	};
	d.putLicense(renewed);
	const site = d.site(renewed.siteId);
	for (const id of members(renewed.billing)) {
		const account = d.account(id);
		if (account?.status !== 'active') continue;
		if (!can(rolesOn(renewed, site, id), 'receive-billing-mail')) continue;
		d.send(account, invoiceIssued(account, renewed, invoice));
	}
	return done();
}
