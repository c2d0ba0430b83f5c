// Sync commands (S2–S9, X5, X6): what the Sync page asks of the store and of the file layer. Each
// returns a report (a report with stable codes, not an exception), never throws for a bad file, and changes nothing until
// `applyImport`, which the store runs as ONE transaction. This module pulls in the sync layer
// (zod), so only the Sync page imports it.
import type { Change, ChangeId } from '$lib/core';
import type { Store } from '$lib/store/types';
import { deviceKeysIn } from '$lib/log/authenticity';
import { StoreError } from '$lib/store/errors';
import { heldSummary } from '$lib/store/admit';
import type {
	ChainGap,
	ConflictRecord,
	HeldSummary,
	ImportOutcome,
	ImportPreview,
	ReplayProgress
} from '$lib/store/types';
import { containsSecrets } from '$lib/sync/crypto';
import { verifyChains } from '$lib/log/digest';
import type { BrokenChain } from '$lib/log/digest';
import type { SyncError } from '$lib/log/errors';
import type { SyncFileContents } from '$lib/sync/format';
import type { OnProgress } from '$lib/log/progress';
import { readSyncFile } from '$lib/sync/read';
import { JSON_LIMITS } from '$lib/sync/safe-json';
import { buildSyncFile } from '$lib/sync/write';
import type { BuiltFile, SegmentHead } from '$lib/sync/write';
import type { HeadSignature } from '$lib/log/evidence';
import type { AppContext } from './context';

/** S2 and what an export would hold: the queue, or the whole history when `whole`. */
export interface SyncOverview {
	/** This device's id, to tell its own changes from others'. */
	readonly device: string;
	/** Changes made on this device and not exported yet. */
	readonly queued: number;
	/** Every change this device holds, from every device. */
	readonly history: number;
	readonly devices: number;
	/** What "Export changes" would write now, and whether it must be encrypted (S3). */
	readonly selection: { readonly count: number; readonly secrets: boolean };
	/** X7: changes from the future waiting for their time (absent: none). */
	readonly held?: HeldSummary;
}

export async function syncOverview(ctx: AppContext, whole: boolean): Promise<SyncOverview> {
	const [queue, log, held] = await Promise.all([
		ctx.store.queue(),
		ctx.store.changes(),
		ctx.store.held()
	]);
	// A backup carries the held changes too: whatever this device holds, it restores (fault 1).
	const selected = whole ? [...log, ...held] : queue;
	const summary = heldSummary(held);
	return {
		device: ctx.store.device,
		queued: queue.length,
		history: log.length,
		devices: new Set(log.map((c) => c.device)).size,
		selection: { count: selected.length, secrets: containsSecrets(selected) },
		...(summary ? { held: summary } : {})
	};
}

export interface ExportOptions {
	/** The whole history (a full backup) instead of the queue. */
	readonly whole: boolean;
	/** Required when the changes carry secrets; encrypts the file whenever given. */
	readonly passphrase?: string;
	readonly onProgress?: OnProgress;
	/** PBKDF2 iterations; tests pass the minimum. */
	readonly iterations?: number;
}

export type ExportReport =
	/** Nothing to write: the queue (or the log) is empty. */
	| { readonly kind: 'empty'; readonly whole: boolean }
	/** 'passphrase-required' when secrets would leave in clear text, or a change the writer refuses. */
	| { readonly kind: 'refused'; readonly error: SyncError }
	| {
			readonly kind: 'built';
			readonly file: BuiltFile;
			readonly count: number;
			readonly whole: boolean;
			/** For a queue export: the newest exported change's clock, for `recordExport`. */
			readonly lastClock: string | null;
	  };

/** A file that was built, waiting for the person to say it was kept (S2, fault 1). */
export type BuiltExport = Extract<ExportReport, { readonly kind: 'built' }>;

/** S3: builds the file; the caller delivers it, then calls `recordExport`. */
export async function exportChanges(
	ctx: AppContext,
	options: ExportOptions
): Promise<ExportReport> {
	const { whole } = options;
	const changes = whole
		? [...(await ctx.store.changes()), ...(await ctx.store.held())]
		: await ctx.store.queue();
	if (changes.length === 0) return { kind: 'empty', whole };
	const built = await buildSyncFile({
		device: ctx.store.device,
		exportedAt: ctx.now(),
		kind: whole ? 'full' : 'queue',
		changes,
		...(options.passphrase ? { passphrase: options.passphrase } : {}),
		...(options.iterations === undefined ? {} : { iterations: options.iterations }),
		...(options.onProgress ? { onProgress: options.onProgress } : {}),
		sign: (heads) => signaturesFor(ctx.store, heads)
	});
	if (!built.ok) return { kind: 'refused', error: built.error };
	return {
		kind: 'built',
		file: built.file,
		count: changes.length,
		whole,
		lastClock: whole ? null : latestClock(changes)
	};
}

/**
 * X6: this device signs the heads of its own runs of changes; for other devices' runs the
 * file carries the signatures this device kept when it received them.
 */
export async function signaturesFor(
	store: Store,
	heads: readonly SegmentHead[]
): Promise<HeadSignature[]> {
	const own = heads.filter((h) => h.device === store.device);
	const others = heads.filter((h) => h.device !== store.device).map((h) => h.changeId);
	const [signed, kept] = await Promise.all([store.signHeads(own), store.headSignatures(others)]);
	const wanted = new Set(heads.map((h) => `${h.device}\u0000${h.changeId}`));
	return [...signed, ...kept.filter((s) => wanted.has(`${s.device}\u0000${s.changeId}`))];
}

/** X6: the device keys this device knows: its projection's enrolled devices and its own. */
export async function knownDeviceKeys(store: Store): Promise<Map<string, string>> {
	const keys = deviceKeysIn(store.state.accounts.values());
	keys.set(store.device, await store.deviceKey());
	return keys;
}

