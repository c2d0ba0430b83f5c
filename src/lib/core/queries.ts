// Read-only views the pages need that are more than a Map lookup: the C10 billing estimate
// and the simulated mail client's mailboxes (UI vocabulary). Pure functions of State.
import { monthlyEstimate } from './catalog';
import { normaliseEmail } from './domains';
import type { SiteId } from './ids';
import type { Mail } from './model';
import type { State } from './state';

/**
 * C10: the site's upcoming monthly bill in cents, summed over its cloud licenses. Given `at`
 * (C14), a license expired by then is left out: it bills nothing until it is renewed.
 */
export function siteBillingEstimate(state: State, siteId: SiteId, at?: number): number {
	let cents = 0;
	for (const id of state.licenseIdsBySite.get(siteId) ?? []) {
		const license = state.licenses.get(id);
		if (license?.hosting !== 'cloud') continue;
		if (at !== undefined && license.expiresAt <= at) continue;
		cents += monthlyEstimate(license);
	}
	return cents;
}

/** Every address that received mail, as it was last written to, sorted by its key. */
export function mailboxes(state: State): readonly { key: string; address: string }[] {
	const out: { key: string; address: string }[] = [];
	for (const [key, ids] of state.mailIdsByToKey) {
		let latest: Mail | undefined;
		for (const id of ids) {
			const m = state.mail.get(id);
			if (m !== undefined && (latest === undefined || newestFirst(m, latest) < 0)) latest = m;
		}
		out.push({ key, address: latest?.to ?? key });
	}
	return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The messages filed for an address (any spelling of it), newest first. */
export function mailbox(state: State, address: string): readonly Mail[] {
	const key = normaliseEmail(address)?.key ?? address.trim().toLowerCase();
	const out: Mail[] = [];
	for (const id of state.mailIdsByToKey.get(key) ?? []) {
		const m = state.mail.get(id);
		if (m !== undefined) out.push(m);
	}
	return out.sort(newestFirst);
}

// Time, then id, both descending, so equal times still list the same way everywhere.
function newestFirst(a: Mail, b: Mail): number {
	if (a.at !== b.at) return b.at - a.at;
	return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
