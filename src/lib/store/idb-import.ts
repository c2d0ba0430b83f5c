// Importing validated changes into the IndexedDB store (S4, S5, S6, S9): the shared plan and
// merge (importing.ts), then the changes, the projection and new conflicts written in ONE
// transaction.
import type { Change, Result } from '$lib/core';
import type { Connection } from './connection';
import { prepareImport, previewOf } from './importing';
import { writeMeta } from './meta';
import { addChanges, writeConflicts, writeEffects, writeWholeState } from './records';
import { ensureRules } from './rules';
import type { ImportOutcome, ImportPreview, ImportRefusal, ReplayProgress } from './types';

export async function previewInto(
	c: Connection,
	changes: readonly Change[]
): Promise<Result<ImportPreview, ImportRefusal>> {
	await ensureRules();
	const log = await c.db.getAllFromIndex('changes', 'byClock');
	return previewOf(c.state, log, changes, await c.db.getAll('conflicts'));
}

/** Runs under the write lock (the caller holds it). */
export async function importInto(
	c: Connection,
	changes: readonly Change[],
	onProgress?: (p: ReplayProgress) => void
): Promise<Result<ImportOutcome, ImportRefusal>> {
	c.assertOpen();
	await ensureRules();
	const meta = await c.freshMeta();
	const log = await c.db.getAllFromIndex('changes', 'byClock');
	const existing = await c.db.getAll('conflicts');
	const last = { clock: meta.clock, head: meta.head, device: c.device };
	const prepared = await prepareImport(c.state, log, changes, existing, last, onProgress);
	if (prepared.kind === 'done') return prepared.result;
	const { merged, conflicts } = prepared;
	await c.write(meta.seq, (tx) => {
		addChanges(tx, prepared.fresh);
		if (merged.whole) {
			writeWholeState(tx, merged.state);
			writeConflicts(tx, conflicts.all, true);
		} else {
			writeEffects(tx, merged.effects);
			writeConflicts(tx, conflicts.added, false);
		}
		writeMeta(tx, { seq: meta.seq + 1, clock: prepared.clock, head: prepared.head });
		// This device's own changes came back from a file (a restored backup): recount later.
		if (prepared.fresh.some((change) => change.device === c.device)) {
			tx.objectStore('meta')
				.delete('queued')
				.catch(() => undefined);
		}
	});
	c.committed(merged.state, meta.seq + 1);
	return { ok: true, value: prepared.outcome };
}
