// P3 with A11: product users of the demo's northwind-labs.example.net site (Tom administers it)
// waiting for "Upgrade to accounts": Nina uses Issues and Repos as two product users with one
// email (the upgrade makes her one account), Sam's product login for the service desk has the
// address of his account (the upgrade reuses it), and the build bot is used on both Northwind
// sites (the upgrade flags it: a unique email per site, or an app password, A14). Plain changes
// without their envelope; the demo loader gives each an id. Addresses no other demo story uses.
import type { ChangeOf } from './changes/types';
import { accountId, productId, siteId } from './ids';

type Body = Omit<ChangeOf<'productUser.add'>, 'id' | 'device' | 'clock' | 'at' | 'prev'>;

export const DEMO_PRODUCT_SITE = 'northwind-labs.example.net';
export const DEMO_BOT = 'build-bot@northwind.example';

const TOM = accountId('a_demo_tom');
const LABS = siteId('s_demo_labs');

const user = (
	email: string,
	name: string,
	products: readonly ('issues' | 'repos' | 'desk')[],
	usedOn: readonly string[] | null = null
): Body => ({
	actor: TOM,
	type: 'productUser.add',
	payload: {
		siteId: LABS,
		email,
		name,
		productIds: products.map(productId),
		bot: usedOn !== null,
		usedOn: usedOn ?? []
	}
});

/** A11: the product users the demo loader adds after the licenses (which give the site its products). */
export function demoProductUsers(): Body[] {
	return [
		user('nina.berg@northwind.example', 'Nina Berg', ['issues']),
		user('Nina.Berg@northwind.example', 'Nina Berg', ['repos']),
		user('sam.lee@northwind.example', 'Sam Lee', ['desk']),
		user(DEMO_BOT, 'Build bot', ['repos', 'issues'], ['northwind.example.net'])
	];
}