/** S2: after a queue export is delivered, its changes leave the queue. */
export async function recordExport(ctx: AppContext, report: ExportReport): Promise<void> {
	if (report.kind === 'built' && report.lastClock !== null) {
		await ctx.store.markExported(report.lastClock);
	}
}

function latestClock(changes: readonly Change[]): string | null {
	let latest: string | null = null;
	for (const change of changes) if (latest === null || change.clock > latest) latest = change.clock;
	return latest;
}

export type ImportCheck =
	| { readonly kind: 'refused'; readonly error: SyncError }
	/** Valid, and what applying it would do (S9): nothing is written yet. */
	| { readonly kind: 'ready'; readonly file: SyncFileContents; readonly preview: ImportPreview };

export interface CheckOptions {
	readonly passphrase?: string;
	readonly onProgress?: OnProgress;
}

/**
 * S4, S7, S9: size → parse → decrypt → validate everything (the reader's order), then the
 * store's preview. 'needs-passphrase' and 'wrong-passphrase' come back as refusals: ask, then
 * call again with the passphrase.
 */
export async function checkImportFile(
	ctx: AppContext,
	input: Blob | string,
	options: CheckOptions = {}
): Promise<ImportCheck> {
	const limit = JSON_LIMITS.maxBytes;
	// A huge file is refused by its size, before a byte of it is read into memory.
	if (typeof input !== 'string' && input.size > limit) {
		return { kind: 'refused', error: { code: 'too-large', bytes: input.size, limit } };
	}
	const content = typeof input === 'string' ? input : new Uint8Array(await input.arrayBuffer());
	const read = await readSyncFile(content, {
		now: ctx.now(),
		deviceKeys: await knownDeviceKeys(ctx.store),
		...(options.passphrase ? { passphrase: options.passphrase } : {}),
		...(options.onProgress ? { onProgress: options.onProgress } : {})
	});
	if (!read.ok) return { kind: 'refused', error: read.error };
	// X6: the preview shows what Apply would do once the person trusts the file (if asked).
	const preview = await ctx.store.previewImport(read.file.changes, {
		now: ctx.now(),
		gaps: read.file.gaps,
		proof: { evidence: read.file.evidence, trust: false }
	});
	if (!preview.ok) return { kind: 'refused', error: preview.error };
	return { kind: 'ready', file: read.file, preview: preview.value };
}

export type ApplyReport =
	| { readonly kind: 'applied'; readonly outcome: ImportOutcome }
	| { readonly kind: 'refused'; readonly error: SyncError }
	/** Storage failed mid-apply: the transaction was rolled back, nothing changed. */
	| { readonly kind: 'failed'; readonly error: StoreError };

export interface ApplyOptions {
	readonly onProgress?: (p: ReplayProgress) => void;
	/**
	 * X6: the person ticked "I trust where this file came from", so changes nothing can
	 * verify may go in. Without it a file holding such changes is refused.
	 */
	readonly trust?: boolean;
}

/** What `applyImport` needs of a checked file; `gaps` are the file's declared ones (X5). */
export type CheckedFile = Pick<SyncFileContents, 'changes' | 'evidence'> & {
	readonly gaps?: readonly ChainGap[];
};

/**
 * S4: applies a checked file in one transaction (all or nothing). X6: only proved changes go
 * into the log (and unverifiable ones when `trust`); unverified ones are held as conflicts.
 * X7: changes dated ahead of this device's clock are held until their time.
 */
export async function applyImport(
	ctx: AppContext,
	file: CheckedFile,
	options: ApplyOptions = {}
): Promise<ApplyReport> {
	try {
		const proof = { evidence: file.evidence, trust: options.trust === true };
		const result = await ctx.store.importChanges(file.changes, options.onProgress, {
			now: ctx.now(),
			gaps: file.gaps ?? [],
			proof
		});
		return result.ok
			? { kind: 'applied', outcome: result.value }
			: { kind: 'refused', error: result.error };
	} catch (error) {
		if (error instanceof StoreError) return { kind: 'failed', error };
		throw error;
	}
}

/** S5/S6: the conflict inbox, newest first. */
export async function listConflicts(ctx: AppContext): Promise<ConflictRecord[]> {
	const all = await ctx.store.conflicts();
	return all.sort((a, b) => (a.change.clock < b.change.clock ? 1 : -1));
}

export function dismissConflict(ctx: AppContext, id: ChangeId): Promise<void> {
	return ctx.store.dismissConflict(id);
}

export type HistoryCheck =
	| {
			readonly ok: true;
			readonly changes: number;
			readonly devices: number;
			/** Devices whose history here starts part-way: its start cannot be checked. */
			readonly partial: readonly string[];
			/** X5: links still open, waiting for changes this device has not received (absent: none). */
			readonly gaps?: readonly { readonly device: string; readonly changeId: string }[];
	  }
	| { readonly ok: false; readonly error: BrokenChain };

/**
 * X5: every device's changes in this database link up, hash to hash, except where a link is
 * known to be open (declared by a file, or a file this device missed): those are reported.
 */
export async function checkHistory(ctx: AppContext): Promise<HistoryCheck> {
	const [log, known] = await Promise.all([ctx.store.changes(), ctx.store.knownGaps()]);
	const check = await verifyChains(log, undefined, known);
	if (!check.ok) return check;
	const partial = [...check.starts].filter(([, start]) => start !== 'root').map(([d]) => d);
	const gaps = check.gaps.length > 0 ? { gaps: check.gaps } : {};
	return { ok: true, changes: log.length, devices: check.starts.size, partial, ...gaps };
}
