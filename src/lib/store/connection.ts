/**
 * One open IndexedDB connection with the projection it keeps in memory: the shared plumbing
 * of IdbStore's operations. It knows how to write one transaction atomically, how to reread
 * the projection when another tab moved ahead (or a write failed), and how tabs tell each
 * other about commits (BroadcastChannel, one channel per database).
 */
import type { IDBPTransaction } from 'idb';
import { applyInPlace } from '$lib/core';
import type { Change, DeviceId, State } from '$lib/core';
import type { TesseraDb, TesseraSchema } from './db';
import { StoreError, toStoreError } from './errors';
import type { WriteLock } from './lock';
import { readMeta } from './meta';
import type { Meta } from './meta';
import { RECORD_STORES, readState } from './records';
import { ensureRules } from './rules';
import type { StoreEvent } from './types';

const CHANNEL = 'tessera-store';
export const ALL_STORES = [
	'meta',
	'log',
	'conflicts',
	'signatures',
	'held',
	'mailPages',
	...RECORD_STORES
] as const;
export type WriteTx = IDBPTransaction<TesseraSchema, (typeof ALL_STORES)[number][], 'readwrite'>;

type Message =
	| { readonly kind: 'committed'; readonly seq: number; readonly change: Change }
	| { readonly kind: 'reloaded'; readonly seq: number };

function isMessage(data: unknown): data is Message {
	if (typeof data !== 'object' || data === null || !('kind' in data) || !('seq' in data)) {
		return false;
	}
	return (data.kind === 'committed' && 'change' in data) || data.kind === 'reloaded';
}

/** S10: another tab saved the live-sync settings (they are read again from the database). */
const LIVE_SETTINGS = { kind: 'live-settings' } as const;

function isLiveSettings(data: unknown): boolean {
	return (
		typeof data === 'object' && data !== null && Reflect.get(data, 'kind') === LIVE_SETTINGS.kind
	);
}

export class Connection {
	#state: State;
	#seq: number;
	#closed = false;
	#inbox: Promise<void> = Promise.resolve();
	readonly #listeners = new Set<(event: StoreEvent) => void>();
	readonly #liveListeners = new Set<() => void>();
	readonly #channel: BroadcastChannel | null;

	constructor(
		readonly db: TesseraDb,
		readonly device: DeviceId,
		state: State,
		seq: number,
		readonly lock: WriteLock
	) {
		this.#state = state;
		this.#seq = seq;
		this.#channel =
			typeof BroadcastChannel === 'undefined'
				? null
				: new BroadcastChannel(`${CHANNEL}:${db.name}`);
		this.#channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
			if (isLiveSettings(event.data)) {
				if (!this.#closed) this.#liveSettingsHeard();
				return;
			}
			// One message at a time, in arrival order: each may await before applying.
			this.#inbox = this.#inbox.then(() => this.#onMessage(event.data)).catch(() => undefined);
		});
	}

	get state(): State {
		return this.#state;
	}

	subscribe(listener: (event: StoreEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	emit(event: StoreEvent): void {
		for (const listener of this.#listeners) listener(event);
	}

	onLiveSettings(listener: () => void): () => void {
		this.#liveListeners.add(listener);
		return () => this.#liveListeners.delete(listener);
	}

	/** S10: the live-sync settings were saved here: this tab's listeners and the others' hear. */
	liveSettingsSaved(): void {
		this.#channel?.postMessage(LIVE_SETTINGS);
		this.#liveSettingsHeard();
	}

	#liveSettingsHeard(): void {
		for (const listener of [...this.#liveListeners]) listener();
	}

	assertOpen(): void {
		if (this.#closed) {
			throw new StoreError(
				'version-changed',
				'Tessera was updated in another tab. Reload this page to go on.'
			);
		}
	}

	/** Another tab opened a newer database version; the connection is already closed. */
	versionChanged(): void {
		this.#shut();
		this.emit({ kind: 'version-changed' });
	}

	#shut(): void {
		this.#closed = true;
		this.#channel?.close();
	}

	/** Under the write lock: make sure the projection in memory is the database's. */
	async freshMeta(): Promise<Meta> {
		const tx = this.db.transaction('meta', 'readonly');
		const meta = await readMeta(tx);
		await tx.done;
		if (meta.seq !== this.#seq) await this.#reload(meta.seq);
		return meta;
	}

	async #reload(seq: number): Promise<void> {
		this.#state = await readState(this.db);
		this.#seq = seq;
		this.emit({ kind: 'reloaded' });
	}

	/**
	 * Runs `fill` in one readwrite transaction over every store and waits for it to commit.
	 * A request that throws while queuing aborts the transaction, so nothing queued before it
	 * is written either. On any failure the projection is reread from the database (which
	 * still holds the previous state) and the error surfaces as a StoreError.
	 */
	async write(seq: number, fill: (tx: WriteTx) => void): Promise<void> {
		const tx = this.db.transaction(ALL_STORES, 'readwrite');
		const done = tx.done;
		// Observed below; this only keeps an early throw from leaving it unhandled.
		done.catch(() => undefined);
		try {
			fill(tx);
			await done;
		} catch (error) {
			try {
				tx.abort();
			} catch {
				// Already aborted or finished: a failed transaction committed nothing.
			}
			await this.#recover(seq);
			throw toStoreError(error);
		}
	}

	async #recover(seq: number): Promise<void> {
		try {
			await this.#reload(seq);
		} catch {
			this.#shut();
			this.emit({ kind: 'unavailable' });
		}
	}

	/** After a successful write: adopt the new projection and tell the other tabs. */
	committed(state: State, seq: number, change?: Change): void {
		this.#state = state;
		this.#seq = seq;
		if (change) {
			this.#channel?.postMessage({ kind: 'committed', seq, change } satisfies Message);
			this.emit({ kind: 'committed', change, local: true });
		} else {
			this.#channel?.postMessage({ kind: 'reloaded', seq } satisfies Message);
			this.emit({ kind: 'reloaded' });
		}
	}

	async #onMessage(data: unknown): Promise<void> {
		if (!isMessage(data) || this.#closed) return;
		await ensureRules();
		if (data.kind === 'committed' && data.seq === this.#seq + 1) {
			const result = applyInPlace(this.#state, data.change);
			if (result.ok) {
				this.#seq = data.seq;
				this.emit({ kind: 'committed', change: data.change, local: false });
				return;
			}
		}
		if (data.seq !== this.#seq) await this.#reload(data.seq);
	}

	close(): void {
		this.#shut();
		this.db.close();
	}
}
