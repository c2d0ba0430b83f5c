// Turns the record writes a rule decided on into a new State and the list of effects, and
// keeps every index in step. It is the only code that writes State, so indexes cannot drift.
// Copy-on-write (for `apply`) copies only the Maps and Sets it touches; in place (for
// `applyInPlace`) it writes straight into the given State.
import type { AccountId, LicenseId, MailId, OrganizationId, SiteId, SupportAccountId } from './ids';
import type { Account, License, Mail, Organization, Site, SupportAccount } from './model';
import { members } from './roles';
import { emptyState } from './state';
import type { Effect, Records, State } from './state';

export interface Pending {
	readonly accounts: Map<AccountId, Account>;
	readonly licenses: Map<LicenseId, License>;
	readonly sites: Map<SiteId, Site>;
	readonly mail: Map<MailId, Mail>;
	readonly organizations: Map<OrganizationId, Organization>;
	readonly supportAccounts: Map<SupportAccountId, SupportAccount>;
}

export const emptyPending = (): Pending => ({
	accounts: new Map(),
	licenses: new Map(),
	sites: new Map(),
	mail: new Map(),
	organizations: new Map(),
	supportAccounts: new Map()
});

/** O2: the domains an organization has verified. */
const verifiedDomains = (o: Organization | undefined): Set<string> =>
	new Set(o?.domains.filter((d) => d.status === 'verified').map((d) => d.domain) ?? []);

class Writer {
	private readonly fresh = new WeakSet<object>();
	constructor(private readonly inPlace: boolean) {}

	map<K, V>(m: Map<K, V>): Map<K, V> {
		if (this.inPlace || this.fresh.has(m)) return m;
		const copy = new Map(m);
		this.fresh.add(copy);
		return copy;
	}

	set<V>(s: Set<V> | undefined): Set<V> {
		if (s !== undefined && (this.inPlace || this.fresh.has(s))) return s;
		const copy = new Set(s);
		this.fresh.add(copy);
		return copy;
	}

	link<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
		const current = index.get(key);
		if (current?.has(value)) return;
		const next = this.set(current);
		next.add(value);
		index.set(key, next);
	}

	unlink<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
		const current = index.get(key);
		if (current === undefined || !current.has(value)) return;
		const next = this.set(current);
		next.delete(value);
		if (next.size === 0) index.delete(key);
		else index.set(key, next);
	}
}

const licenseMembers = (l: License | undefined): Set<AccountId> =>
	new Set(l === undefined ? [] : [...members(l.billing), ...members(l.technical)]);

