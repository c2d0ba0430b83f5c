// The few values the store keeps beside the log: device id, commit sequence (how other tabs
// know their projection is stale), the clock, and this device's chain head (X5).
import type { IDBPTransaction, StoreNames } from 'idb';
import type { ClockState } from './clock';
import { ZERO_CLOCK } from './clock';
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
