// C0 (licenses and sites), A1 (account.create), C9 (support requests, renewal quotes).
import { describe, expect, it } from 'vitest';
import { accountId, licenseId, siteId } from '$lib/core';
import {
	A,
	DAY,
	L1,
	L2,
	S1,
	T0,
	accept,
	build,
	license,
	refusal,
	world,
	ChangeFactory,
	hashOf
} from './factories';
import { O1, providerSignup } from './organization-factory';

describe('account.create (A1, C4 uniqueness)', () => {
	it('A1: sign up starts unverified and mails a verification link when a token is given', () => {
		const f = new ChangeFactory();
		const { state, mail } = accept(
			build([]),
			f.signup(A.alice, ' Alice@ACME.com ', 'Alice', 'password', 'tok 1')
		);
		expect(state.accounts.get(A.alice)).toMatchObject({
			email: 'Alice@ACME.com',
			emailKey: 'alice@acme.com',
			verified: false,
			invited: false,
			status: 'active'
		});
		expect(state.accountIdByEmailKey.get('alice@acme.com')).toBe(A.alice);
		expect(mail.map((m) => m.kind)).toEqual(['verify-email']);
		expect(mail[0]?.links[0]?.href).toBe('/verify?token=tok%201&email=Alice%40ACME.com');
	});

	it('A7: an account from an identity provider starts verified and gets no verification mail', () => {
		const { f, state: world0 } = world();
		const gee = accountId('gee');
		const steps = providerSignup(
			f,
			{ id: gee, email: 'gee@acme.com', name: 'Gee', source: 'google' },
			{ admin: A.alice, org: O1, create: true }
		);
		const at = steps.findIndex((c) => c.type === 'account.create');
		const signup = steps[at];
		if (signup?.type !== 'account.create') throw new Error('expected the sign-up');
		// A token in the change is ignored: the provider verified the address (A7).
		const withToken = { ...signup.payload, token: 't', tokenHash: hashOf('t') };
		const before = build(steps.slice(0, at), world0);
		const { state, mail } = accept(before, { ...signup, payload: withToken });
		expect(state.accounts.get(gee)?.verified).toBe(true);
		expect(mail).toEqual([]);
	});

	it('A1: the address is unique case-insensitively (email-taken) and ids are unique (duplicate-id)', () => {
		const { f, state } = world();
		expect(refusal(state, f.signup(accountId('z'), 'ALICE@acme.com.')).code).toBe('email-taken');
		expect(refusal(state, f.signup(A.alice, 'other@acme.com')).code).toBe('duplicate-id');
		expect(refusal(state, f.signup(accountId('z'), 'not-an-email')).code).toBe('invalid-email');
		expect(refusal(state, f.signup(accountId('z'), 'z@acme.com', ' ')).code).toBe('name-required');
	});

	it('A1: creating an account for someone else needs an active actor', () => {
		const { f, state } = world();
		expect(refusal(state, f.invite(null, accountId('z'), 'z@acme.com')).code).toBe('not-allowed');
		const { state: next } = accept(state, f.invite(A.alice, accountId('z'), 'z@acme.com'));
		expect(next.accounts.get(accountId('z'))?.invited).toBe(true);
	});
});