export function commit(
	base: State,
	pending: Pending,
	inPlace: boolean
): { state: State; effects: Effect[] } {
	const w = new Writer(inPlace);
	const s: State = inPlace ? base : { ...base };
	const effects: Effect[] = [];

	for (const a of pending.accounts.values()) {
		const old = s.accounts.get(a.id);
		s.accounts = w.map(s.accounts);
		s.accounts.set(a.id, a);
		const oldKey = old !== undefined && old.status !== 'deleted' ? old.emailKey : null;
		const newKey = a.status !== 'deleted' ? a.emailKey : null;
		if (oldKey !== newKey) {
			s.accountIdByEmailKey = w.map(s.accountIdByEmailKey);
			if (oldKey !== null && s.accountIdByEmailKey.get(oldKey) === a.id) {
				s.accountIdByEmailKey.delete(oldKey);
			}
			if (newKey !== null) s.accountIdByEmailKey.set(newKey, a.id);
		}
		effects.push({ kind: 'put', store: 'accounts', value: a });
	}

	for (const site of pending.sites.values()) {
		const old = s.sites.get(site.id);
		s.sites = w.map(s.sites);
		s.sites.set(site.id, site);
		if (old?.name !== site.name) {
			s.siteIdByName = w.map(s.siteIdByName);
			if (old !== undefined) s.siteIdByName.delete(old.name);
			s.siteIdByName.set(site.name, site.id);
		}
		const before = new Set(old?.admins ?? []);
		const after = new Set(site.admins);
		if (before.size !== after.size || [...after].some((id) => !before.has(id))) {
			s.siteIdsByAdmin = w.map(s.siteIdsByAdmin);
			for (const id of before) if (!after.has(id)) w.unlink(s.siteIdsByAdmin, id, site.id);
			for (const id of after) w.link(s.siteIdsByAdmin, id, site.id);
		}
		effects.push({ kind: 'put', store: 'sites', value: site });
	}

	for (const l of pending.licenses.values()) {
		const old = s.licenses.get(l.id);
		s.licenses = w.map(s.licenses);
		s.licenses.set(l.id, l);
		if (old?.sen !== l.sen) {
			s.licenseIdBySen = w.map(s.licenseIdBySen);
			if (old !== undefined) s.licenseIdBySen.delete(old.sen);
			s.licenseIdBySen.set(l.sen, l.id);
		}
		if (old?.siteId !== l.siteId) {
			s.licenseIdsBySite = w.map(s.licenseIdsBySite);
			if (old?.siteId) w.unlink(s.licenseIdsBySite, old.siteId, l.id);
			if (l.siteId !== null) w.link(s.licenseIdsBySite, l.siteId, l.id);
		}
		const before = licenseMembers(old);
		const after = licenseMembers(l);
		if (before.size !== after.size || [...after].some((id) => !before.has(id))) {
			s.licenseIdsByAccount = w.map(s.licenseIdsByAccount);
			for (const id of before) if (!after.has(id)) w.unlink(s.licenseIdsByAccount, id, l.id);
			for (const id of after) w.link(s.licenseIdsByAccount, id, l.id);
		}
		effects.push({ kind: 'put', store: 'licenses', value: l });
	}

	for (const m of pending.mail.values()) {
		const old = s.mail.get(m.id);
		s.mail = w.map(s.mail);
		s.mail.set(m.id, m);
		if (old?.toKey !== m.toKey) {
			s.mailIdsByToKey = w.map(s.mailIdsByToKey);
			if (old !== undefined) w.unlink(s.mailIdsByToKey, old.toKey, m.id);
			w.link(s.mailIdsByToKey, m.toKey, m.id);
		}
		effects.push({ kind: 'put', store: 'mail', value: m });
	}

	for (const o of pending.organizations.values()) {
		const old = s.organizations.get(o.id);
		s.organizations = w.map(s.organizations);
		s.organizations.set(o.id, o);
		const before = verifiedDomains(old);
		const after = verifiedDomains(o);
		if (before.size !== after.size || [...after].some((d) => !before.has(d))) {
			s.organizationIdByDomain = w.map(s.organizationIdByDomain);
			for (const d of before) {
				if (!after.has(d) && s.organizationIdByDomain.get(d) === o.id) {
					s.organizationIdByDomain.delete(d);
				}
			}
			for (const d of after) s.organizationIdByDomain.set(d, o.id);
		}
		effects.push({ kind: 'put', store: 'organizations', value: o });
	}

	for (const a of pending.supportAccounts.values()) {
		const old = s.supportAccounts.get(a.id);
		s.supportAccounts = w.map(s.supportAccounts);
		s.supportAccounts.set(a.id, a);
		if (old?.emailKey !== a.emailKey) {
			s.supportAccountIdsByEmailKey = w.map(s.supportAccountIdsByEmailKey);
			if (old !== undefined) w.unlink(s.supportAccountIdsByEmailKey, old.emailKey, a.id);
			w.link(s.supportAccountIdsByEmailKey, a.emailKey, a.id);
		}
		effects.push({ kind: 'put', store: 'supportAccounts', value: a });
	}

	return { state: s, effects };
}

/** Rebuilds a State, indexes included, from the records the store persisted. */
export function stateFromRecords(records: Records): State {
	const pending = emptyPending();
	for (const a of records.accounts) pending.accounts.set(a.id, a);
	for (const site of records.sites) pending.sites.set(site.id, site);
	for (const l of records.licenses) pending.licenses.set(l.id, l);
	for (const m of records.mail) pending.mail.set(m.id, m);
	for (const o of records.organizations ?? []) pending.organizations.set(o.id, o);
	for (const a of records.supportAccounts ?? []) pending.supportAccounts.set(a.id, a);
	return commit(emptyState(), pending, true).state;
}
