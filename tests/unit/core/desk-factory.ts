// Builds the service-desk changes (A9) for tests, on top of a ChangeFactory so clock order stays
// creation order.
import { accountId } from '$lib/core';
import type { AccountId, ChangeOf, SiteId } from '$lib/core';
import type { ChangeFactory } from './factories';

type Actor = AccountId | null;

export class DeskChanges {
	constructor(private readonly f: ChangeFactory) {}

	add(actor: Actor, siteId: SiteId, email: string, name = 'Cust'): ChangeOf<'customer.add'> {
		return { ...this.f.envelope(actor), type: 'customer.add', payload: { siteId, email, name } };
	}

	rename(actor: Actor, siteId: SiteId, email: string, name: string): ChangeOf<'customer.rename'> {
		return {
			...this.f.envelope(actor),
			type: 'customer.rename',
			payload: { siteId, email, name }
		};
	}

	remove(actor: Actor, siteId: SiteId, email: string): ChangeOf<'customer.remove'> {
		return { ...this.f.envelope(actor), type: 'customer.remove', payload: { siteId, email } };
	}

	migrate(
		actor: Actor,
		siteId: SiteId,
		email: string,
		id: AccountId = accountId(`from-${email}`)
	): ChangeOf<'customer.migrate'> {
		return {
			...this.f.envelope(actor),
			type: 'customer.migrate',
			payload: { siteId, email, accountId: id }
		};
	}
}
