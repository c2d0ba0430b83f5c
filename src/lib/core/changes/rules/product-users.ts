// A11: a site's product-local users, and their upgrade to accounts, by the site's admins only.
import { normaliseDomain, normaliseEmail } from '../../domains';
import type { Refusal } from '../../errors';
import { accountId } from '../../ids';
import type { ProductId } from '../../ids';
import { usersUpgraded } from '../../mail-products';
import type { Account, ProductUser, Site, UpgradeEntry } from '../../model';
import { isFlaggedBot, productUsersOf } from '../../product-queries';
import { ok } from '../../result';
import type { Result } from '../../result';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_NAME, requireActor, text } from '../guards';
import type { ProductUserAdd, ProductUserRemove, SiteUpgradeUsers } from '../types';

/** A bot is used on at most this many sites (the form's list, and a file's). */
export const MAX_USED_ON = 50;

/** S6, A11: an active actor who is an admin of the named site. */
function requireSiteAdmin(
	d: Draft,
	id: Site['id']
): Result<{ actor: Account; site: Site }, Refusal> {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const site = d.site(id);
	if (site === undefined) return refuse('unknown-site', { id });
	if (!site.admins.includes(actor.value.id)) return refuse('not-site-admin');
	return ok({ actor: actor.value, site });
}

/** A11: the site first, then the other sites a bot is used on, normalised and distinct. */
function sitesUsedOn(site: Site, names: readonly string[]): Result<string[], Refusal> {
	if (names.length > MAX_USED_ON) return refuse('invalid-payload', { field: 'usedOn' });
	const out = [site.name];
	for (const name of names) {
		const host = normaliseDomain(name);
		if (host === null) return refuse('invalid-site-name');
		if (!out.includes(host)) out.push(host);
	}
	return ok(out);
}

export function productUserAdd(d: Draft, c: ProductUserAdd): Outcome {
	const p = c.payload;
	const admin = requireSiteAdmin(d, p.siteId);
	if (!admin.ok) return admin;
	const { site } = admin.value;
	const address = normaliseEmail(p.email);
	if (address === null) return refuse('invalid-email');
	const name = text(p.name, MAX_NAME);
	if (name === null) return refuse('name-required');
	const wanted = new Set(p.productIds);
	if (wanted.size === 0) return refuse('product-required');
	for (const id of wanted)
		if (!site.productIds.includes(id)) return refuse('unknown-product', { id });
	const users = productUsersOf(site);
	const clash = users.some(
		(u) => u.emailKey === address.key && u.productIds.some((id) => wanted.has(id))
	);
	if (clash) return refuse('product-user-exists');
	if (users.some((u) => u.id === c.id)) return refuse('duplicate-id', { id: c.id });
	const usedOn = p.bot ? sitesUsedOn(site, p.usedOn) : ok([]);
	if (!usedOn.ok) return usedOn;
	const user: ProductUser = {
		id: c.id,
		email: address.email,
		emailKey: address.key,
		name,
		productIds: site.productIds.filter((id) => wanted.has(id)),
		bot: p.bot,
		usedOn: usedOn.value,
		addedAt: c.at
	};
	d.putSite({ ...site, productUsers: [...users, user] });
	return done();
}

export function productUserRemove(d: Draft, c: ProductUserRemove): Outcome {
	const admin = requireSiteAdmin(d, c.payload.siteId);
	if (!admin.ok) return admin;
	const { site } = admin.value;
	const users = productUsersOf(site);
	if (!users.some((u) => u.id === c.payload.userId)) return refuse('unknown-product-user');
	d.putSite({ ...site, productUsers: users.filter((u) => u.id !== c.payload.userId) });
	return done();
}

/** The waiting product users by normalised address, in address order. */
function byAddress(users: readonly ProductUser[]): Map<string, ProductUser[]> {
	const groups = new Map<string, ProductUser[]>();
	const waiting = users.filter((u) => u.accountId == null);
	for (const u of [...waiting].sort((a, b) => (a.emailKey < b.emailKey ? -1 : 1))) {
		groups.set(u.emailKey, [...(groups.get(u.emailKey) ?? []), u]);
	}
	return groups;
}

/**
 * A11: one account per address across the site's waiting product users. An active account
 * with the address is reused; a deactivated one keeps them waiting ('inactive'); otherwise an
 * invited account (C4) is made with the id `<change id>-<n>` (n counts the addresses in
 * order) and mailed A4's link. The report, one entry per address, is kept on the site.
 */
export function siteUpgradeUsers(d: Draft, c: SiteUpgradeUsers): Outcome {
	const admin = requireSiteAdmin(d, c.payload.siteId);
	if (!admin.ok) return admin;
	const { actor, site } = admin.value;
	const groups = byAddress(productUsersOf(site));
	if (groups.size === 0) return refuse('nothing-to-upgrade');
	const became = new Map<string, Account['id']>();
	const entries: UpgradeEntry[] = [];
	let n = 0;
	for (const [key, users] of groups) {
		const first = users[0];
		if (first === undefined) continue;
		const existing = d.accountByEmailKey(key);
		let entry: Pick<UpgradeEntry, 'outcome' | 'accountId'>;
		if (existing !== undefined) {
			entry =
				existing.status === 'active'
					? { outcome: 'reused', accountId: existing.id }
					: { outcome: 'inactive', accountId: null };
		} else {
			const id = `${c.id}-${n++}`;
			if (id.length > 100) return refuse('invalid-payload', { field: 'id' });
			if (d.account(accountId(id)) !== undefined) return refuse('duplicate-id', { id });
			const account: Account = {
				id: accountId(id),
				email: first.email,
				emailKey: key,
				name: first.name,
				status: 'active',
				verified: false,
				source: 'password',
				invited: true,
				createdAt: c.at,
				secrets: {}
			};
			d.putAccount(account);
			d.send(account, usersUpgraded(account, site, actor));
			entry = { outcome: 'invited', accountId: account.id };
		}
		if (entry.accountId !== null) became.set(key, entry.accountId);
		const products = new Set<ProductId>(users.flatMap((u) => u.productIds));
		const bots = users.filter(isFlaggedBot);
		entries.push({
			email: first.email,
			name: first.name,
			...entry,
			productIds: site.productIds.filter((id) => products.has(id)),
			flaggedBot: bots.length > 0,
			usedOn: [...new Set(bots.flatMap((u) => u.usedOn))]
		});
	}
	const productUsers = productUsersOf(site).map((u) => {
		const id = u.accountId == null ? became.get(u.emailKey) : undefined;
		return id === undefined ? u : { ...u, accountId: id };
	});
	d.putSite({ ...site, productUsers, lastUpgrade: { changeId: c.id, at: c.at, entries } });
	return done();
}
