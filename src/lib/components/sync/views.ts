// What the Sync components show, as plain data made from the store's reports: the import
// preview (S9) and the conflict inbox (S5, S6). Components stay presentational; these are
// unit-testable without a DOM.
import type { Change, State } from '$lib/core';
import type { ConflictRecord, ImportPreview } from '$lib/store/types';
import { isUnverified } from '$lib/sync/authenticity';
import { describeRefusal } from '$lib/ui/refusals';
import { deviceWords, timeWords, trustWords, unverifiedWords } from '$lib/ui/sync-words';
import { actorWords, describeChange, firstNames, lookupFor } from './describe';

export interface NameList {
	readonly shown: readonly string[];
	readonly more: number;
}

export interface ConflictView {
	readonly id: string;
	/** What the change asked for. */
	readonly what: string;
	/** Why the rules refused it, in words. */
	readonly reason: string;
	readonly by: string;
	readonly device: string;
	readonly time: string;
	readonly dismissed: boolean;
}

export interface PreviewView {
	readonly fileName: string;
	readonly from: string;
	readonly exportedAt: string;
	readonly whole: boolean;
	readonly encrypted: boolean;
	readonly fresh: number;
	readonly duplicates: number;
	readonly licenses: NameList;
	readonly accounts: NameList;
	readonly sites: NameList;
	readonly conflicts: readonly ConflictView[];
	/** New changes sort before local ones: the history is replayed in order (S5). */
	readonly replays: boolean;
	/** X5: declared open links, as "n from device x" phrases; empty when the chains are whole. */
	readonly gaps: readonly string[];
	/** X6: changes that would be held apart, unverified, with the reason. */
	readonly unverified?: readonly ConflictView[];
	/** X6: the notice for changes nothing can verify; null when every change can be. */
	readonly trust?: { readonly unsignable: number; readonly words: string } | null;
}

export interface PreviewInput {
	readonly fileName: string;
	readonly file: {
		readonly device: string;
		readonly exportedAt: number;
		readonly kind: 'queue' | 'full';
		readonly encrypted: boolean;
		readonly changes: readonly Change[];
		readonly gaps: readonly { readonly device: string }[];
	};
	readonly preview: ImportPreview;
}

function conflictWith(
	record: ConflictRecord,
	names: ReturnType<typeof lookupFor>,
	self: string
): ConflictView {
	const { change, refusal } = record;
	const account = (id: string | null) => (id === null ? null : names.account(id));
	return {
		id: change.id,
		what: describeChange(change, names),
		reason: isUnverified(refusal)
			? unverifiedWords(refusal, account(refusal.accountId), self)
			: describeRefusal(refusal),
		by: actorWords(change, names),
		device: deviceWords(change.device, self),
		time: timeWords(change.at),
		dismissed: record.dismissed
	};
}

export function conflictViews(
	records: readonly ConflictRecord[],
	state: State,
	self: string
): ConflictView[] {
	const names = lookupFor(state);
	return records.map((r) => conflictWith(r, names, self));
}

export function previewView(input: PreviewInput, state: State, self: string): PreviewView {
	const { file, preview } = input;
	const names = lookupFor(state, file.changes);
	return {
		fileName: input.fileName,
		from: deviceWords(file.device, self),
		exportedAt: timeWords(file.exportedAt),
		whole: file.kind === 'full',
		encrypted: file.encrypted,
		fresh: preview.fresh,
		duplicates: preview.duplicates,
		licenses: firstNames(preview.licenseIds, names.license),
		accounts: firstNames(preview.accountIds, names.account),
		sites: firstNames(preview.siteIds, names.site),
		conflicts: preview.wouldConflict.map((r) => conflictWith(r, names, self)),
		replays: preview.needsReplay,
		gaps: gapWords(file.gaps, self),
		unverified: preview.unverified.map((r) => conflictWith(r, names, self)),
		trust:
			preview.unsignable === 0
				? null
				: { unsignable: preview.unsignable, words: trustWords(preview.unsignable, preview.fresh) }
	};
}

function gapWords(gaps: readonly { device: string }[], self: string): string[] {
	const byDevice = new Map<string, number>();
	for (const g of gaps) byDevice.set(g.device, (byDevice.get(g.device) ?? 0) + 1);
	return [...byDevice].map(([device, n]) => `${n} from ${deviceWords(device, self)}`);
}
