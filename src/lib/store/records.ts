// Reading and writing projection records inside one IndexedDB transaction. Kept apart from
// the store class so commit, replay and import share exactly the same write path.
import { unwrap } from 'idb';
import type { IDBPTransaction, StoreNames } from 'idb';
import { stateFromRecords } from '$lib/core';
import type { Change, Effect, State } from '$lib/core';
import type { TesseraDb, TesseraSchema } from './db';
import type { ConflictRecord } from './types';

export const RECORD_STORES = ['accounts', 'licenses', 'sites', 'mail'] as const;

type WriteTx = IDBPTransaction<TesseraSchema, ArrayLike<StoreNames<TesseraSchema>>, 'readwrite'>;

// Bulk writes go through the raw object store (`unwrap`): no promise per request. They run in
// order, and if any fails the transaction aborts and its `done` rejects, which is where the
// caller learns of it.
type RawTx = Pick<IDBTransaction, 'objectStore'>;
const raw = (tx: WriteTx): RawTx => unwrap(tx);

export function writeEffects(tx: WriteTx, effects: readonly Effect[]): void {
	const t = raw(tx);
	for (const effect of effects) {
		if (effect.kind === 'delete') t.objectStore(effect.store).delete(effect.key);
		else t.objectStore(effect.store).put(effect.value);
	}
}

export function addChanges(tx: WriteTx, changes: readonly Change[]): void {
	const log = raw(tx).objectStore('changes');
	for (const change of changes) log.add(change);
}

/** Replaces the whole projection with `state` (replay, import with reordering, reset). */
export function writeWholeState(tx: WriteTx, state: State): void {
	const t = raw(tx);
	for (const name of RECORD_STORES) t.objectStore(name).clear();
	const put = (name: (typeof RECORD_STORES)[number], values: Iterable<object>): void => {
		const store = t.objectStore(name);
		for (const value of values) store.put(value);
	};
	put('accounts', state.accounts.values());
	put('licenses', state.licenses.values());
	put('sites', state.sites.values());
	put('mail', state.mail.values());
}

/** Records written by this app passed the core when they were applied; read them as is. */
export async function readState(db: TesseraDb): Promise<State> {
	const tx = db.transaction([...RECORD_STORES], 'readonly');
	const [accounts, licenses, sites, mail] = await Promise.all([
		tx.objectStore('accounts').getAll(),
		tx.objectStore('licenses').getAll(),
		tx.objectStore('sites').getAll(),
		tx.objectStore('mail').getAll()
	]);
	await tx.done;
	return stateFromRecords({ accounts, licenses, sites, mail });
}

/** Conflict records (S5/S6); `replaceAll` clears the store first (after a replay). */
export function writeConflicts(
	tx: WriteTx,
	records: readonly ConflictRecord[],
	replaceAll: boolean
): void {
	const store = raw(tx).objectStore('conflicts');
	if (replaceAll) store.clear();
	for (const record of records) store.put(record);
}
