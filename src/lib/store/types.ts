// The one interface every store implements (IndexedDB for the app, memory for fast tests):
// the UI and app commands depend on this, never on idb.
import type {
	AccountId,
	Applied,
	Change,
	ChangeId,
	DeviceId,
	Refusal,
	Result,
	State
} from '$lib/core';
import type { Unverified } from '$lib/sync/authenticity';
import type { Evidence, HeadSignature } from '$lib/sync/evidence';
import type { ImportProof } from './authenticate';

export type { ImportProof } from './authenticate';

/** A change as an app command builds it; the store stamps device, clock, time and `prev`. */
export type ChangeDraft = Change extends infer C
	? C extends Change
		? Omit<C, 'device' | 'clock' | 'at' | 'prev'>
		: never
	: never;

export interface Committed {
	readonly change: Change;
	readonly applied: Applied;
}

export type CommitResult = Result<Committed, Refusal>;

/**
 * A change kept but not applied (S5, S6), with the reason: a rule's refusal (the change is in
 * the log), or X6's (it could not be shown to come from its actor: it is HELD apart, not in
 * the log, and checked again at each import with the evidence kept here).
 */
export interface ConflictRecord {
	readonly change: Change;
	readonly refusal: Refusal | Unverified;
	readonly dismissed: boolean;
	/** X6: held changes only. */
	readonly evidence?: Evidence;
}

export type StoreEvent =
	/** A change was committed, here or in another tab. */
	| { readonly kind: 'committed'; readonly change: Change; readonly local: boolean }
	/** The projection was rebuilt (replay, import, reset); reread everything. */
	| { readonly kind: 'reloaded' }
	/** Another tab opened a newer database version: this connection is closed. */
	| { readonly kind: 'version-changed' }
	/** A write failed and the database could not be reread: reload the page. */
	| { readonly kind: 'unavailable' };

export interface ReplayProgress {
	readonly done: number;
	readonly total: number;
}

/** What an import did (STYLE example 8: a report, not an exception). */
export interface ImportOutcome {
	/** Changes new to this device, applied. */
	readonly applied: number;
	/** Changes new to this device that the rules refused: kept as conflicts (S5, S6). */
	readonly conflicts: readonly ConflictRecord[];
	/** Changes this device already had: importing the same file again changes nothing. */
	readonly duplicates: number;
	/** Whether the projection was rebuilt because new changes sort before local ones. */
	readonly replayed: boolean;
	/** X6: changes from this file held apart, unverified (not in the log). */
	readonly unverified: readonly ConflictRecord[];
	/** X6: changes held from earlier files that this one proved, now applied. */
	readonly released: number;
}

/** S9: what an import would do, computed without writing anything. */
export interface ImportPreview {
	readonly fresh: number;
	readonly duplicates: number;
	readonly wouldConflict: readonly ConflictRecord[];
	readonly needsReplay: boolean;
	readonly licenseIds: readonly string[];
	readonly accountIds: readonly string[];
	readonly siteIds: readonly string[];
	/** X6: changes from the file that would be held apart, unverified, with the reason. */
	readonly unverified: readonly ConflictRecord[];
	/** X6: changes nothing can verify: applied only if the person trusts the file's source. */
	readonly unsignable: number;
	/** X6: changes held from earlier files that this one proves. */
	readonly released: number;
}

export type ImportRefusal =
	| { readonly code: 'changed-history'; readonly changeId: string }
	/** X6: the file gives a device another key than the one this device knows. */
	| { readonly code: 'device-key-mismatch'; readonly device: string }
	/** X6: unsignable changes, and the person did not say they trust the file. */
	| { readonly code: 'untrusted-file'; readonly count: number };

export interface Store {
	readonly device: DeviceId;
	/** The projection the UI reads. Replaced, never mutated, after each commit. */
	readonly state: State;
	/** Appends the change and applies it to the projection atomically (S1). */
	commit(draft: ChangeDraft, now: number): Promise<CommitResult>;
	/** Many drafts in one transaction; refused ones are reported and skipped. */
	commitMany(
		drafts: readonly ChangeDraft[],
		now: number,
		onProgress?: (p: ReplayProgress) => void
	): Promise<CommitResult[]>;
	/** The whole log in the total order of S5. */
	changes(): Promise<Change[]>;
	getChange(id: ChangeId): Promise<Change | undefined>;
	/** Rebuilds the projection from the log (S5), keeping refused changes as conflicts. */
	replay(onProgress?: (p: ReplayProgress) => void): Promise<readonly ConflictRecord[]>;
	conflicts(): Promise<ConflictRecord[]>;
	/** S5/S6: a conflict stays in the log; dismissing only hides it from the inbox. */
	dismissConflict(id: ChangeId): Promise<void>;
	/**
	 * S9: what importing these (validated) changes would do; writes nothing. `proof` (X6) is
	 * what the reader found in the file; without it the changes count as proved, which is
	 * only right for changes this app made itself (tests, tools): every file has one.
	 */
	previewImport(
		changes: readonly Change[],
		proof?: ImportProof
	): Promise<Result<ImportPreview, ImportRefusal>>;
	/**
	 * S4: merges validated changes into the log in ONE transaction, replaying when needed.
	 * X6: with `proof`, only proved changes (and unsignable ones when trusted) go in; the
	 * unverified are held apart, and held changes from earlier files are checked again.
	 */
	importChanges(
		changes: readonly Change[],
		onProgress?: (p: ReplayProgress) => void,
		proof?: ImportProof
	): Promise<Result<ImportOutcome, ImportRefusal>>;
	/** X6: this device's public key (made when its storage was first opened). */
	deviceKey(): Promise<string>;
	/** X6: signs the heads of this device's own runs of changes, and keeps the signatures. */
	signHeads(
		heads: readonly { readonly changeId: string; readonly hash: string }[]
	): Promise<HeadSignature[]>;
	/** X6: the kept signatures (made here or received) for these head change ids. */
	headSignatures(changeIds: readonly string[]): Promise<HeadSignature[]>;
	/** S2: changes made on this device and not exported yet, in replay order. */
	queue(): Promise<Change[]>;
	/** S2: how many changes `queue()` would return, without reading them (the nav badge). */
	queuedCount(): Promise<number>;
	/** S2: everything up to and including `clock` from this device has been exported. */
	markExported(clock: string): Promise<void>;
	subscribe(listener: (event: StoreEvent) => void): () => void;
	close(): void;
}

/** Who is asking: the actor an app command records in the change. */
export type Actor = AccountId | null;
