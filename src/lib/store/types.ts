// The one interface every store implements (IndexedDB for the app, memory for fast tests):
// the UI and app commands depend on this, never on idb.
import type { ReplayProgress } from '$lib/log/merge';
import type { SyncErrorOf } from '$lib/log/errors';
import type {
	AccountId,
	Applied,
	Change,
	ChangeId,
	ChangeType,
	DeviceId,
	LicenseId,
	Refusal,
	Result,
	SensitiveTopic,
	State,
	StoreName,
	Touched
} from '$lib/core';
import type { Unverified } from '$lib/log/authenticity';
import type { Evidence, HeadSignature } from '$lib/log/evidence';
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
	/**
	 * A local commit changed the projection in memory and its write is under way (P4: the page
	 * shows it in the next frame). `committed` follows once it is on disk; if the write fails,
	 * `reloaded` follows instead, with the projection as it was.
	 */
	| { readonly kind: 'applied'; readonly change: Change; readonly stores: readonly StoreName[] }
	/** A change was committed, here or in another tab. */
	| { readonly kind: 'committed'; readonly change: Change; readonly local: boolean }
	/** The projection was rebuilt (replay, import, reset); reread everything. */
	| { readonly kind: 'reloaded' }
	/** Another tab opened a newer database version: this connection is closed. */
	| { readonly kind: 'version-changed' }
	/** A write failed and the database could not be reread: reload the page. */
	| { readonly kind: 'unavailable' };

export type { ReplayProgress };

/** What an import did (a report, not an exception). */
export interface ImportOutcome {
	/** Changes new to this device, applied. */
	readonly applied: number;
	/** Changes new to this device that the rules refused: kept as conflicts (S5, S6). */
	readonly conflicts: readonly ConflictRecord[];
	/** Changes this device already had: importing the same file again changes nothing. */
	readonly duplicates: number;
	/** Whether the projection was rebuilt because new changes sort before local ones. */
	readonly replayed: boolean;
	/** X7: new changes dated ahead of this device's clock, kept to apply later (absent: none). */
	readonly held?: number;
	/** X7: changes held earlier as from the future whose time came, applied with these (absent: none). */
	readonly released?: number;
	/** X6: changes from this file held apart, unverified (not in the log). */
	readonly unverified: readonly ConflictRecord[];
	/** X6: changes held unverified from earlier files that this one proved, now applied. */
	readonly nowProved: number;
}

/** X5: a change whose link to the change before it on its device is open (never received). */
export interface ChainGap {
	readonly device: string;
	readonly changeId: string;
}

/** X7: changes from the future, kept until their time comes. */
export interface HeldSummary {
	readonly count: number;
	/** When the first of them applies: its time less the allowed skew (ms). */
	readonly firstAppliesAt: number;
	/** When the last of them applies. */
	readonly lastAppliesAt: number;
}

export interface ImportOptions {
	/**
	 * This device's wall clock (ms). A change dated more than MAX_CLOCK_SKEW_MS after it is
	 * held, not applied, and held changes whose time has come are applied (X7). Without it
	 * nothing is held or released.
	 */
	readonly now?: number;
	/** X5: the links the file declares open (its `gaps`). */
	readonly gaps?: readonly ChainGap[];
	/**
	 * X6: what the reader found in the file, and whether the person trusts its source. Without
	 * it the changes count as proved, which is only right for changes this app made itself
	 * (tests, tools, changes held from the future): every file has one.
	 */
	readonly proof?: ImportProof;
}

/** S9: what an import would do, computed without writing anything. */
export interface ImportPreview {
	readonly fresh: number;
	readonly duplicates: number;
	readonly wouldConflict: readonly ConflictRecord[];
	readonly needsReplay: boolean;
	/** The licenses, accounts and sites whose records the import writes (S9). */
	readonly licenseIds: readonly string[];
	readonly accountIds: readonly string[];
	readonly siteIds: readonly string[];
	/** X7: how many of the new changes would be held as from the future, and until when. */
	readonly held?: HeldSummary | null;
	/** X5: links that reach changes this device has not received, beyond declared ones. */
	readonly gaps?: readonly ChainGap[];
	/** What the import writes, record by record, from the merge onto a copy (S9). */
	readonly touched: Touched;
	/** The new changes counted per type: sensitive types first, then by first appearance. */
	readonly kinds: readonly { readonly type: ChangeType; readonly count: number }[];
	/** The new sensitive changes (password, email, two-step, handover …), in replay order. */
	readonly sensitive: readonly SensitiveChange[];
	/** X6: changes from the file that would be held apart, unverified, with the reason. */
	readonly unverified: readonly ConflictRecord[];
	/** X6: changes nothing can verify: applied only if the person trusts the file's source. */
	readonly unsignable: number;
	/** X6: changes held unverified from earlier files that this one proves. */
	readonly nowProved: number;
}

