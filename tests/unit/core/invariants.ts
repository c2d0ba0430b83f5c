// What must hold for every State the core produces: C2 per role, C7's "never loses its
// primary contacts" (also through A8 deletions: no deleted account keeps a role or a site),
// and indexes that agree with the records. Returns readable violations.
import { members, stateFromRecords, visibleLicenses } from '$lib/core';
import type { State } from '$lib/core';

export function invariantViolations(state: State): string[] {
	const out: string[] = [];
	for (const l of state.licenses.values()) {
		for (const role of ['billing', 'technical'] as const) {
			const rc = l[role];
			// C2/C7: licenses start with both roles filled and can never lose the primary.
			if (rc === null) {
				out.push(`${l.sen} ${role}: empty`);
				continue;
			}
			const ids = members(rc);
			if (new Set(ids).size !== ids.length) out.push(`${l.sen} ${role}: duplicate contact`);
			for (const id of ids) {
				const status = state.accounts.get(id)?.status;
				if (status === undefined) out.push(`${l.sen} ${role}: unknown ${id}`);
				// A8: a deleted account leaves every role.
				else if (status === 'deleted') out.push(`${l.sen} ${role}: deleted ${id}`);
			}
		}
	}
	for (const site of state.sites.values()) {
		for (const id of site.admins) {
			const status = state.accounts.get(id)?.status;
			if (status === undefined || status === 'deleted') out.push(`${site.name}: admin ${id}`);
		}
	}
	const rebuilt = stateFromRecords({
		accounts: state.accounts.values(),
		licenses: state.licenses.values(),
		sites: state.sites.values(),
		mail: state.mail.values()
	});
	const indexes = [
		'accountIdByEmailKey',
		'licenseIdBySen',
		'licenseIdsByAccount',
		'licenseIdsBySite',
		'siteIdsByAdmin',
		'siteIdByName',
		'mailIdsByToKey'
	] as const;
	for (const k of indexes) {
		if (JSON.stringify(sorted(state[k])) !== JSON.stringify(sorted(rebuilt[k])))
			out.push(`index ${k} drifted`);
	}
	return out;
}

/** Licenses that no active account can see (C3 would hide them from everyone). */
export function orphanLicenses(state: State): string[] {
	const seen = new Set<string>();
	for (const a of state.accounts.values())
		for (const l of visibleLicenses(state, a.id)) seen.add(l.id);
	return [...state.licenses.values()].filter((l) => !seen.has(l.id)).map((l) => l.sen);
}

function sorted(m: ReadonlyMap<string, unknown>): [string, unknown][] {
	return [...m.entries()]
		.map(([k, v]): [string, unknown] => [k, v instanceof Set ? [...v].sort() : v])
		.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
