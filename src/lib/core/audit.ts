// O6: the audit log of an organization, from the change log: every change that touched the
// organization (its admins, domains, policies …) or an account it manages now, by target or
// by actor. Pure: the app reads the log once and filters the entries in memory, so a keystroke
// in a filter never rereads anything.
import { accountId } from './ids';
import type { AccountId, OrganizationId } from './ids';
import type { Change, ChangeType } from './changes/types';
import type { State } from './state';
import { managedBy } from './organization-queries';

export interface AuditEntry {
	readonly change: Change;
	/** The account the change is about, when it names one. */
	readonly account: AccountId | null;
}

/** The accounts a change names as its subject (payload `accountId`, a handover's `from`). */
export function subjectOf(change: Change): AccountId | null {
	if (change.type === 'handover') return change.payload.from;
	const payload: object = change.payload;
	return 'accountId' in payload && typeof payload.accountId === 'string'
		? accountId(payload.accountId)
		: null;
}

function organizationOf(change: Change): unknown {
	const payload: object = change.payload;
	return 'organizationId' in payload ? payload.organizationId : null;
}

/**
 * O6: the entries of the organization's audit log, newest first (by clock, S5 order reversed).
 * `log` is the whole change log in any order.
 */
export function auditEntries(
	state: State,
	log: readonly Change[],
	organization: OrganizationId
): AuditEntry[] {
	const managed = new Map<string, boolean>();
	const isManaged = (id: AccountId | null): boolean => {
		if (id === null) return false;
		let known = managed.get(id);
		if (known === undefined) {
			known = managedBy(state, id)?.id === organization;
			managed.set(id, known);
		}
		return known;
	};
	const out: AuditEntry[] = [];
	for (const change of log) {
		const subject = subjectOf(change);
		if (organizationOf(change) === organization || isManaged(subject) || isManaged(change.actor)) {
			out.push({ change, account: subject });
		}
	}
	// The store hands the log over in clock order (S5): reversing it is then enough.
	let ascending = true;
	for (let i = 1; i < out.length && ascending; i++) {
		const a = out[i - 1];
		const b = out[i];
		if (a !== undefined && b !== undefined && compareNewestFirst(a.change, b.change) < 0) {
			ascending = false;
		}
	}
	if (ascending) out.reverse();
	else out.sort((a, b) => compareNewestFirst(a.change, b.change));
	return out;
}

function compareNewestFirst(a: Change, b: Change): number {
	if (a.clock !== b.clock) return a.clock < b.clock ? 1 : -1;
	if (a.device !== b.device) return a.device < b.device ? 1 : -1;
	return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export interface AuditFilter {
	/** Part of the subject account's email or name. */
	readonly account?: string;
	/** Part of the actor's email or name. */
	readonly actor?: string;
	readonly action?: ChangeType | '';
	/** Inclusive bounds on the change's time (ms). */
	readonly from?: number | null;
	readonly to?: number | null;
}

/** Lower-case "name email" of an account, for matching filters. */
export type AccountText = (id: AccountId) => string;

/** O6: the entries that pass every filter that is set (empty text matches everything). */
export function filterAudit(
	entries: readonly AuditEntry[],
	filter: AuditFilter,
	textOf: AccountText
): AuditEntry[] {
	const account = filter.account?.trim().toLowerCase() ?? '';
	const actor = filter.actor?.trim().toLowerCase() ?? '';
	const action = filter.action ?? '';
	const from = filter.from ?? null;
	const to = filter.to ?? null;
	return entries.filter((e) => {
		const c = e.change;
		if (action !== '' && c.type !== action) return false;
		if (from !== null && c.at < from) return false;
		if (to !== null && c.at > to) return false;
		if (account !== '' && (e.account === null || !textOf(e.account).includes(account))) {
			return false;
		}
		if (actor !== '' && (c.actor === null || !textOf(c.actor).includes(actor))) return false;
		return true;
	});
}
