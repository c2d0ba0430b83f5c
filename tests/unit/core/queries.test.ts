// C10's billing estimate and the mail client's views (UI vocabulary: addresses, newest first).
import { describe, expect, it } from 'vitest';
import { findProduct, licenseId, mailbox, mailboxes, siteBillingEstimate, siteId } from '$lib/core';
import { A, DAY, L1, L2, S1, T0, build, world } from './factories';

const L3 = licenseId('lic-3');

describe('queries', () => {
	it('C10: the billing estimate sums price × tier over the cloud licenses of the site', () => {
		const { f, state } = world();
		const next = build(
			[
				f.site(A.bob, S1, 'acme.example.net'),
				f.license(A.bob, L2, { site: S1, product: 'chat', tier: 50, sen: 'SEN-0000002' })
			],
			state
		);
		expect(siteBillingEstimate(next, S1)).toBe(
			50 * (findProduct('chat')?.pricePerUser.cloud ?? NaN)
		);
		expect(siteBillingEstimate(next, siteId('nope'))).toBe(0);
	});

	it('C14: given a moment, the estimate leaves out the cloud licenses expired by then', () => {
		const { f, state } = world();
		const next = build(
			[
				f.site(A.bob, S1, 'acme.example.net', ['issues', 'chat']),
				f.license(A.bob, L2, { site: S1, product: 'chat', tier: 50, sen: 'SEN-0000002' }),
				f.license(A.bob, L3, {
					site: S1,
					product: 'issues',
					tier: 10,
					sen: 'SEN-0000003',
					expiresAt: T0 + DAY
				})
			],
			state
		);
		const chat = 50 * (findProduct('chat')?.pricePerUser.cloud ?? NaN);
		const issues = 10 * (findProduct('issues')?.pricePerUser.cloud ?? NaN);
		expect(siteBillingEstimate(next, S1)).toBe(chat + issues);
		expect(siteBillingEstimate(next, S1, T0)).toBe(chat + issues);
		// At the expiry itself the license is expired (like A4's links).
		expect(siteBillingEstimate(next, S1, T0 + DAY)).toBe(chat);
	});

	it('mail: every address that received mail, and its messages newest first', () => {
		const { f, state } = world();
		const next = build(
			[
				f.add(A.alice, L1, 'billing', 'BOB@acme.com'),
				f.add(A.alice, L1, 'technical', 'bob@acme.com'),
				f.makePrimary(A.alice, L1, 'billing', A.bob)
			],
			state
		);
		expect(mailboxes(next)).toEqual([
			{ key: 'alice@acme.com', address: 'alice@acme.com' },
			{ key: 'bob@acme.com', address: 'bob@acme.com' }
		]);
		expect(mailbox(next, 'Bob@ACME.com').map((m) => m.subject)).toEqual([
			'You are now a technical contact for Tessera Issues (SEN-0000001)',
			'You are now a billing contact for Tessera Issues (SEN-0000001)'
		]);
		expect(mailbox(next, 'nobody@acme.com')).toEqual([]);
	});
});
