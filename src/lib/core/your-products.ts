// A15: one account, one session for every product. "Your products" is a question of the state:
// every product on every cloud site the account may use, and why it may (site admin, contact of
// the site's cloud license for that product, and product users A11 upgraded to it). The
// session itself is the app's; opening a product only asks this query whether it may be shown.
import { findProduct } from './catalog';
import type { Product } from './catalog';
import type { AccountId, ProductId, SiteId } from './ids';
import { productUserSites } from './product-queries';
import { holds } from './roles';
import type { State } from './state';

/** Why the account may use a product on a site. */
export type ProductAccess = 'site-admin' | 'license-contact' | 'product-user';

export interface YourProduct {
	readonly siteId: SiteId;
	readonly siteName: string;
	readonly productId: ProductId;
	readonly productName: string;
	readonly kind: Product['kind'];
	/** Every reason, in ProductAccess order; never empty. */
	readonly via: readonly ProductAccess[];
}

const ORDER: readonly ProductAccess[] = ['site-admin', 'license-contact', 'product-user'];

/**
 * A15: the products the account may open, by site name then product name. A deactivated or
 * deleted account, or one that is not on this device, has none.
 */
export function yourProducts(state: State, account: AccountId): readonly YourProduct[] {
	if (state.accounts.get(account)?.status !== 'active') return [];
	const reasons = new Map<
		string,
		{ siteId: SiteId; productId: ProductId; via: Set<ProductAccess> }
	>();
	const grant = (siteId: SiteId, productId: ProductId, why: ProductAccess): void => {
		const key = `${siteId}\u0000${productId}`;
		const entry = reasons.get(key) ?? { siteId, productId, via: new Set<ProductAccess>() };
		entry.via.add(why);
		reasons.set(key, entry);
	};
	for (const siteId of state.siteIdsByAdmin.get(account) ?? []) {
		for (const productId of state.sites.get(siteId)?.productIds ?? []) {
			grant(siteId, productId, 'site-admin');
		}
	}
	for (const licenseId of state.licenseIdsByAccount.get(account) ?? []) {
		const license = state.licenses.get(licenseId);
		if (license === undefined || license.siteId === null) continue;
		if (holds(license.billing, account) || holds(license.technical, account)) {
			grant(license.siteId, license.productId, 'license-contact');
		}
	}
	for (const { siteId, productIds } of productUserSites(state, account)) {
		for (const productId of productIds) grant(siteId, productId, 'product-user');
	}
	const out: YourProduct[] = [];
	for (const { siteId, productId, via } of reasons.values()) {
		const site = state.sites.get(siteId);
		const product = findProduct(productId);
		if (site === undefined || product === undefined) continue;
		out.push({
			siteId,
			siteName: site.name,
			productId,
			productName: product.name,
			kind: product.kind,
			via: ORDER.filter((why) => via.has(why))
		});
	}
	return out.sort(
		(a, b) => a.siteName.localeCompare(b.siteName) || a.productName.localeCompare(b.productName)
	);
}

/** A15: the product as the account may open it on that site, or null when it may not. */
export function productAccess(
	state: State,
	account: AccountId,
	siteId: SiteId,
	productId: ProductId
): YourProduct | null {
	return (
		yourProducts(state, account).find((p) => p.siteId === siteId && p.productId === productId) ??
		null
	);
}
