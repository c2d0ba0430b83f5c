// O6: the audit log in words: each entry's time, actor, device, action and account, for the
// table and the CSV alike; the action filter's choices; the chain status of each device.
import { utcMinute } from '$lib/core';
import type { AccountId, AccountText, AuditEntry, ChangeType, State } from '$lib/core';
import type { ChainState, DeviceChain } from '$lib/app/organizations/audit';
import { describeChange, lookupFor } from './change-words';
import type { Lookup } from './change-words';
import { plainText } from './phrase';
import type { Phrase } from './phrase';
import { kindWords } from './preview-words';

export interface AuditRow {
	readonly id: string;
	/** ISO time, minutes precision, UTC: the same on every device. */
	readonly time: string;
	readonly actor: string;
	readonly device: string;
	readonly action: Phrase;
	readonly account: string;
}

export function accountLabel(state: State, id: AccountId | null): string {
	if (id === null) return 'nobody (a link or the system)';
	const account = state.accounts.get(id);
	return account === undefined
		? 'an account not on this device'
		: `${account.name} <${account.email}>`;
}

export function auditRow(state: State, names: Lookup, entry: AuditEntry): AuditRow {
	const c = entry.change;
	return {
		id: c.id,
		time: utcMinute(c.at),
		actor: accountLabel(state, c.actor),
		device: c.device,
		action: describeChange(c, names),
		account: entry.account === null ? '' : accountLabel(state, entry.account)
	};
}

export function auditLookup(state: State): Lookup {
	return lookupFor(state);
}

/** The CSV's rows: a header, then one row per entry. */
export function auditCsvRows(state: State, entries: readonly AuditEntry[]): string[][] {
	const names = lookupFor(state);
	const rows = [['Time', 'Actor', 'Device', 'Action', 'Account', 'Change id']];
	for (const entry of entries) {
		const row = auditRow(state, names, entry);
		rows.push([row.time, row.actor, row.device, plainText(row.action), row.account, row.id]);
	}
	return rows;
}

/** "organization admin added": what the Action filter offers, per change type. */
export function actionLabel(type: ChangeType): string {
	return kindWords(type, 1).replace(/^1 /, '');
}

const CHAIN_WORDS: Readonly<Record<ChainState, string>> = {
	intact: 'intact',
	gap: 'gap declared (changes this device has not received yet)',
	broken: 'broken: a change was altered or removed',
	unchecked: 'not checked (another device’s chain is broken)'
};

export function chainWords(chain: DeviceChain): string {
	return CHAIN_WORDS[chain.state];
}

/** One line over all devices: "All 3 device chains are intact." or what is not. */
export function chainSummary(chains: readonly DeviceChain[]): string {
	if (chains.length === 0) return 'No changes yet.';
	const bad = chains.filter((c) => c.state !== 'intact');
	if (bad.length === 0) {
		return chains.length === 1
			? 'The chain of the one device behind these entries is intact.'
			: `The chains of all ${chains.length} devices behind these entries are intact.`;
	}
	return `${bad.length} of ${chains.length} device chains need attention.`;
}

/** Lower-case "name email" per account, worked out once per account (O6 filters). */
export function accountTexts(state: State): AccountText {
	const cache = new Map<AccountId, string>();
	return (id) => {
		let text = cache.get(id);
		if (text === undefined) {
			const a = state.accounts.get(id);
			text = a === undefined ? '' : `${a.name} ${a.email}`.toLowerCase();
			cache.set(id, text);
		}
		return text;
	};
}
