// Reading and writing projection records inside one IndexedDB transaction. Kept apart from
// the store class so commit, replay and import share exactly the same write path.
import { unwrap } from 'idb';
import type { IDBPTransaction, StoreNames } from 'idb';
import { stateFromRecords } from '$lib/core';
import type { Change, Effect, State } from '$lib/core';
import type { TesseraDb, TesseraSchema } from './db';
import type { ConflictRecord } from './types';

export const RECORD_STORES = [
	'accounts',
	'licenses',
	'sites',
	'mail',
	'organizations',
	'supportAccounts'
] as const;

type WriteTx = IDBPTransaction<TesseraSchema, ArrayLike<StoreNames<TesseraSchema>>, 'readwrite'>;

// Bulk writes go through the raw object store (`unwrap`): no promise per request. They run in
// order, and if any fails the transaction aborts and its `done` rejects, which is where the
// caller learns of it.
type RawTx = Pick<IDBTransaction, 'objectStore' | 'abort'>;
const raw = (tx: WriteTx): RawTx => unwrap(tx);

/** Requests queued per turn of the event loop (P4). */
const CHUNK = 2_000;

/**
 * Queues one request per item, CHUNK at a time: the next chunk is queued from the success of
 * the previous chunk's last request, which keeps the transaction active while letting the page
 * handle input and paint in between (queuing 200,000 requests in one go froze it for seconds).
 * Requests still run in order; any failure aborts the whole transaction — including a throw
 * while queuing a later chunk, which would otherwise be lost inside an event handler.
 */
function chunked<T>(tx: RawTx, items: readonly T[], request: (item: T) => IDBRequest): void {
	let i = 0;
	const queue = (): void => {
		const end = Math.min(i + CHUNK, items.length);
		let last: IDBRequest | null = null;
		for (; i < end; i++) {
			const item = items[i];
			if (item !== undefined) last = request(item);
		}
		if (i < items.length && last !== null) last.onsuccess = later;
	};
	const later = (): void => {
		try {
			queue();
		} catch {
			tx.abort();
		}
	};
	queue();
}

export function writeEffects(tx: WriteTx, effects: readonly Effect[]): void {
	const t = raw(tx);
	chunked(t, effects, (effect) =>
		effect.kind === 'delete'
			? t.objectStore(effect.store).delete(effect.key)
			: t.objectStore(effect.store).put(effect.value)
	);
}

export function addChanges(tx: WriteTx, changes: readonly Change[]): void {
	const t = raw(tx);
	const log = t.objectStore('changes');
	chunked(t, changes, (change) => log.add(change));
}

/** Replaces the whole projection with `state` (replay, import with reordering, reset). */
export function writeWholeState(tx: WriteTx, state: State): void {
	const t = raw(tx);
	for (const name of RECORD_STORES) t.objectStore(name).clear();
	const put = (name: (typeof RECORD_STORES)[number], values: Iterable<object>): void => {
		const store = t.objectStore(name);
		chunked(t, [...values], (value) => store.put(value));
	};
	put('accounts', state.accounts.values());
	put('licenses', state.licenses.values());
	put('sites', state.sites.values());
	put('mail', state.mail.values());
	put('organizations', state.organizations.values());
	put('supportAccounts', state.supportAccounts.values());
}

/** Records written by this app passed the core when they were applied; read them as is. */
export async function readState(db: TesseraDb): Promise<State> {
	const tx = db.transaction([...RECORD_STORES], 'readonly');
	const [accounts, licenses, sites, mail, organizations, supportAccounts] = await Promise.all([
		tx.objectStore('accounts').getAll(),
		tx.objectStore('licenses').getAll(),
		tx.objectStore('sites').getAll(),
		tx.objectStore('mail').getAll(),
		tx.objectStore('organizations').getAll(),
		tx.objectStore('supportAccounts').getAll()
	]);
	await tx.done;
	return stateFromRecords({ accounts, licenses, sites, mail, organizations, supportAccounts });
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
