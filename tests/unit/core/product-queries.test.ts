// A15 "Your products": every product on every cloud site the account may use, and why.
import { describe, expect, it } from 'vitest';
import { licenseId, productAccess, productId, siteId, yourProducts } from '$lib/core';
import { AccountChanges } from './account-factory';
import { ProductChanges } from './product-factory';
import { A, S1, build, world } from './factories';

const L2 = licenseId('lic-2');
const S2 = siteId('site-2');

function sites() {
	const { f, state } = world();
	const next = build(
		[
			f.site(A.bob, S1, 'acme.example.net', ['issues', 'chat']),
			f.site(A.dave, S2, 'other.example.net', ['pages']),
			f.license(A.bob, L2, { site: S1, product: 'chat', sen: 'SEN-0000002' }),
			f.add(A.bob, L2, 'technical', 'carol@gmail.com')
		],
		state
	);
	return { f, state: next };
}

describe('A15: Your products', () => {
	it('A15: a site admin has every product of the site; a license contact the license’s product', () => {
		const { state } = sites();
		expect(yourProducts(state, A.bob)).toEqual([
			{
				siteId: S1,
				siteName: 'acme.example.net',
				productId: productId('chat'),
				productName: 'Tessera Chat',
				kind: 'chat',
				via: ['site-admin', 'license-contact']
			},
			expect.objectContaining({ productId: productId('issues'), via: ['site-admin'] })
		]);
		expect(yourProducts(state, A.carol).map((p) => [p.siteName, p.productId, p.via])).toEqual([
			['acme.example.net', 'chat', ['license-contact']]
		]);
		expect(yourProducts(state, A.dave).map((p) => p.productId)).toEqual(['pages']);
	});

	it('A15: a server license opens no product here, and nobody else’s site shows', () => {
		const { state } = sites();
		// Alice holds only server license L1.
		expect(yourProducts(state, A.alice)).toEqual([]);
		expect(productAccess(state, A.alice, S1, productId('issues'))).toBeNull();
		expect(productAccess(state, A.carol, S1, productId('issues'))).toBeNull();
		expect(productAccess(state, A.carol, S1, productId('chat'))?.siteName).toBe('acme.example.net');
	});

	it('A15/A11: a product user upgraded to the account has that site’s products it uses', () => {
		const { f, state } = sites();
		const users = new ProductChanges(f);
		const upgraded = build(
			[
				users.add(A.bob, S1, { email: 'DAVE@other.org', products: ['issues'] }),
				users.upgrade(A.bob, S1)
			],
			state
		);
		expect(yourProducts(upgraded, A.dave).map((p) => [p.siteName, p.productId, p.via])).toEqual([
			['acme.example.net', 'issues', ['product-user']],
			['other.example.net', 'pages', ['site-admin']]
		]);
	});

	it('A15: a deleted account has no products, and one taken off the license loses its product', () => {
		const { f, state } = sites();
		const gone = build([new AccountChanges(f).delete(A.carol, A.carol)], state);
		expect(yourProducts(gone, A.carol)).toEqual([]);
		const removed = build([f.remove(A.bob, L2, 'technical', A.carol)], state);
		expect(yourProducts(removed, A.carol)).toEqual([]);
	});
});
