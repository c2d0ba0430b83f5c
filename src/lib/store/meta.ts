// The few values the store keeps beside the log: device id, commit sequence (how other tabs
// know their projection is stale), the clock, this device's chain head (X5), the links known
// to be open (X5, `gaps`), and the changes held as from the future (X7), one key each:
// `held:<change id>`. They live in the meta store, new keys rather than a new object store,
// so no schema version is needed for them.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Change } from '$lib/core';
import type { ClockState } from '$lib/log/clock';
import { ZERO_CLOCK } from '$lib/log/clock';
import type { TesseraSchema } from './db';

export interface Head {
	/** Hash of the newest change made on this device: the next change's `prev`. */
	readonly hash: string;
	readonly clock: string;
}

export interface Meta {
	readonly device: string | null;
	readonly seq: number;
	readonly clock: ClockState;
	readonly head: Head | null;
	/**
	 * S2: how many changes made here are not exported yet, kept in step by every write so the
	 * badge never scans the log; null in a database written before it was kept.
	 */
	readonly queued: number | null;
}

type AnyTx = IDBPTransaction<
	TesseraSchema,
	ArrayLike<StoreNames<TesseraSchema>>,
	IDBTransactionMode
>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function asClock(v: unknown): ClockState {
	if (isRecord(v) && typeof v.millis === 'number' && typeof v.counter === 'number') {
		return { millis: v.millis, counter: v.counter };
	}
	return ZERO_CLOCK;
}

function asHead(v: unknown): Head | null {
	if (isRecord(v) && typeof v.hash === 'string' && typeof v.clock === 'string') {
		return { hash: v.hash, clock: v.clock };
	}
	return null;
}

/** The key range of the changes held as from the future (X7). */
export const HELD_PREFIX = 'held:';
export const heldKey = (changeId: string): string => `${HELD_PREFIX}${changeId}`;
export const heldRange = (): IDBKeyRange => IDBKeyRange.bound(HELD_PREFIX, `${HELD_PREFIX}\uffff`);

/** A held change as this app wrote it (it passed the reader and the store's checks). */
export function isStoredChange(v: unknown): v is Change {
	return (
		isRecord(v) &&
		typeof v.id === 'string' &&
		typeof v.device === 'string' &&
		typeof v.clock === 'string' &&
		typeof v.at === 'number' &&
		typeof v.type === 'string' &&
		isRecord(v.payload)
	);
}

/** X5: the open links this device knows of (`gaps`), each a device and a change id. */
export function asGaps(v: unknown): { device: string; changeId: string }[] {
	if (!Array.isArray(v)) return [];
	const gaps: { device: string; changeId: string }[] = [];
	for (const item of v) {
		if (isRecord(item) && typeof item.device === 'string' && typeof item.changeId === 'string') {
			gaps.push({ device: item.device, changeId: item.changeId });
		}
	}
	return gaps;
}

export async function readMeta(tx: AnyTx): Promise<Meta> {
	const store = tx.objectStore('meta');
	const [device, seq, clock, head, queued] = await Promise.all([
		store.get('device'),
		store.get('seq'),
		store.get('clock'),
		store.get('head'),
		store.get('queued')
	]);
	return {
		device: typeof device === 'string' ? device : null,
		seq: typeof seq === 'number' ? seq : 0,
		clock: asClock(clock),
		head: asHead(head),
		queued: typeof queued === 'number' ? queued : null
	};
}

export function writeMeta(
	tx: IDBPTransaction<TesseraSchema, ArrayLike<StoreNames<TesseraSchema>>, 'readwrite'>,
	meta: Partial<Meta>
): void {
	const store = tx.objectStore('meta');
	for (const [key, value] of Object.entries(meta)) {
		void store.put(value, key).catch(() => undefined);
	}
}