/** S9: a sensitive change in a file, and what it would do. */
export interface SensitiveChange {
	readonly change: Change;
	readonly topic: SensitiveTopic;
	/** The rules refuse it: it is kept as a conflict and not applied. */
	readonly refused: boolean;
	/** For a handover: the licenses it changes (C11). */
	readonly licenseIds: readonly LicenseId[];
}

/** Why the store refuses an import (S4, X5, X6, X7): the sync layer's codes, with its data. */
// X6: 'device-key-mismatch' (the file gives a device another key than the one this device
// knows) and 'untrusted-file' (unsignable changes the person did not say they trust).
export type ImportRefusal = SyncErrorOf<
	'changed-history' | 'bad-clock' | 'broken-chain' | 'device-key-mismatch' | 'untrusted-file'
>;

export interface Store {
	readonly device: DeviceId;
	/** The projection the UI reads. Replaced, never mutated, after each commit. */
	readonly state: State;
	/** Appends the change and applies it to the projection atomically (S1). */
	commit(draft: ChangeDraft, now: number): Promise<CommitResult>;
	/**
	 * X7: the time (`at`) a change committed at wall time `now` would carry: `now`, or a little
	 * later when this device's clock is ahead. Expiries are computed from it, so they are judged
	 * on the same clock as the changes that use them.
	 */
	changeTime(now: number): Promise<number>;
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
	 * S9: what importing these (validated) changes would do; writes nothing. `options.proof`
	 * (X6) is what the reader found in the file; without it the changes count as proved.
	 */
	previewImport(
		changes: readonly Change[],
		options?: ImportOptions
	): Promise<Result<ImportPreview, ImportRefusal>>;
	/**
	 * S4: merges validated changes into the log in ONE transaction, replaying when needed.
	 * X6: with `options.proof`, only proved changes (and unsignable ones when trusted) go on;
	 * the unverified are held apart, and those held from earlier files are checked again.
	 * X5/X7: what goes on must have a good clock and join the chains held here; changes from
	 * the future are held in the same transaction.
	 */
	importChanges(
		changes: readonly Change[],
		onProgress?: (p: ReplayProgress) => void,
		options?: ImportOptions
	): Promise<Result<ImportOutcome, ImportRefusal>>;
	/** X7: applies the held changes whose time has come at `now`, through the import path. */
	releaseHeld(
		now: number,
		onProgress?: (p: ReplayProgress) => void
	): Promise<Result<ImportOutcome, ImportRefusal>>;
	/** X7: the changes held as from the future, in replay order (not the unverified: X6). */
	held(): Promise<Change[]>;
	/** X5: links known to be open in this device's log (declared by files, or missed files). */
	knownGaps(): Promise<ChainGap[]>;
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
	/**
	 * S10: the changes written to the log after position `cursor` (0: from the start), in
	 * replay order, and the position after them: the live-sync push checkpoint.
	 */
	logSince(cursor: number): Promise<{ changes: Change[]; cursor: number }>;
	/** S10: this device's live-sync settings as kept (checked by whoever reads them). */
	liveSettings(): Promise<unknown>;
	saveLiveSettings(value: unknown): Promise<void>;
	/**
	 * S10: reads the settings and keeps what `change` makes of them in one step, so what another
	 * tab saved in between is never written over; `change` returning its argument writes
	 * nothing. Gives what is kept afterwards.
	 */
	updateLiveSettings(change: (kept: unknown) => unknown): Promise<unknown>;
	/**
	 * S10: calls `listener` after the live-sync settings were saved, here or in another tab of
	 * this device (so a Pause or Disconnect anywhere reaches the tab that runs the loop at once).
	 */
	onLiveSettings(listener: () => void): () => void;
	/** S2: how many changes `queue()` would return, without reading them (the nav badge). */
	queuedCount(): Promise<number>;
	/** S2: everything up to and including `clock` from this device has been exported. */
	markExported(clock: string): Promise<void>;
	subscribe(listener: (event: StoreEvent) => void): () => void;
	close(): void;
}

/** Who is asking: the actor an app command records in the change. */
export type Actor = AccountId | null;
