// A11: a site's product-local users, upgraded by the site's admins to one account per email
// across the site's products; bots used on several sites are flagged. Every refusal.
import { describe, expect, it } from 'vitest';
import { accountId, productId, productUserSites, siteId, waitingUsers } from '$lib/core';
import type { Change, State } from '$lib/core';
import { A, S1, accept, build, refusal, world } from './factories';
import { ProductChanges } from './product-factory';

const S2 = siteId('site-2');

/** carol administers S1 (acme.example.net: issues, pages); bob administers S2. */
function sites() {
	const { f, state } = world();
	const next = build(
		[
			f.site(A.carol, S1, 'acme.example.net', ['issues', 'pages']),
			f.site(A.bob, S2, 'other.example.net')
		],
		state
	);
	return { p: new ProductChanges(f), state: next, f };
}
const users = (state: State, id = S1) => state.sites.get(id)?.productUsers ?? [];
const report = (state: State, id = S1) => state.sites.get(id)?.lastUpgrade?.entries ?? [];

function fail(): never {
	throw new Error('missing');
}

describe('A11 product users', () => {
	it('A11: a site admin adds a product user of some of its products; its id is the change id', () => {
		const { p, state } = sites();
		const c = p.add(A.carol, S1, {
			email: ' Kim@Shop.Example ',
			name: ' Kim ',
			products: ['pages']
		});
		const next = accept(state, c).state;
		expect(users(next)).toEqual([
			{
				id: c.id,
				email: 'Kim@Shop.Example',
				emailKey: 'kim@shop.example',
				name: 'Kim',
				productIds: [productId('pages')],
				bot: false,
				usedOn: [],
				addedAt: c.at
			}
		]);
		expect(next.accountIdByEmailKey.has('kim@shop.example')).toBe(false);
	});

	it('A11: one email may be a user of two products as two product users, not twice of one', () => {
		const { p, state } = sites();
		const s = build(
			[
				p.add(A.carol, S1, { email: 'kim@shop.example', products: ['issues'] }),
				p.add(A.carol, S1, { email: 'KIM@shop.example', products: ['pages'] })
			],
			state
		);
		expect(users(s)).toHaveLength(2);
		const again = p.add(A.carol, S1, { email: 'kim@shop.example', products: ['pages', 'issues'] });
		expect(refusal(s, again).code).toBe('product-user-exists');
	});

	it('A11: a bot records the sites it is used on, this one first, normalised and distinct', () => {
		const { p, state } = sites();
		const c = p.add(A.carol, S1, {
			email: 'ci@shop.example',
			bot: true,
			usedOn: ['Other.Example.Net.', 'acme.example.net', 'other.example.net']
		});
		expect(users(accept(state, c).state)[0]?.usedOn).toEqual([
			'acme.example.net',
			'other.example.net'
		]);
		// a person's sites are not kept
		const person = p.add(A.carol, S1, { email: 'p@shop.example', usedOn: ['x.example.net'] });
		expect(users(accept(state, person).state)[0]?.usedOn).toEqual([]);
	});

	it('A11: refusals of productUser.add (not-site-admin, unknown-site, invalid-email, name-required, product-required, unknown-product, invalid-site-name, not-allowed)', () => {
		const { p, state } = sites();
		const code = (c: Change) => refusal(state, c).code;
		expect(code(p.add(A.bob, S1, { email: 'k@x.com' }))).toBe('not-site-admin');
		expect(code(p.add(A.carol, siteId('nope'), { email: 'k@x.com' }))).toBe('unknown-site');
		expect(code(p.add(A.carol, S1, { email: 'not an email' }))).toBe('invalid-email');
		expect(code(p.add(A.carol, S1, { email: 'k@x.com', name: '  ' }))).toBe('name-required');
		expect(code(p.add(A.carol, S1, { email: 'k@x.com', products: [] }))).toBe('product-required');
		expect(code(p.add(A.carol, S1, { email: 'k@x.com', products: ['chat'] }))).toBe(
			'unknown-product'
		);
		expect(code(p.add(A.carol, S1, { email: 'b@x.com', bot: true, usedOn: ['a b'] }))).toBe(
			'invalid-site-name'
		);
		expect(code(p.add(null, S1, { email: 'k@x.com' }))).toBe('not-allowed');
	});

	it('A11: remove by a site admin only; unknown-product-user for anything else', () => {
		const { p, state } = sites();
		const add = p.add(A.carol, S1, { email: 'k@x.com' });
		const s = accept(state, add).state;
		expect(refusal(s, p.remove(A.bob, S1, add.id)).code).toBe('not-site-admin');
		expect(refusal(s, p.remove(A.carol, S1, 'other')).code).toBe('unknown-product-user');
		expect(users(accept(s, p.remove(A.carol, S1, add.id)).state)).toEqual([]);
	});
});

