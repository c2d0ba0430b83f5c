// A11 and A14 questions the UI, the app layer and A15 ("Your products") ask of the state.
import { normaliseDomain, normaliseEmail } from './domains';
import type { AccountId, ProductId, SiteId } from './ids';
import type { Account, AppPassword, ProductUser, Site } from './model';
import type { State } from './state';

export function productUsersOf(site: Site): readonly ProductUser[] {
	return site.productUsers ?? [];
}

/** A11: a bot used on more than one site: it needs a unique email or an app password (A14). */
export function isFlaggedBot(user: Pick<ProductUser, 'bot' | 'usedOn'>): boolean {
	return user.bot && new Set(user.usedOn).size > 1;
}

/** A11: product users not upgraded yet. */
export function waitingUsers(site: Site): readonly ProductUser[] {
	return productUsersOf(site).filter((u) => u.accountId == null);
}

export interface ProductUserSite {
	readonly siteId: SiteId;
	readonly productIds: readonly ProductId[];
}

/**
 * A11 for A15: the sites where the account is an upgraded product user, with the products it
 * uses there (in the site's order), by site name.
 */
export function productUserSites(state: State, account: AccountId): ProductUserSite[] {
	const out: { name: string; entry: ProductUserSite }[] = [];
	for (const site of state.sites.values()) {
		const used = new Set<ProductId>();
		for (const u of productUsersOf(site)) {
			if (u.accountId === account) for (const p of u.productIds) used.add(p);
		}
		if (used.size === 0) continue;
		const productIds = site.productIds.filter((p) => used.has(p));
		out.push({ name: site.name, entry: { siteId: site.id, productIds } });
	}
	return out.sort((a, b) => a.name.localeCompare(b.name)).map((x) => x.entry);
}

/**
 * A11 for A14: the sites the account is used on as a flagged bot (an upgraded bot product user
 * used on several sites), sorted; empty when it is no such bot.
 */
export function flaggedBotSites(state: State, account: AccountId): string[] {
	const sites = new Set<string>();
	for (const site of state.sites.values()) {
		for (const u of productUsersOf(site)) {
			if (u.accountId === account && isFlaggedBot(u)) for (const s of u.usedOn) sites.add(s);
		}
	}
	return [...sites].sort();
}

/** A14: the account's app passwords, oldest first. */
export function appPasswordsOf(account: Pick<Account, 'appPasswords'>): readonly AppPassword[] {
	return account.appPasswords ?? [];
}

/** A14: what the simulated basic-authentication check of a site needs to know. */
export type BasicAuthTarget =
	| {
			readonly ok: true;
			readonly account: Account;
			readonly site: Site;
			/** The account's app passwords for this site. */
			readonly appPasswords: readonly AppPassword[];
			/** A11: a flagged bot: its account password is refused, an app password is needed. */
			readonly botSites: readonly string[];
	  }
	| { readonly ok: false; readonly code: 'unknown-site' | 'no-account' };

/**
 * A14: the site by host name and the active account by address (compared as C5 does). An
 * inactive or unknown account is 'no-account', answered like a wrong password by the caller.
 */
export function basicAuthTarget(state: State, email: string, siteName: string): BasicAuthTarget {
	const host = normaliseDomain(siteName);
	const siteId = host === null ? undefined : state.siteIdByName.get(host);
	const site = siteId === undefined ? undefined : state.sites.get(siteId);
	if (site === undefined) return { ok: false, code: 'unknown-site' };
	const address = normaliseEmail(email);
	const id = address === null ? undefined : state.accountIdByEmailKey.get(address.key);
	const account = id === undefined ? undefined : state.accounts.get(id);
	if (account === undefined || account.status !== 'active')
		return { ok: false, code: 'no-account' };
	return {
		ok: true,
		account,
		site,
		appPasswords: appPasswordsOf(account).filter((p) => p.siteId === site.id),
		botSites: flaggedBotSites(state, account.id)
	};
}
