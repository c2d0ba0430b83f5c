// Importing validated changes into the IndexedDB store (S4, S5, S6, S9, X5, X6, X7): the shared
// authenticity check, admission, plan and merge (importing.ts), then the changes, the
// projection, new conflicts, the changes held as unverified (X6) or as from the future (X7),
// the kept signatures and the known gaps written in ONE transaction.
import type { Change, Result } from '$lib/core';
import type { HeadSignature } from '$lib/log/evidence';
import { withGaps } from './admit';
import type { Connection, WriteTx } from './connection';
import { prepareImport, previewOf } from './importing';
import type { LocalView, PlannedMerge } from './importing';
import { asGaps, heldKey, heldRange, isStoredChange, writeMeta } from './meta';
import type { Meta } from './meta';
import { readLog } from './log';
import { BATCH, yieldToEventLoop } from '$lib/log/progress';
import {
	addLogRecords,
	logRecords,
	splitEffects,
	writeConflicts,
	writeSplitEffects,
	writeWholeState
} from './records';
import { ensureRules } from './rules';
import type {
	ChainGap,
	ConflictRecord,
	ImportOptions,
	ImportOutcome,
	ImportPreview,
	ImportRefusal,
	ReplayProgress
} from './types';

/** X7: the changes held as from the future, in replay order. */
export async function readHeld(c: Connection): Promise<Change[]> {
	const values = await c.db.getAll('meta', heldRange());
	return values.filter(isStoredChange).sort((a, b) => (a.clock < b.clock ? -1 : 1));
}

/** X5: the links known to be open. */
export async function readGaps(c: Connection): Promise<ChainGap[]> {
	return asGaps(await c.db.get('meta', 'gaps'));
}

async function localView(c: Connection, key: string, meta: Meta): Promise<LocalView> {
	const [log, future, conflicts, unverified] = await Promise.all([
		readLog(c.db),
		readHeld(c),
		c.db.getAll('conflicts'),
		// X6: the object store 'held' keeps the unverified changes (X7's are in meta).
		c.db.getAll('held')
	]);
	return {
		log,
		future,
		conflicts,
		clock: meta.clock,
		head: meta.head,
		device: c.device,
		key,
		unverified
	};
}

/**
 * S9: the merge the last preview worked out, against the projection at `seq`. Apply takes it
 * over when nothing was written since and it plans the very same changes (the same objects, in
 * the same order, the same way), so a file is merged once, not once for the preview and again
 * for Apply. Any write moves `seq` on, and the next preview or import drops it.
 */
interface Kept extends PlannedMerge {
	readonly seq: number;
}
const kept = new WeakMap<Connection, Kept>();

function sameChanges(a: readonly Change[], b: readonly Change[]): boolean {
	return a.length === b.length && a.every((change, i) => change === b[i]);
}

export async function previewInto(
	c: Connection,
	key: string,
	changes: readonly Change[],
	options?: ImportOptions
): Promise<Result<ImportPreview, ImportRefusal>> {
	await ensureRules();
	kept.delete(c);
	const meta = await c.freshMeta();
	return previewOf(c.state, await localView(c, key, meta), changes, options, (plan) =>
		kept.set(c, { ...plan, seq: meta.seq })
	);
}

/** Runs under the write lock (the caller holds it). */
export async function importInto(
	c: Connection,
	key: string,
	changes: readonly Change[],
	options: ImportOptions = {},
	onProgress?: (p: ReplayProgress) => void
): Promise<Result<ImportOutcome, ImportRefusal>> {
	c.assertOpen();
	await ensureRules();
	const meta = await c.freshMeta();
	const local = await localView(c, key, meta);
	const plan = kept.get(c);
	kept.delete(c);
	const prepared = await prepareImport(
		c.state,
		local,
		changes,
		options,
		onProgress,
		(apply, replay) =>
			plan !== undefined &&
			plan.seq === meta.seq &&
			plan.needsReplay === replay &&
			sameChanges(plan.apply, apply)
				? plan.merged
				: null
	);
	if (prepared.kind === 'done') return prepared.result;
	const { merged, conflicts, auth } = prepared;
	const gaps = prepared.gaps.length > 0 ? withGaps(await readGaps(c), prepared.gaps) : null;
	// P4: what reads every change or effect is done before the transaction opens (the page
	// may have a turn between; a transaction left without requests would commit).
	const records = logRecords(prepared.fresh);
	const ownBack = prepared.fresh.some((change) => change.device === c.device);
	const big = prepared.fresh.length > BATCH;
	if (big) await yieldToEventLoop();
	const effects = merged.whole ? null : splitEffects(merged.effects);
	if (big) await yieldToEventLoop();
	await c.write(meta.seq, (tx) => {
		addLogRecords(tx, records);
		if (effects === null) {
			writeWholeState(tx, merged.state);
			writeConflicts(tx, conflicts.all, true);
		} else {
			writeSplitEffects(tx, effects);
			writeConflicts(tx, conflicts.added, false);
		}
		if (auth !== null) writeAuthenticity(tx, auth.held, auth.signatures);
		writeMeta(tx, { seq: meta.seq + 1, clock: prepared.clock, head: prepared.head });
		const store = tx.objectStore('meta');
		// X7: held changes are kept and let go of in the same transaction as the rest (S4).
		for (const change of prepared.hold) store.put(change, heldKey(change.id)).catch(ignore);
		for (const change of prepared.release) store.delete(heldKey(change.id)).catch(ignore);
		if (gaps) store.put(gaps, 'gaps').catch(ignore);
		// This device's own changes came back from a file (a restored backup): recount later.
		if (ownBack) {
			store.delete('queued').catch(ignore);
		}
	});
	c.committed(merged.state, meta.seq + 1);
	return { ok: true, value: prepared.outcome };
}

// A failed request aborts the transaction, and `write` reports that; nothing to do here.
const ignore = (): undefined => undefined;

/** X6: the unverified changes replace the previous set; signatures are added. */
function writeAuthenticity(
	tx: WriteTx,
	unverified: readonly ConflictRecord[],
	signatures: readonly HeadSignature[]
): void {
	const held = tx.objectStore('held');
	held.clear().catch(ignore);
	for (const record of unverified) held.put(record).catch(ignore);
	const kept = tx.objectStore('signatures');
	for (const s of signatures) kept.put(s).catch(ignore);
}
