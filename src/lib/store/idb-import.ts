// Importing validated changes into the IndexedDB store (S4, S5, S6, S9, X6): the shared plan,
// authenticity check and merge (importing.ts), then the changes, the projection, new
// conflicts, the held changes and the kept signatures written in ONE transaction.
import type { Change, Result } from '$lib/core';
import type { ImportProof } from './authenticate';
import type { Connection, WriteTx } from './connection';
import { prepareImport, previewOf } from './importing';
import type { AuthContext } from './importing';
import { writeMeta } from './meta';
import { addChanges, writeConflicts, writeEffects, writeWholeState } from './records';
import { ensureRules } from './rules';
import type {
	ConflictRecord,
	ImportOutcome,
	ImportPreview,
	ImportRefusal,
	ReplayProgress
} from './types';
import type { HeadSignature } from '$lib/sync/evidence';

async function authContext(
	c: Connection,
	key: string,
	proof: ImportProof | undefined
): Promise<AuthContext> {
	const held = await c.db.getAll('held');
	return { self: { device: c.device, key }, held, ...(proof ? { proof } : {}) };
}

export async function previewInto(
	c: Connection,
	key: string,
	changes: readonly Change[],
	proof?: ImportProof
): Promise<Result<ImportPreview, ImportRefusal>> {
	await ensureRules();
	const log = await c.db.getAllFromIndex('changes', 'byClock');
	const ctx = await authContext(c, key, proof);
	return previewOf(c.state, log, changes, await c.db.getAll('conflicts'), ctx);
}

/** Runs under the write lock (the caller holds it). */
export async function importInto(
	c: Connection,
	key: string,
	changes: readonly Change[],
	onProgress?: (p: ReplayProgress) => void,
	proof?: ImportProof
): Promise<Result<ImportOutcome, ImportRefusal>> {
	c.assertOpen();
	await ensureRules();
	const meta = await c.freshMeta();
	const log = await c.db.getAllFromIndex('changes', 'byClock');
	const existing = await c.db.getAll('conflicts');
	const ctx = await authContext(c, key, proof);
	const last = { clock: meta.clock, head: meta.head, device: c.device };
	const prepared = await prepareImport(c.state, log, changes, existing, last, ctx, onProgress);
	if (prepared.kind === 'done') return prepared.result;
	const { merged, conflicts, auth } = prepared;
	await c.write(meta.seq, (tx) => {
		addChanges(tx, prepared.fresh);
		if (merged.whole) {
			writeWholeState(tx, merged.state);
			writeConflicts(tx, conflicts.all, true);
		} else {
			writeEffects(tx, merged.effects);
			writeConflicts(tx, conflicts.added, false);
		}
		if (auth !== null) writeAuthenticity(tx, auth.held, auth.signatures);
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

/** X6: the held changes replace the previous set; signatures are added. */
function writeAuthenticity(
	tx: WriteTx,
	held: readonly ConflictRecord[],
	signatures: readonly HeadSignature[]
): void {
	const heldStore = tx.objectStore('held');
	void heldStore.clear().catch(() => undefined);
	for (const record of held) void heldStore.put(record).catch(() => undefined);
	const kept = tx.objectStore('signatures');
	for (const s of signatures) void kept.put(s).catch(() => undefined);
}
