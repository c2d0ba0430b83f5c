// Reading the change log, kept in coarse records since schema version 6 (migrations/v6.ts):
// every reader of the log goes through here, and gets it in the total order of S5.
import { compareChanges } from '$lib/core';
import type { Change } from '$lib/core';
import type { LogRecord, TesseraDb } from './db';

const flatten = (records: readonly LogRecord[]): Change[] => records.flatMap((r) => r.changes);

/** The whole log in replay order (S5). */
export async function readLog(db: TesseraDb): Promise<Change[]> {
	return flatten(await db.getAll('log')).sort(compareChanges);
}

/** The changes with a clock after `clock`, in replay order (only the records that hold some). */
export async function readLogAfter(db: TesseraDb, clock: string): Promise<Change[]> {
	const records = await db.getAllFromIndex('log', 'byLast', IDBKeyRange.lowerBound(clock, true));
	return flatten(records)
		.filter((c) => c.clock > clock)
		.sort(compareChanges);
}

/** One change by id: a scan, newest records first (tests and rare paths only). */
export async function findChange(db: TesseraDb, id: string): Promise<Change | undefined> {
	let cursor = await db.transaction('log').store.openCursor(null, 'prev');
	while (cursor) {
		const found = cursor.value.changes.find((c) => c.id === id);
		if (found) return found;
		cursor = await cursor.continue();
	}
	return undefined;
}

/**
 * S2: this device's changes not exported yet, in replay order. The kept count says when
 * nothing waits (a restored backup of other devices' changes), so a device that never
 * exported does not read its whole log to learn it.
 */
export async function readQueue(db: TesseraDb, device: string): Promise<Change[]> {
	if ((await db.get('meta', 'queued')) === 0) return [];
	const exported = await db.get('meta', 'exported');
	const tail = await (typeof exported === 'string' ? readLogAfter(db, exported) : readLog(db));
	return tail.filter((c) => c.device === device);
}

/**
 * S10: the changes of the log records written after position `cursor` (0: from the start), in
 * replay order, and the position after them. Records are only ever appended, under keys that
 * grow, so the position is a checkpoint: live sync pushes from it.
 */
export async function readLogSince(
	db: TesseraDb,
	cursor: number
): Promise<{ changes: Change[]; cursor: number }> {
	const range = IDBKeyRange.lowerBound(cursor, true);
	const tx = db.transaction('log');
	const [records, keys] = await Promise.all([
		tx.store.getAll(range),
		tx.store.getAllKeys(range),
		tx.done
	]);
	return { changes: flatten(records).sort(compareChanges), cursor: keys.at(-1) ?? cursor };
}
