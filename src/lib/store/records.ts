// Reading and writing the log and the projection's records inside one IndexedDB transaction.
// Kept apart from the store class so commit, replay and import share exactly the same write
// path. The log and the mail are kept in coarse records (schema version 6: migrations/v6.ts).
import { unwrap } from 'idb';
import type { IDBPTransaction, StoreNames } from 'idb';
import { stateFromRecords } from '$lib/core';
import type { Change, Effect, Mail, State } from '$lib/core';
import { LOG_CHUNK } from './db';
import type { LogRecord, MailPage, TesseraDb, TesseraSchema } from './db';
import type { ConflictRecord } from './types';

/** The projection's stores keyed by record id (mail is kept in pages: `mailPages`). */
export const RECORD_STORES = [
	'accounts',
	'licenses',
	'sites',
	'organizations',
	'supportAccounts'
] as const;

type WriteTx = IDBPTransaction<TesseraSchema, ArrayLike<StoreNames<TesseraSchema>>, 'readwrite'>;

// Bulk writes go through the raw object store (`unwrap`): no promise per request. They run in
// order, and if any fails the transaction aborts and its `done` rejects, which is where the
// caller learns of it.
type RawTx = Pick<IDBTransaction, 'objectStore' | 'abort'>;
const raw = (tx: WriteTx): RawTx => unwrap(tx);

/** Requests queued per turn of the event loop at most (P4): single records, and pages of LOG_CHUNK. */
const PER_TURN = 2_000;
const PAGES_PER_TURN = 4;
/**
 * P4: a turn stops queuing once it has spent this long (a request's structured clone is paid
 * when it is queued: a page of 1,000 changes or mails takes several milliseconds, a license
 * with a long history tenths of one), so no turn blocks the page for long whatever the sizes.
 */
const TURN_BUDGET_MS = 10;

/**
 * Queues one request per item, a lot at a time: at most `perTurn`, and no more than
 * TURN_BUDGET_MS of queuing. The next lot is queued from the success of the previous lot's
 * FIRST request, which keeps the transaction active and the database busy with the rest of
 * that lot while the page handles input and paints in between (queuing 200,000 requests in one
 * go froze it for seconds). Requests still run in the order they were queued; any failure
 * aborts the whole transaction — including a throw while queuing a later lot, which would
 * otherwise be lost inside an event handler.
 */
function chunked<T>(
	tx: RawTx,
	items: readonly T[],
	request: (item: T) => IDBRequest,
	perTurn = PER_TURN
): void {
	let i = 0;
	const queue = (): void => {
		const started = performance.now();
		const end = Math.min(i + perTurn, items.length);
		let first: IDBRequest | null = null;
		while (i < end) {
			const item = items[i++];
			if (item !== undefined) {
				const queued = request(item);
				first ??= queued;
			}
			if (performance.now() - started >= TURN_BUDGET_MS) break;
		}
		if (i < items.length) {
			if (first !== null) first.onsuccess = later;
			else queue();
		}
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

/** `items` in consecutive pages of at most LOG_CHUNK. */
function pages<T>(items: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += LOG_CHUNK) out.push(items.slice(i, i + LOG_CHUNK));
	return out;
}

/** Appends mail pages: mail is only ever put, so a page is never rewritten. */
function addMail(t: RawTx, mails: readonly Mail[]): void {
	const store = t.objectStore('mailPages');
	chunked(t, pages(mails), (page) => store.add({ mails: page } satisfies MailPage), PAGES_PER_TURN);
}

/** An append's record writes, split into records and mail pages (done before the write). */
export interface SplitEffects {
	readonly records: readonly Effect[];
	readonly mails: readonly Mail[];
	/** The core never deletes mail; pages cannot drop one id, so such a write is refused. */
	readonly deletesMail: boolean;
}

export function splitEffects(effects: readonly Effect[]): SplitEffects {
	const mails: Mail[] = [];
	const records: Effect[] = [];
	for (const effect of effects) {
		if (effect.store !== 'mail') records.push(effect);
		else if (effect.kind === 'put') mails.push(effect.value);
		else return { records, mails, deletesMail: true };
	}
	return { records, mails, deletesMail: false };
}

export function writeEffects(tx: WriteTx, effects: readonly Effect[]): void {
	writeSplitEffects(tx, splitEffects(effects));
}

export function writeSplitEffects(
	tx: WriteTx,
	{ records, mails, deletesMail }: SplitEffects
): void {
	// Thrown inside the transaction, which aborts it: nothing of the write is kept.
	if (deletesMail) throw new Error('mail is never deleted');
	const t = raw(tx);
	chunked(t, records, (effect) =>
		effect.kind === 'delete'
			? t.objectStore(effect.store).delete(effect.key)
			: t.objectStore(effect.store).put(effect.value)
	);
	addMail(t, mails);
}

function greatestClock(changes: readonly Change[]): string {
	let last = '';
	for (const change of changes) if (change.clock > last) last = change.clock;
	return last;
}

/** `changes` as log records: one per LOG_CHUNK changes (done before the write). */
export function logRecords(changes: readonly Change[]): LogRecord[] {
	return pages(changes).map((part) => ({ changes: part, last: greatestClock(part) }));
}

/** Appends `changes` to the log: one record per LOG_CHUNK changes, new keys every time. */
export function addChanges(tx: WriteTx, changes: readonly Change[]): void {
	addLogRecords(tx, logRecords(changes));
}

export function addLogRecords(tx: WriteTx, records: readonly LogRecord[]): void {
	const t = raw(tx);
	const log = t.objectStore('log');
	chunked(t, records, (record) => log.add(record), PAGES_PER_TURN);
}

/** Replaces the whole projection with `state` (replay, import with reordering, reset). */
export function writeWholeState(tx: WriteTx, state: State): void {
	const t = raw(tx);
	for (const name of RECORD_STORES) t.objectStore(name).clear();
	t.objectStore('mailPages').clear();
	const put = (name: (typeof RECORD_STORES)[number], values: Iterable<object>): void => {
		const store = t.objectStore(name);
		chunked(t, [...values], (value) => store.put(value));
	};
	put('accounts', state.accounts.values());
	put('licenses', state.licenses.values());
	put('sites', state.sites.values());
	put('organizations', state.organizations.values());
	put('supportAccounts', state.supportAccounts.values());
	addMail(t, [...state.mail.values()]);
}

function* mailOf(pages: readonly MailPage[]): Generator<Mail> {
	for (const page of pages) yield* page.mails;
}

/** Records written by this app passed the core when they were applied; read them as is. */
export async function readState(db: TesseraDb): Promise<State> {
	const tx = db.transaction([...RECORD_STORES, 'mailPages'], 'readonly');
	const [accounts, licenses, sites, organizations, supportAccounts, mailPages] = await Promise.all([
		tx.objectStore('accounts').getAll(),
		tx.objectStore('licenses').getAll(),
		tx.objectStore('sites').getAll(),
		tx.objectStore('organizations').getAll(),
		tx.objectStore('supportAccounts').getAll(),
		// In key order: a later page's copy of a mail replaces an earlier one.
		tx.objectStore('mailPages').getAll()
	]);
	await tx.done;
	const mail = mailOf(mailPages);
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
