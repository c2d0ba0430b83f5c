// O2: the admin's list of the accounts an organization manages, fast with thousands of them.
// The list is built once per change of the records (one pass over the accounts, one sort by
// address) with each row's search text lower-cased ahead; a keystroke then only filters that
// sorted list in one pass, keeping its order: no sort and no lower-casing per keystroke.
import type { AccountId, OrganizationId } from './ids';
import type { AccountStatus, SignInSource } from './model';
import type { State } from './state';

export interface ManagedRow {
	readonly id: AccountId;
	readonly email: string;
	readonly name: string;
	/** Never 'deleted': a deleted account is managed by nobody. */
	readonly status: Exclude<AccountStatus, 'deleted'>;
	readonly twoStep: boolean;
	readonly source: SignInSource;
	/** When the account last logged in on this device (device-local, null: never here). */
	readonly lastLoginHere: number | null;
	/** The address and the name, lower-cased, for the search. */
	readonly search: string;
}

export interface ManagedFilter {
	/** Part of the address or the name, any case. */
	readonly query?: string;
	readonly status?: Exclude<AccountStatus, 'deleted'> | 'any';
	readonly twoStep?: 'on' | 'off' | 'any';
	readonly source?: SignInSource | 'any';
}

const domainOf = (key: string): string => key.slice(key.lastIndexOf('@') + 1);

/**
 * O2: every account (not deleted) on a domain the organization verified, by address.
 * `lastLogins` is this device's own record of log ins by account id (device-local, not in the
 * state: no change carries it), so each row says when the account last logged in here.
 */
export function managedAccountRows(
	state: State,
	organization: OrganizationId,
	lastLogins: ReadonlyMap<string, number> = new Map()
): ManagedRow[] {
	const rows: { key: string; row: ManagedRow }[] = [];
	for (const a of state.accounts.values()) {
		if (a.status === 'deleted') continue;
		if (state.organizationIdByDomain.get(domainOf(a.emailKey)) !== organization) continue;
		const twoStep = a.secrets.twoStep !== undefined && a.secrets.twoStep !== null;
		rows.push({
			key: a.emailKey,
			row: {
				id: a.id,
				email: a.email,
				name: a.name,
				status: a.status,
				twoStep,
				source: a.source,
				lastLoginHere: lastLogins.get(a.id) ?? null,
				search: `${a.emailKey}\n${a.name.toLowerCase()}`
			}
		});
	}
	rows.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
	return rows.map((r) => r.row);
}

/** The rows that match, in the order given (one pass, no sort). */
export function filterManagedRows(
	rows: readonly ManagedRow[],
	filter: ManagedFilter
): ManagedRow[] {
	const query = (filter.query ?? '').trim().toLowerCase();
	const status = filter.status ?? 'any';
	const twoStep = filter.twoStep ?? 'any';
	const source = filter.source ?? 'any';
	return rows.filter(
		(r) =>
			(status === 'any' || r.status === status) &&
			(twoStep === 'any' || r.twoStep === (twoStep === 'on')) &&
			(source === 'any' || r.source === source) &&
			(query === '' || r.search.includes(query))
	);
}
