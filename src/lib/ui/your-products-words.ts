// A15 words: why a product is in "Your products", and what a product's simulated home says.
import type { ProductAccess, YourProduct } from '$lib/core';

const WHY: Readonly<Record<ProductAccess, string>> = {
	'site-admin': 'you administer this site',
	'license-contact': 'you are a contact of its license',
	'product-user': 'your product user was upgraded to this account'
};

/** "Because you administer this site and you are a contact of its license." */
export function accessWords(via: readonly ProductAccess[]): string {
	const parts = via.map((why) => WHY[why]);
	if (parts.length === 0) return '';
	const last = parts.at(-1) ?? '';
	const head = parts.slice(0, -1);
	return `Because ${head.length === 0 ? last : `${head.join(', ')} and ${last}`}.`;
}

/** What the simulated home of each kind of product shows first. */
const HOME: Readonly<Record<YourProduct['kind'], string>> = {
	'issue-tracker': 'Your open issues and the boards you follow would be here.',
	wiki: 'The spaces and pages you recently visited would be here.',
	'code-hosting': 'Your repositories and pull requests waiting for review would be here.',
	'service-desk': 'The requests in your queues would be here.',
	chat: 'Your rooms and direct messages would be here.'
};

export function homeWords(kind: YourProduct['kind']): string {
	return HOME[kind];
}

/** The URL of a product's simulated home (A15): one route, the site and product as query. */
export function productHomeHref(p: Pick<YourProduct, 'siteId' | 'productId'>): string {
	const query = new URLSearchParams({ site: p.siteId, product: p.productId });
	return `/products/home?${query.toString()}`;
}

/** "Your products" by site, in the order the core gives (site name, then product name). */
export function groupBySite(
	products: readonly YourProduct[]
): readonly { id: string; name: string; products: readonly YourProduct[] }[] {
	const sites: { id: string; name: string; products: YourProduct[] }[] = [];
	for (const p of products) {
		const last = sites.at(-1);
		if (last?.id === p.siteId) last.products.push(p);
		else sites.push({ id: p.siteId, name: p.siteName, products: [p] });
	}
	return sites;
}
