// A9: the drafts of the service-desk commands; the core decides whether the actor (an admin of
// the site) may (X3).
import { accountId, changeId } from '$lib/core';
import type { AccountId, SiteId } from '$lib/core';
import type { ChangeDraft } from '$lib/store/types';
import type { AppContext } from './context';

export interface CustomerRef {
	readonly siteId: SiteId;
	readonly email: string;
}

export interface CustomerInput extends CustomerRef {
	readonly name: string;
}

const envelope = (ctx: AppContext, actor: AccountId) => ({
	id: changeId(ctx.newId('c_')),
	actor
});

export function addCustomerDraft(ctx: AppContext, actor: AccountId, i: CustomerInput): ChangeDraft {
	const payload = { siteId: i.siteId, email: i.email, name: i.name };
	return { ...envelope(ctx, actor), type: 'customer.add', payload };
}

export function renameCustomerDraft(
	ctx: AppContext,
	actor: AccountId,
	i: CustomerInput
): ChangeDraft {
	const payload = { siteId: i.siteId, email: i.email, name: i.name };
	return { ...envelope(ctx, actor), type: 'customer.rename', payload };
}

export function removeCustomerDraft(
	ctx: AppContext,
	actor: AccountId,
	i: CustomerRef
): ChangeDraft {
	const payload = { siteId: i.siteId, email: i.email };
	return { ...envelope(ctx, actor), type: 'customer.remove', payload };
}

/** A9: a new invited account (C4); A4's "Can't log in?" gives it a password. */
export function migrateCustomerDraft(
	ctx: AppContext,
	actor: AccountId,
	i: CustomerRef
): ChangeDraft {
	const payload = { siteId: i.siteId, email: i.email, accountId: accountId(ctx.newId('a_')) };
	return { ...envelope(ctx, actor), type: 'customer.migrate', payload };
}
