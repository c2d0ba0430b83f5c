// C14 billing records and C12's rows for them: billing details for the primary billing contact
// only, Renew by a billing contact (one term on, an invoice from catalog and tier, mailed to the
// billing contacts), and every refusal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { licenseId, replay } from '$lib/core';
import type { Change, State } from '$lib/core';
import { TERM_MS } from '$lib/core/changes/rules/billing';
import { ACME_DETAILS, BillingChanges } from './billing-factory';
import { A, DAY, L1, T0, accept, build, license, refusal, world } from './factories';
import type { ChangeFactory } from './factories';

/** World plus: bob technical contact, dave secondary billing contact of L1 (alice primary). */
function contacts(): { f: ChangeFactory; b: BillingChanges; state: State } {
	const { f, state } = world();
	const next = build(
		[
			f.add(A.alice, L1, 'technical', 'bob@acme.com'),
			f.add(A.alice, L1, 'billing', 'dave@other.org')
		],
		state
	);
	return { f, b: new BillingChanges(f), state: next };
}

describe('C14: billing details', () => {
	it('C14/C12: the primary billing contact sets them, trimmed', () => {
		const { b, state } = contacts();
		const applied = accept(
			state,
			b.details(A.alice, L1, { name: ' Acme ', address: '1 Main St\nTown ', taxId: ' ' })
		);
		expect(license(applied.state).billingDetails).toEqual({
			name: 'Acme',
			address: '1 Main St\nTown',
			taxId: ''
		});
		expect(applied.mail).toEqual([]);
	});

	it('C14/C12: a secondary billing contact is refused (not-primary-billing)', () => {
		const { b, state } = contacts();
		expect(refusal(state, b.details(A.dave, L1)).code).toBe('not-primary-billing');
	});

	it('C14/C12: a technical contact is refused (not-primary-billing)', () => {
		const { b, state } = contacts();
		expect(refusal(state, b.details(A.bob, L1)).code).toBe('not-primary-billing');
	});

	it('C14: someone on no role is refused (not-a-contact); an unknown license too', () => {
		const { b, state } = contacts();
		expect(refusal(state, b.details(A.carol, L1)).code).toBe('not-a-contact');
		expect(refusal(state, b.details(A.alice, licenseId('nope'))).code).toBe('unknown-license');
		expect(refusal(state, b.details(null, L1)).code).toBe('not-allowed');
	});

	it.each([
		['name', { ...ACME_DETAILS, name: '  ' }],
		['name', { ...ACME_DETAILS, name: 'n'.repeat(201) }],
		['address', { ...ACME_DETAILS, address: '' }],
		['address', { ...ACME_DETAILS, address: 'a'.repeat(1001) }],
		['taxId', { ...ACME_DETAILS, taxId: 't'.repeat(51) }]
	])('C14: an invalid %s is refused (invalid-payload)', (field, details) => {
		const { b, state } = contacts();
		expect(refusal(state, b.details(A.alice, L1, details))).toEqual({
			code: 'invalid-payload',
			field
		});
	});
});

