// Builds the product-user (A11) and app-password (A14) changes for tests, on top of a
// ChangeFactory so clock order stays creation order.
import { productId } from '$lib/core';
import type { AccountId, ChangeOf, SiteId } from '$lib/core';
import type { ChangeFactory } from './factories';

type Actor = AccountId | null;

/** A SHA-256 (43 base64url characters) standing for the secret `s` (the app makes real ones). */
export const secretHashOf = (s: string): string =>
	[...s.padEnd(43, '_')]
		.slice(0, 43)
		.map((ch) => (/[A-Za-z0-9_-]/.test(ch) ? ch : '_'))
		.join('');

export interface UserInput {
	email: string;
	name?: string;
	products?: string[];
	bot?: boolean;
	usedOn?: string[];
}

export class ProductChanges {
	constructor(private readonly f: ChangeFactory) {}

	add(actor: Actor, siteId: SiteId, u: UserInput): ChangeOf<'productUser.add'> {
		return {
			...this.f.envelope(actor),
			type: 'productUser.add',
			payload: {
				siteId,
				email: u.email,
				name: u.name ?? 'User',
				productIds: (u.products ?? ['issues']).map(productId),
				bot: u.bot ?? false,
				usedOn: u.usedOn ?? []
			}
		};
	}

	remove(actor: Actor, siteId: SiteId, userId: string): ChangeOf<'productUser.remove'> {
		return { ...this.f.envelope(actor), type: 'productUser.remove', payload: { siteId, userId } };
	}

	upgrade(actor: Actor, siteId: SiteId): ChangeOf<'site.upgradeUsers'> {
		return { ...this.f.envelope(actor), type: 'site.upgradeUsers', payload: { siteId } };
	}

	createApp(
		actor: Actor,
		siteId: SiteId,
		name: string,
		secret = 'secret'
	): ChangeOf<'appPassword.create'> {
		return {
			...this.f.envelope(actor),
			type: 'appPassword.create',
			payload: { name, siteId, secretHash: secretHashOf(secret) }
		};
	}

	revokeApp(actor: Actor, accountId: AccountId, id: string): ChangeOf<'appPassword.revoke'> {
		return {
			...this.f.envelope(actor),
			type: 'appPassword.revoke',
			payload: { accountId, entryId: id }
		};
	}

	useApp(accountId: AccountId, id: string): ChangeOf<'appPassword.use'> {
		return {
			...this.f.envelope(null),
			type: 'appPassword.use',
			payload: { accountId, entryId: id }
		};
	}
}
