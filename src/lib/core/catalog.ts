// The product catalog is data, not code (the data model in docs/rules.md): licenses (C0), tiers and the C10 billing
// estimate all read it. Prices are whole cents per user per month, so sums stay exact.
import { productId } from './ids';
import type { ProductId } from './ids';

export type Hosting = 'server' | 'cloud';

export interface Product {
	readonly id: ProductId;
	readonly name: string;
	/** What kind of product it is, for grouping in the UI. */
	readonly kind: 'issue-tracker' | 'wiki' | 'code-hosting' | 'service-desk' | 'chat';
	/** Cents per user per month, by hosting. */
	readonly pricePerUser: Readonly<Record<Hosting, number>>;
	/** The user tiers a license can be bought for. */
	readonly tiers: readonly number[];
}

const STANDARD_TIERS = [10, 25, 50, 100, 250, 500] as const;

export const CATALOG: readonly Product[] = [
	{
		id: productId('issues'),
		name: 'Tessera Issues',
		kind: 'issue-tracker',
		pricePerUser: { server: 700, cloud: 815 },
		tiers: STANDARD_TIERS
	},
	{
		id: productId('pages'),
		name: 'Tessera Pages',
		kind: 'wiki',
		pricePerUser: { server: 500, cloud: 605 },
		tiers: STANDARD_TIERS
	},
	{
		id: productId('repos'),
		name: 'Tessera Repos',
		kind: 'code-hosting',
		pricePerUser: { server: 300, cloud: 330 },
		tiers: STANDARD_TIERS
	},
	{
		id: productId('desk'),
		name: 'Tessera Desk',
		kind: 'service-desk',
		pricePerUser: { server: 1700, cloud: 2000 },
		tiers: [10, 25, 50, 100, 250]
	},
	{
		id: productId('chat'),
		name: 'Tessera Chat',
		kind: 'chat',
		pricePerUser: { server: 200, cloud: 250 },
		tiers: STANDARD_TIERS
	}
];

const byId: ReadonlyMap<string, Product> = new Map(CATALOG.map((p) => [p.id, p]));

export function findProduct(id: string): Product | undefined {
	return byId.get(id);
}

/** Monthly price of a license in cents: price per user for its hosting × its user tier. */
export function monthlyEstimate(license: {
	readonly productId: ProductId;
	readonly hosting: Hosting;
	readonly tier: number;
}): number {
	const product = findProduct(license.productId);
	return product === undefined ? 0 : product.pricePerUser[license.hosting] * license.tier;
}