describe('C14: Renew', () => {
	it('C14: moves the expiry one term and issues an invoice with the details of that moment', () => {
		const { b, state } = contacts();
		const before = license(state).expiresAt;
		const withDetails = build([b.details(A.alice, L1)], state);
		const renew = b.renew(A.dave, L1);
		const applied = accept(withDetails, renew);
		const after = license(applied.state);
		expect(after.expiresAt).toBe(before + TERM_MS);
		expect(after.invoices).toEqual([
			{
				number: `INV-${renew.id}`,
				licenseId: L1,
				at: renew.at,
				periodFrom: before,
				periodTo: before + TERM_MS,
				lines: [
					{
						description: 'Tessera Issues Server, 25 users, 12 months (SEN-0000001)',
						quantity: 25,
						unitCents: 700 * 12,
						amountCents: 700 * 12 * 25
					}
				],
				totalCents: 700 * 12 * 25,
				billTo: ACME_DETAILS,
				by: A.dave
			}
		]);
		// Later details never alter an invoice already issued.
		const later = build(
			[b.details(A.alice, L1, { ...ACME_DETAILS, name: 'Acme Ltd' })],
			applied.state
		);
		expect(license(later).invoices?.[0]?.billTo?.name).toBe('Acme Corporation');
		expect(license(later).billingDetails?.name).toBe('Acme Ltd');
	});

	it('C14/C9: the invoice is mailed to each billing contact, never to technical contacts', () => {
		const { b, state } = contacts();
		const renew = b.renew(A.alice, L1);
		const { mail } = accept(state, renew);
		expect(mail.map((m) => [m.toKey, m.kind])).toEqual([
			['alice@acme.com', 'invoice'],
			['dave@other.org', 'invoice']
		]);
		expect(mail[0]?.subject).toBe(`Invoice INV-${renew.id} for Tessera Issues (SEN-0000001)`);
		expect(mail[0]?.body).toContain('USD 2100.00');
		expect(mail[0]?.links).toEqual([
			{ label: 'Open the invoice', href: `/invoices/INV-${renew.id}` }
		]);
	});

	it('C14: without billing details the invoice is made out to nobody (billTo null)', () => {
		const { b, state } = contacts();
		const applied = accept(state, b.renew(A.alice, L1));
		expect(license(applied.state).invoices?.[0]?.billTo).toBeNull();
	});

	it('C14/C12: a technical contact is refused (not-billing-contact)', () => {
		const { b, state } = contacts();
		expect(refusal(state, b.renew(A.bob, L1)).code).toBe('not-billing-contact');
	});

	it('C14: someone on no role, nobody, or an unknown license is refused', () => {
		const { b, state } = contacts();
		expect(refusal(state, b.renew(A.carol, L1)).code).toBe('not-a-contact');
		expect(refusal(state, b.renew(null, L1)).code).toBe('not-allowed');
		expect(refusal(state, b.renew(A.alice, licenseId('nope'))).code).toBe('unknown-license');
	});

	it('C14 property: n renewals move the expiry exactly n terms, every invoice number distinct, replay in any order equal', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(A.alice, A.dave, A.bob, A.carol), { minLength: 1, maxLength: 8 }),
				fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
				(renewers, withDetails) => {
					const { f, state } = world();
					const b = new BillingChanges(f);
					const setup: Change[] = [
						...base(f),
						f.add(A.alice, L1, 'technical', 'bob@acme.com'),
						f.add(A.alice, L1, 'billing', 'dave@other.org')
					];
					const steps: Change[] = renewers.flatMap((who, i) => [
						...(withDetails[i] === true
							? [b.details(A.alice, L1, { ...ACME_DETAILS, name: `Acme ${i}` })]
							: []),
						b.renew(who, L1, T0 + (i + 10) * DAY)
					]);
					const all = [...setup, ...steps];
					const one = replay(all).state;
					const two = replay([...all].reverse()).state;
					const billing = renewers.filter((w) => w === A.alice || w === A.dave).length;
					const l = license(one);
					expect(l.expiresAt).toBe(license(state).expiresAt + billing * TERM_MS);
					const numbers = (l.invoices ?? []).map((inv) => inv.number);
					expect(numbers).toHaveLength(billing);
					expect(new Set(numbers).size).toBe(billing);
					expect(two.licenses.get(L1)).toEqual(l);
				}
			),
			{ numRuns: 60 }
		);
	});
});

/** The changes world() is built from, so replay starts from nothing. */
function base(f: ChangeFactory): Change[] {
	return [
		f.signup(A.alice, 'alice@acme.com', 'Alice'),
		f.signup(A.bob, 'bob@acme.com', 'Bob'),
		f.signup(A.carol, 'carol@gmail.com', 'Carol'),
		f.signup(A.dave, 'dave@other.org', 'Dave'),
		f.license(A.alice, L1, { sen: 'SEN-0000001' })
	];
}