describe('A11 upgrade to accounts', () => {
	it('A11: one account per email across products; an existing active account is reused; new ones are invited (C4) and mailed the A4 link', () => {
		const { p, state } = sites();
		const s = build(
			[
				p.add(A.carol, S1, { email: 'kim@shop.example', name: 'Kim', products: ['issues'] }),
				p.add(A.carol, S1, { email: 'Kim@Shop.example', name: 'Kim L', products: ['pages'] }),
				p.add(A.carol, S1, { email: 'DAVE@other.org', name: 'D', products: ['pages'] })
			],
			state
		);
		const up = p.upgrade(A.carol, S1);
		const next = accept(s, up).state;
		const kim = accountId(`${up.id}-0`);
		expect(next.accounts.get(kim)).toMatchObject({
			email: 'kim@shop.example',
			name: 'Kim',
			invited: true,
			verified: false,
			status: 'active'
		});
		expect(next.accounts.size).toBe(s.accounts.size + 1);
		expect(report(next)).toEqual([
			{
				email: 'DAVE@other.org',
				name: 'D',
				outcome: 'reused',
				accountId: A.dave,
				productIds: [productId('pages')],
				flaggedBot: false,
				usedOn: []
			},
			{
				email: 'kim@shop.example',
				name: 'Kim',
				outcome: 'invited',
				accountId: kim,
				productIds: [productId('issues'), productId('pages')],
				flaggedBot: false,
				usedOn: []
			}
		]);
		expect(users(next).map((u) => u.accountId)).toEqual([kim, kim, A.dave]);
		expect(waitingUsers(next.sites.get(S1) ?? fail())).toEqual([]);
		const mail = [...next.mail.values()].filter((m) => m.toKey === 'kim@shop.example');
		expect(mail).toHaveLength(1);
		expect(mail[0]?.links[0]?.href).toContain('/cant-log-in');
	});

	it('A11: a bot used on several sites is flagged with its sites; one used on a single site is not', () => {
		const { p, state } = sites();
		const s = build(
			[
				p.add(A.carol, S1, { email: 'ci@shop.example', bot: true, usedOn: ['other.example.net'] }),
				p.add(A.carol, S1, { email: 'deploy@shop.example', bot: true })
			],
			state
		);
		const next = accept(s, p.upgrade(A.carol, S1)).state;
		expect(report(next).map((e) => [e.email, e.flaggedBot, e.usedOn])).toEqual([
			['ci@shop.example', true, ['acme.example.net', 'other.example.net']],
			['deploy@shop.example', false, []]
		]);
	});

	it('A11: a deactivated account with the email keeps its product users waiting (inactive)', () => {
		const { p, state } = sites();
		const s = accept(state, p.add(A.carol, S1, { email: 'dave@other.org' })).state;
		// dave's account is deactivated (as an organization admin would, A6)
		s.accounts.set(A.dave, { ...(s.accounts.get(A.dave) ?? fail()), status: 'deactivated' });
		const next = accept(s, p.upgrade(A.carol, S1)).state;
		expect(report(next)[0]).toMatchObject({ outcome: 'inactive', accountId: null });
		expect(users(next)[0]?.accountId).toBeUndefined();
	});

	it('A11: upgrading twice: nothing-to-upgrade, never a second account; a later user with the same email reuses it', () => {
		const { p, state } = sites();
		const s = build([p.add(A.carol, S1, { email: 'kim@shop.example' })], state);
		const once = accept(s, p.upgrade(A.carol, S1)).state;
		expect(refusal(once, p.upgrade(A.carol, S1)).code).toBe('nothing-to-upgrade');
		const later = accept(
			once,
			p.add(A.carol, S1, { email: 'KIM@shop.example', products: ['pages'] })
		).state;
		const twice = accept(later, p.upgrade(A.carol, S1)).state;
		expect(twice.accounts.size).toBe(once.accounts.size);
		expect(report(twice)[0]?.outcome).toBe('reused');
	});

	it('A11: refusals of site.upgradeUsers (not-site-admin, unknown-site, not-allowed, nothing-to-upgrade)', () => {
		const { p, state } = sites();
		const s = build([p.add(A.carol, S1, { email: 'kim@shop.example' })], state);
		expect(refusal(s, p.upgrade(A.bob, S1)).code).toBe('not-site-admin');
		expect(refusal(s, p.upgrade(A.carol, siteId('nope'))).code).toBe('unknown-site');
		expect(refusal(s, p.upgrade(null, S1)).code).toBe('not-allowed');
		expect(refusal(state, p.upgrade(A.carol, S1)).code).toBe('nothing-to-upgrade');
	});

	it('A11 for A15: productUserSites lists the sites and products where the account is an upgraded product user', () => {
		const { p, state } = sites();
		const s = build(
			[
				p.add(A.carol, S1, { email: 'dave@other.org', products: ['pages'] }),
				p.add(A.bob, S2, { email: 'dave@other.org' }),
				p.upgrade(A.carol, S1)
			],
			state
		);
		expect(productUserSites(s, A.dave)).toEqual([{ siteId: S1, productIds: [productId('pages')] }]);
		const both = accept(s, p.upgrade(A.bob, S2)).state;
		expect(productUserSites(both, A.dave).map((x) => x.siteId)).toEqual([S1, S2]);
		expect(productUserSites(both, A.alice)).toEqual([]);
	});
});
