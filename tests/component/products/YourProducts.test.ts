// A15 in the UI: "Your products" grouped by site, each product a link to its simulated home
// that says why it is there; a product's home shows who is signed in, with no log in form.
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { productId, siteId } from '$lib/core';
import type { YourProduct } from '$lib/core';
import ProductHome from '$lib/components/products/ProductHome.svelte';
import YourProducts from '$lib/components/products/YourProducts.svelte';

const chat: YourProduct = {
	siteId: siteId('site-1'),
	siteName: 'acme.example.net',
	productId: productId('chat'),
	productName: 'Tessera Chat',
	kind: 'chat',
	via: ['site-admin', 'license-contact']
};
const pages: YourProduct = {
	siteId: siteId('site-2'),
	siteName: 'other.example.net',
	productId: productId('pages'),
	productName: 'Tessera Pages',
	kind: 'wiki',
	via: ['product-user']
};

describe('YourProducts (A15)', () => {
	it('A15: one region per site, each product a link to its home with the reason beside it', () => {
		render(YourProducts, { products: [chat, pages] });
		const acme = screen.getByRole('region', { name: 'acme.example.net' });
		const link = within(acme).getByRole('link', { name: 'Tessera Chat on acme.example.net' });
		expect(link).toHaveAttribute('href', '/products/home?site=site-1&product=chat');
		expect(
			within(acme).getByText(
				'Because you administer this site and you are a contact of its license.'
			)
		).toBeInTheDocument();
		const other = screen.getByRole('region', { name: 'other.example.net' });
		expect(within(other).getByRole('link', { name: /Tessera Pages/ })).toBeInTheDocument();
		expect(
			within(other).getByText('Because your product user was upgraded to this account.')
		).toBeInTheDocument();
	});

	it('A15: with no product it says how one comes to be listed', () => {
		render(YourProducts, { products: [] });
		expect(screen.queryByRole('link')).toBeNull();
		expect(screen.getByText(/No products yet/)).toBeInTheDocument();
	});
});

describe('ProductHome (A15)', () => {
	it('A15: names the product and the site, and who is signed in, without a password field', () => {
		render(ProductHome, { product: chat, name: 'Bob', email: 'bob@acme.com' });
		expect(screen.getByRole('heading', { level: 1, name: 'Tessera Chat' })).toBeInTheDocument();
		expect(screen.getByText(/Simulated product home on/)).toHaveTextContent('acme.example.net');
		expect(screen.getByRole('note')).toHaveTextContent(
			'Signed in as Bob (bob@acme.com) with your Tessera account: no second log in.'
		);
		expect(screen.queryByLabelText('Password')).toBeNull();
		expect(screen.getByRole('link', { name: 'All your products' })).toHaveAttribute(
			'href',
			'/products'
		);
	});
});