describe('C0: licenses and sites', () => {
	it('C0: any account starts a server license and is its first billing and technical contact', () => {
		const { f, state } = world();
		const { state: next } = accept(
			state,
			f.license(A.dave, L2, { sen: 'SEN-0000002', product: 'pages', tier: 50 })
		);
		expect(license(next, L2)).toMatchObject({
			sen: 'SEN-0000002',
			hosting: 'server',
			siteId: null,
			tier: 50,
			billing: { primary: A.dave, secondary: [] },
			technical: { primary: A.dave, secondary: [] }
		});
		expect(license(next, L2).createdAt).toBeGreaterThan(0);
		expect(next.licenseIdBySen.get('SEN-0000002')).toBe(L2);
	});

	it('C0: creating a site makes its creator a site admin; names are normalised and unique', () => {
		const { f, state } = world();
		const { state: next } = accept(
			state,
			f.site(A.bob, S1, 'ACME.example.net.', ['issues', 'pages', 'issues'])
		);
		expect(next.sites.get(S1)).toMatchObject({
			name: 'acme.example.net',
			admins: [A.bob],
			productIds: ['issues', 'pages']
		});
		expect(next.siteIdsByAdmin.get(A.bob)?.has(S1)).toBe(true);
		expect(refusal(next, f.site(A.bob, siteId('s2'), 'acme.example.net')).code).toBe(
			'site-name-taken'
		);
		expect(refusal(next, f.site(A.bob, S1, 'other.example.net')).code).toBe('duplicate-id');
		expect(refusal(next, f.site(A.bob, siteId('s2'), 'not a host'))).toMatchObject({
			code: 'invalid-payload',
			field: 'name'
		});
		expect(refusal(next, f.site(A.bob, siteId('s2'), 'x.example.net', ['nope'])).code).toBe(
			'unknown-product'
		);
	});

	it('C0: a cloud license needs a site the actor administers, and adds the product to it', () => {
		const { f, state } = world();
		const next = build([f.site(A.bob, S1, 'acme.example.net', ['issues'])], state);
		expect(refusal(next, f.license(A.alice, L2, { site: S1 })).code).toBe('not-site-admin');
		expect(refusal(next, f.license(A.bob, L2, { site: siteId('nope') })).code).toBe('unknown-site');
		const { state: after } = accept(next, f.license(A.bob, L2, { site: S1, product: 'chat' }));
		expect(license(after, L2)).toMatchObject({ hosting: 'cloud', siteId: S1 });
		expect(after.sites.get(S1)?.productIds).toEqual(['issues', 'chat']);
		expect(after.licenseIdsBySite.get(S1)?.has(L2)).toBe(true);
	});

	it('C0: invalid purchases are refused with stable codes', () => {
		const { f, state } = world();
		expect(refusal(state, f.license(A.bob, L1)).code).toBe('duplicate-id');
		expect(refusal(state, f.license(A.bob, L2, { sen: 'SEN-0000001' })).code).toBe('duplicate-sen');
		expect(refusal(state, f.license(A.bob, L2, { product: 'nope' })).code).toBe('unknown-product');
		expect(refusal(state, f.license(A.bob, L2, { sen: 'SEN-12' }))).toMatchObject({
			code: 'invalid-payload',
			field: 'sen'
		});
		expect(refusal(state, f.license(A.bob, L2, { tier: 7 }))).toMatchObject({
			code: 'invalid-payload',
			field: 'tier'
		});
		expect(refusal(state, f.license(A.bob, L2, { hosting: 'cloud', site: null }))).toMatchObject({
			code: 'invalid-payload',
			field: 'siteId'
		});
		expect(refusal(state, f.license(A.bob, L2, { hosting: 'server', site: S1 }))).toMatchObject({
			code: 'invalid-payload',
			field: 'siteId'
		});
		expect(refusal(state, f.license(A.bob, L2, { expiresAt: Number.NaN }))).toMatchObject({
			field: 'expiresAt'
		});
		expect(refusal(state, f.license(null, L2)).code).toBe('not-allowed');
		expect(refusal(state, f.license(accountId('ghost'), L2)).code).toBe('unknown-account');
	});
});

describe('C9: support requests and renewal quotes', () => {
	it('C9: a technical contact requests support; it is kept with the license and acknowledged', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'technical', 'bob@acme.com')], state);
		const { state: after, mail } = accept(next, f.support(A.bob, L1, ' Down ', 'Since noon'));
		expect(license(after).supportRequests).toMatchObject([
			{ licenseId: L1, by: A.bob, subject: 'Down', description: 'Since noon' }
		]);
		expect(mail.map((m) => [m.toKey, m.kind])).toEqual([['bob@acme.com', 'support-request']]);
	});

	it('C9: a billing-only contact cannot (not-technical-contact); a stranger is not-a-contact', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'billing', 'bob@acme.com')], state);
		expect(refusal(next, f.support(A.bob, L1)).code).toBe('not-technical-contact');
		expect(refusal(next, f.support(A.dave, L1)).code).toBe('not-a-contact');
		expect(refusal(next, f.support(A.alice, L1, ' '))).toMatchObject({
			code: 'invalid-payload',
			field: 'subject'
		});
		expect(refusal(next, f.support(A.alice, L1, 's', ''))).toMatchObject({
			code: 'invalid-payload',
			field: 'description'
		});
		expect(refusal(next, f.support(A.alice, licenseId('nope'))).code).toBe('unknown-license');
	});

	it('C9/C12: renewal quotes go to billing contacts only, within 30 days, once per device pair', () => {
		const f = new ChangeFactory('dev-a');
		const g = new ChangeFactory('dev-b');
		const { state } = world(f);
		const soon = T0 + 20 * DAY;
		const next = build(
			[
				f.license(A.alice, L2, { sen: 'SEN-0000002', expiresAt: soon }),
				f.add(A.alice, L2, 'billing', 'bob@acme.com'),
				f.add(A.alice, L2, 'technical', 'carol@gmail.com')
			],
			state
		);
		const first = accept(next, f.remind(null, T0 + DAY));
		expect(first.mail.map((m) => [m.id, m.toKey, m.kind])).toEqual([
			[`renewal:${L2}:${soon}:${A.alice}`, 'alice@acme.com', 'renewal-reminder'],
			[`renewal:${L2}:${soon}:${A.bob}`, 'bob@acme.com', 'renewal-reminder']
		]);
		// The same reminder made on another device files nothing new.
		const second = accept(first.state, g.remind(A.carol, T0 + 2 * DAY));
		expect(second.mail).toEqual([]);
		expect(second.state.mail.size).toBe(first.state.mail.size);
		// Too early: nothing due.
		expect(accept(next, f.remind(null, T0 - 20 * DAY)).mail).toEqual([]);
	});
});
