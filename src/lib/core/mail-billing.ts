// C14: the invoice mail that Renew sends to each billing contact. Plain text (X4).
import { describeLicense } from './mail';
import type { MailContent } from './mail';
import type { Account, Invoice, License } from './model';

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Cents as `1234.50`: whole cents, so the sums on every device agree. */
export function amount(cents: number): string {
	return (cents / 100).toFixed(2);
}

export function invoiceIssued(to: Account, license: License, invoice: Invoice): MailContent {
	return {
		kind: 'invoice',
		subject: `Invoice ${invoice.number} for ${describeLicense(license)}`,
		body:
			`Hello ${to.name},\n\n${describeLicense(license)} was renewed until ` +
			`${isoDay(invoice.periodTo)}. Invoice ${invoice.number} of ${isoDay(invoice.at)} ` +
			`comes to USD ${amount(invoice.totalCents)}.`,
		links: [{ label: 'Open the invoice', href: `/invoices/${encodeURIComponent(invoice.number)}` }]
	};
}
