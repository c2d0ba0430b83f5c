// C14 in words: what setting the billing details and Renew say, what Renew asks first, which
// field a refusal of the details belongs on, and how an invoice's amounts and days read.
import type { CommandInputs, CommandRefusal } from '$lib/app/command-types';
import { describeLicense } from '$lib/core';
import type { State } from '$lib/core';
import type { Committed } from '$lib/store/types';
import { announcement } from './announcement';
import type { Announcement } from './announcement';

export const BILLING_FIELD_WORDS = {
	name: 'Enter the billing name (at most 200 characters).',
	address: 'Enter the billing address (at most 1,000 characters).',
	taxId: 'The tax id has at most 50 characters.'
} as const;

/** USD and whole cents: `USD 2,100.00`. */
export function money(cents: number): string {
	const whole = Math.floor(cents / 100).toLocaleString('en-US');
	return `USD ${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/** A day in UTC, the same on every device: `2026-11-30`. */
export function invoiceDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function detailsSavedWords(): Announcement {
	return announcement('Billing details saved.', 'success');
}

export function renewedWords(committed: Committed): Announcement {
	const change = committed.change;
	if (change.type !== 'license.renew') return announcement('Renewed.', 'success');
	const license = committed.applied.state.licenses.get(change.payload.licenseId);
	const invoice = license?.invoices?.at(-1);
	if (license === undefined || invoice === undefined) return announcement('Renewed.', 'success');
	return announcement(
		`Renewed ${license.sen} until ${invoiceDay(license.expiresAt)}. Invoice ${invoice.number} ` +
			`for ${money(invoice.totalCents)} was issued and mailed to the billing contacts.`,
		'success'
	);
}

export function renewAsk(input: CommandInputs['license.renew'], state: State) {
	const license = state.licenses.get(input.licenseId);
	const name = license === undefined ? 'this license' : describeLicense(license);
	return {
		title: 'Renew for one year?',
		body:
			`Renew ${name} for one more year? An invoice is issued at today's catalog price for ` +
			'its user tier and mailed to every billing contact. It cannot be undone from here.',
		confirm: 'Renew'
	};
}

/** The details form field a refusal of billing.setDetails belongs on, with its words. */
export function billingField(
	refusal: CommandRefusal
): { readonly field: keyof typeof BILLING_FIELD_WORDS; readonly words: string } | null {
	if (refusal.code !== 'invalid-payload') return null;
	const field = refusal.field;
	return field === 'name' || field === 'address' || field === 'taxId'
		? { field, words: BILLING_FIELD_WORDS[field] }
		: null;
}
