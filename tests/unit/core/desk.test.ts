// A9: a site's service desk holds portal-only customers that are not accounts; only the
// site's admins change them, and a migration makes an invited account (C4, A4).
import { describe, expect, it } from 'vitest';
import { accountId, siteId } from '$lib/core';
import type { State } from '$lib/core';
import { DeskChanges } from './desk-factory';
import { A, S1, accept, build, refusal, world } from './factories';

/** carol administers S1 (acme.example.net); bob administers S2. */
function desk(): { d: DeskChanges; state: State; f: ReturnType<typeof world>['f'] } {
	const { f, state } = world();
	const next = build(
		[f.site(A.carol, S1, 'acme.example.net'), f.site(A.bob, S2, 'other.example.net')],
		state
	);
	return { d: new DeskChanges(f), state: next, f };
}
const S2 = siteId('site-2');
const customers = (state: State, id = S1) => state.sites.get(id)?.customers ?? [];

describe('A9 service-desk customers', () => {
	it('A9: a site admin adds a customer, its email normalised as C5 does; it is no account', () => {
		const { d, state } = desk();
		const next = accept(state, d.add(A.carol, S1, '  Kim@Shop.Example ', ' Kim Lee ')).state;
		expect(customers(next)).toMatchObject([
			{ email: 'Kim@Shop.Example', emailKey: 'kim@shop.example', name: 'Kim Lee' }
		]);
		expect(next.accounts.size).toBe(state.accounts.size);
		expect(next.accountIdByEmailKey.has('kim@shop.example')).toBe(false);
	});

	it('A9: renames and removes a customer', () => {
		const { d, state } = desk();
		let s = accept(state, d.add(A.carol, S1, 'kim@shop.example', 'Kim')).state;
		s = accept(s, d.rename(A.carol, S1, 'KIM@shop.example', 'Kim Park')).state;
		expect(customers(s)[0]?.name).toBe('Kim Park');
		s = accept(s, d.remove(A.carol, S1, 'kim@shop.example')).state;
		expect(customers(s)).toEqual([]);
	});

	it('A9: the same email may be a customer of two sites', () => {
		const { d, state } = desk();
		const s = build(
			[d.add(A.carol, S1, 'kim@shop.example'), d.add(A.bob, S2, 'kim@shop.example')],
			state
		);
		expect(customers(s)).toHaveLength(1);
		expect(customers(s, S2)).toHaveLength(1);
	});

	it('A9: a customer never blocks an account with the same email', () => {
		const { d, state, f } = desk();
		const s = accept(state, d.add(A.carol, S1, 'kim@shop.example')).state;
		const signed = accept(s, f.signup(accountId('kim'), 'kim@shop.example', 'Kim')).state;
		expect(signed.accountIdByEmailKey.get('kim@shop.example')).toBe(accountId('kim'));
		expect(customers(signed)).toHaveLength(1);
		// and an account never keeps a customer out either
		expect(accept(signed, d.add(A.bob, S2, 'kim@shop.example')).state).toBeDefined();
	});

	it('A9: migrate makes an invited account (C4), mails it the A4 link, removes the customer', () => {
		const { d, state } = desk();
		const s = accept(state, d.add(A.carol, S1, 'kim@shop.example', 'Kim')).state;
		const applied = accept(s, d.migrate(A.carol, S1, 'kim@shop.example', accountId('kim')));
		expect(applied.state.accounts.get(accountId('kim'))).toMatchObject({
			email: 'kim@shop.example',
			name: 'Kim',
			invited: true,
			verified: false,
			status: 'active'
		});
		expect(customers(applied.state)).toEqual([]);
		expect(applied.mail).toMatchObject([{ to: 'kim@shop.example', kind: 'customer-migrated' }]);
		expect(applied.mail[0]?.links[0]?.href).toBe('/cant-log-in?email=kim%40shop.example');
	});

	describe('A9 refusals', () => {
		it('A9: only an admin of that site (not another site’s, not a stranger, not nobody)', () => {
			const { d, state } = desk();
			const s = accept(state, d.add(A.carol, S1, 'kim@shop.example')).state;
			expect(refusal(s, d.add(A.bob, S1, 'x@shop.example')).code).toBe('not-site-admin');
			expect(refusal(s, d.rename(A.dave, S1, 'kim@shop.example', 'K')).code).toBe('not-site-admin');
			expect(refusal(s, d.remove(A.alice, S1, 'kim@shop.example')).code).toBe('not-site-admin');
			expect(refusal(s, d.migrate(A.bob, S1, 'kim@shop.example')).code).toBe('not-site-admin');
			expect(refusal(s, d.add(null, S1, 'x@shop.example')).code).toBe('not-allowed');
			expect(refusal(s, d.add(accountId('ghost'), S1, 'x@shop.example')).code).toBe(
				'unknown-account'
			);
		});

		it('A9: unknown site, invalid email, empty name, duplicate, unknown customer', () => {
			const { d, state } = desk();
			const s = accept(state, d.add(A.carol, S1, 'kim@shop.example')).state;
			expect(refusal(s, d.add(A.carol, siteId('nope'), 'x@shop.example')).code).toBe(
				'unknown-site'
			);
			expect(refusal(s, d.add(A.carol, S1, 'not an email')).code).toBe('invalid-email');
			expect(refusal(s, d.add(A.carol, S1, 'x@shop.example', '  ')).code).toBe('name-required');
			expect(refusal(s, d.rename(A.carol, S1, 'kim@shop.example', '')).code).toBe('name-required');
			expect(refusal(s, d.add(A.carol, S1, 'KIM@shop.example')).code).toBe('customer-exists');
			expect(refusal(s, d.rename(A.carol, S1, 'no@shop.example', 'N')).code).toBe(
				'unknown-customer'
			);
			expect(refusal(s, d.remove(A.carol, S1, 'no@shop.example')).code).toBe('unknown-customer');
			expect(refusal(s, d.migrate(A.carol, S1, 'no@shop.example')).code).toBe('unknown-customer');
		});

		it('A9: migrate is refused when an account has the email, or the id is taken', () => {
			const { d, state, f } = desk();
			const s = build(
				[
					d.add(A.carol, S1, 'kim@shop.example'),
					d.add(A.carol, S1, 'lee@shop.example'),
					f.signup(accountId('kim'), 'kim@shop.example', 'Kim')
				],
				state
			);
			expect(refusal(s, d.migrate(A.carol, S1, 'kim@shop.example')).code).toBe('email-taken');
			expect(refusal(s, d.migrate(A.carol, S1, 'lee@shop.example', A.bob)).code).toBe(
				'duplicate-id'
			);
		});
	});
});
