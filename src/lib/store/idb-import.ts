// Importing validated changes into the IndexedDB store (S4, S5, S6, S9): plan against the
// local log, merge (append in place, or replay when new changes sort before local ones),
// and write the changes, the projection and new conflicts in ONE transaction.
import type { Change, Result } from '$lib/core';
import { copyState } from './batch';
import type { Connection } from './connection';
import { clockAfter, conflictRecords, headAfter, planAgainst, touchedIds } from './importing';
import { mergeChanges } from './merge';
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
	const plan = planAgainst(changes, log);
	if (plan.error) return { ok: false, error: plan.error };
	const merged = mergeChanges(copyState(c.state), log, plan.fresh, plan.needsReplay);
	const existing = await c.db.getAll('conflicts');
	const { added } = conflictRecords(merged.conflicts, existing, merged.whole);
	return {
		ok: true,
		value: {
			fresh: plan.fresh.length,
			duplicates: plan.duplicates,
			wouldConflict: added,
			needsReplay: plan.needsReplay,
			...touchedIds(plan)
		}
	};
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
	const plan = planAgainst(changes, log);
	if (plan.error) return { ok: false, error: plan.error };
	if (plan.fresh.length === 0) {
		return {
			ok: true,
			value: { applied: 0, conflicts: [], duplicates: plan.duplicates, replayed: false }
		};
	}
	const existing = await c.db.getAll('conflicts');
	const head = headAfter(meta.head, plan.fresh, c.device);
	const clock = clockAfter(meta.clock, plan.fresh);
	// Appending works in place (reread on failure); a replay builds a new state.
	const merged = mergeChanges(c.state, log, plan.fresh, plan.needsReplay, onProgress);
	const records = conflictRecords(merged.conflicts, existing, merged.whole);
	await c.write(meta.seq, (tx) => {
		addChanges(tx, plan.fresh);
		if (merged.whole) {
			writeWholeState(tx, merged.state);
			writeConflicts(tx, records.all, true);
		} else {
			writeEffects(tx, merged.effects);
			writeConflicts(tx, records.added, false);
		}
		writeMeta(tx, { seq: meta.seq + 1, clock, head });
	});
	c.committed(merged.state, meta.seq + 1);
	return {
		ok: true,
		value: {
			applied: merged.applied,
			conflicts: records.added,
			duplicates: plan.duplicates,
			replayed: merged.whole
		}
	};
}
