// What the import preview tells (S9), from the merge of the file onto a copy of the projection:
// the records the merge writes (compared with the projection, so a handover's licenses are
// named even though its payload names only a person), the new changes counted per type, and
// the sensitive ones (SENSITIVITY in the core) with what they would do.
import {
	accountId,
	handoverLicenses,
	licenseId,
	sensitiveTopic,
	siteId,
	touchedBetween
} from '$lib/core';
import type {
	AccountId,
	Change,
	ChangeType,
	LicenseId,
	SiteId,
	State,
	Touched,
	Written
} from '$lib/core';
import type { Merged } from '$lib/log/merge';
import { BATCH, turnAfter } from '$lib/log/progress';
import type { Batched } from '$lib/log/progress';
import type { ImportPreview, SensitiveChange } from './types';

export type PreviewDetails = Pick<
	ImportPreview,
	'licenseIds' | 'accountIds' | 'siteIds' | 'touched' | 'kinds' | 'sensitive'
>;

/** Batched (P4): the page gets a turn between batches of effects and changes. */
export function* previewDetails(
	before: State,
	merged: Merged,
	fresh: readonly Change[]
): Batched<PreviewDetails> {
	// An append lists the records it wrote; a replay rebuilt them all, so all are compared.
	const written = merged.whole ? undefined : yield* writtenBy(merged);
	const touched = touchedBetween(before, merged.state, written);
	if (fresh.length > BATCH) yield;
	const kinds = yield* kindsOf(fresh);
	return {
		licenseIds: touched.licenses.map((l) => l.licenseId),
		accountIds: touched.accounts.map((a) => a.accountId),
		siteIds: touched.sites.map((s) => s.siteId),
		touched,
		kinds,
		sensitive: yield* sensitiveOf(fresh, merged, touched)
	};
}

function* writtenBy(merged: Merged): Batched<Written> {
	const licenses: LicenseId[] = [];
	const accounts: AccountId[] = [];
	const sites: SiteId[] = [];
	let mail = 0;
	for (const [i, e] of merged.effects.entries()) {
		if (turnAfter(i)) yield;
		const key = e.kind === 'put' ? e.value.id : e.key;
		if (e.store === 'licenses') licenses.push(licenseId(key));
		else if (e.store === 'accounts') accounts.push(accountId(key));
		else if (e.store === 'sites') sites.push(siteId(key));
		else if (e.store === 'mail' && e.kind === 'put') mail++;
	}
	return { licenses, accounts, sites, mail };
}

/** Counts per type; sensitive types first, each group in order of first appearance. */
function* kindsOf(fresh: readonly Change[]): Batched<PreviewDetails['kinds']> {
	const counts = new Map<ChangeType, number>();
	for (const [i, c] of fresh.entries()) {
		counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
		if (turnAfter(i)) yield;
	}
	const kinds = [...counts].map(([type, count]) => ({ type, count }));
	const sensitive = kinds.filter((k) => sensitiveTopic(k) !== null);
	return [...sensitive, ...kinds.filter((k) => sensitiveTopic(k) === null)];
}

function* sensitiveOf(
	fresh: readonly Change[],
	merged: Merged,
	touched: Touched
): Batched<SensitiveChange[]> {
	const refused = new Set(merged.conflicts.map((c) => c.change.id));
	const list: SensitiveChange[] = [];
	for (const [i, change] of fresh.entries()) {
		if (turnAfter(i)) yield;
		const topic = sensitiveTopic(change);
		if (topic === null) continue;
		const isRefused = refused.has(change.id);
		const licenseIds =
			change.type === 'handover' && !isRefused
				? handoverLicenses(touched, merged.state, change.payload)
				: [];
		list.push({ change, topic, refused: isRefused, licenseIds });
	}
	return list;
}
