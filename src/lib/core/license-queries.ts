// Read-only questions the license pages ask of the State, answered by the core so that every
// page (and the rules) agree: which licenses a person sees and can search (C3), who they can
// hand over (C11), and which licenses are due for renewal, with the same window and edges as
// the renewal reminders themselves (C9). Pure functions of State and `now`.
import { can, canSee, capabilitiesOf, visibleLicenses } from './capabilities';
import { RENEWAL_WINDOW_MS } from './changes/rules/licenses';
import type { AccountId } from './ids';
import type { License } from './model';
import { members } from './roles';
import type { State } from './state';

const DAY = 24 * 60 * 60 * 1000;

/** C9: reminders go out for licenses expiring within this many days (RENEWAL_WINDOW_MS). */
export const RENEWAL_WINDOW_DAYS = RENEWAL_WINDOW_MS / DAY;

/**
 * Where a license stands at `now`: `expired` once its expiry has passed, `due` from the
 * moment `renewal.remind` would mail its quote (expiry within RENEWAL_WINDOW_MS, both edges
 * included, as the rule counts them), `ok` before that.
 */
export type RenewalState = 'expired' | 'due' | 'ok';

export function renewalState(expiresAt: number, now: number): RenewalState {
	if (expiresAt < now) return 'expired';
	return expiresAt <= now + RENEWAL_WINDOW_MS ? 'due' : 'ok';
}

/** Whole days until expiry, rounded up (negative once expired). */
export function daysLeft(expiresAt: number, now: number): number {
	return Math.ceil((expiresAt - now) / DAY);
}

/**
 * C9: the licenses the viewer sees, receives renewal quotes for (C12), and that are due.
 * `visible` is the viewer's C3 list when the caller has it already (the Licenses page's index).
 */
export function renewalsDue(
	state: State,
	viewer: AccountId,
	now: number,
	visible: Iterable<License> = visibleLicenses(state, viewer)
): readonly License[] {
	const out: License[] = [];
	for (const l of visible) {
		// The date first: it is one comparison, the roles are a lookup and a set.
		if (renewalState(l.expiresAt, now) !== 'due') continue;
		if (can(capabilitiesOf(state, viewer, l.id), 'receive-billing-mail')) out.push(l);
	}
	return out;
}

/** One row of the searchable index: the license and the text a query is matched against. */
export interface IndexedLicense {
	readonly license: License;
	/** Lower-case SEN and every contact's normalised email, space-separated. */
	readonly text: string;
}

function indexRow(state: State, license: License): IndexedLicense {
	const parts = [license.sen.toLowerCase()];
	for (const id of [...members(license.billing), ...members(license.technical)]) {
		const key = state.accounts.get(id)?.emailKey;
		if (key !== undefined) parts.push(key);
	}
	return { license, text: parts.join(' ') };
}

/** C3's list for the viewer with its search text; costs the size of the answer. */
export function licenseIndex(state: State, viewer: AccountId): readonly IndexedLicense[] {
	return visibleLicenses(state, viewer).map((license) => indexRow(state, license));
}

/** Past this many changed licenses, building the index again costs less than patching it. */
const PATCH_LIMIT = 256;

/**
 * How many times the accounts and the sites have been written (the caller counts them: the
 * store changes the State in place, so the Maps keep their identity across commits).
 */
export interface IndexVersions {
	readonly accounts: number;
	readonly sites: number;
}

interface IndexMemo {
	readonly viewer: AccountId;
	readonly versions: IndexVersions;
	/** The license objects the rows were built from, every license (seen or not). */
	readonly built: Map<string, License>;
	rows: readonly IndexedLicense[];
	readonly at: ReadonlyMap<string, number>;
}

/**
 * `licenseIndex`, kept up to date instead of rebuilt (P4): a commit that only replaces a few
 * licenses (Make primary, a contact added) patches their rows in place, in the same SEN order,
 * without sorting or building the search text of every license again. Anything that could
 * change which licenses the viewer sees or their order builds it again: another viewer, an
 * account or a site written (`versions`), a license added or removed, a SEN changed, a license
 * coming into or out of view. The answer always equals `licenseIndex(state, viewer)` (a
 * property test checks it over random histories).
 */
export function createLicenseIndex(): (
	state: State,
	viewer: AccountId,
	versions: IndexVersions
) => readonly IndexedLicense[] {
	let memo: IndexMemo | null = null;
	const rebuild = (state: State, viewer: AccountId, versions: IndexVersions) => {
		const rows = licenseIndex(state, viewer);
		const at = new Map<string, number>(rows.map((row, i) => [row.license.id, i]));
		memo = { viewer, versions, built: new Map(state.licenses), rows, at };
		return rows;
	};
	return (state, viewer, versions) => {
		const m = memo;
		if (
			m === null ||
			m.viewer !== viewer ||
			m.versions.accounts !== versions.accounts ||
			m.versions.sites !== versions.sites ||
			m.built.size !== state.licenses.size
		) {
			return rebuild(state, viewer, versions);
		}
		const patched = new Map<number, IndexedLicense>();
		const replaced: License[] = [];
		for (const [id, license] of state.licenses) {
			const old = m.built.get(id);
			if (old === license) continue;
			if (old === undefined || old.sen !== license.sen) return rebuild(state, viewer, versions);
			const i = m.at.get(id);
			const seen = canSee(state, viewer, id);
			replaced.push(license);
			if (i === undefined && !seen) continue; // out of view before and after
			if (i === undefined || !seen) return rebuild(state, viewer, versions);
			patched.set(i, indexRow(state, license));
			if (patched.size > PATCH_LIMIT) return rebuild(state, viewer, versions);
		}
		for (const license of replaced) m.built.set(license.id, license);
		if (patched.size > 0) m.rows = m.rows.map((row, i) => patched.get(i) ?? row);
		return m.rows;
	};
}

export interface LicenseFilter {
	/** A catalog product id, or '' for every product. */
	readonly productId: string;
	/** Part of a SEN or of a contact's email; '' matches everything. */
	readonly query: string;
}

export function filterLicenses(
	index: readonly IndexedLicense[],
	filter: LicenseFilter
): readonly License[] {
	const query = filter.query.trim().toLowerCase();
	const out: License[] = [];
	for (const row of index) {
		if (filter.productId !== '' && row.license.productId !== filter.productId) continue;
		if (query !== '' && !row.text.includes(query)) continue;
		out.push(row.license);
	}
	return out;
}

export interface Person {
	readonly id: AccountId;
	readonly name: string;
	readonly email: string;
}

/**
 * C11: everyone who is a contact on a license the viewer may manage (C12): the people a
 * handover can replace. Sorted by name, then email.
 */
export function manageablePeople(state: State, viewer: AccountId): readonly Person[] {
	const ids = new Set<AccountId>();
	for (const id of state.licenseIdsByAccount.get(viewer) ?? []) {
		const license = state.licenses.get(id);
		if (license === undefined || !can(capabilitiesOf(state, viewer, id), 'manage-contacts')) {
			continue;
		}
		for (const person of [...members(license.billing), ...members(license.technical)]) {
			ids.add(person);
		}
	}
	const out: Person[] = [];
	for (const id of ids) {
		const account = state.accounts.get(id);
		if (account !== undefined) out.push({ id, name: account.name, email: account.email });
	}
	return out.sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}
