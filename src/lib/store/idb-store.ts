/**
 * The IndexedDB store: the change log and the projection the UI reads (S1, S5, S8).
 *
 * - `commit` stamps the draft (device, hybrid logical clock, time, `prev` hash) under a
 *   cross-tab write lock, applies it through the pure core, and writes the change and the
 *   records it touched in ONE transaction. A refused change writes nothing; a failed
 *   transaction leaves the previous state, in the database and in memory.
 * - Other tabs hear each commit and apply the same change to their copy (the core is
 *   deterministic), or reread everything if they missed one (see connection.ts).
 * - `replay` rebuilds the projection from the log in the total order of S5; imports live in
 *   idb-import.ts.
 */
import { applyInPlace, deviceId, emptyState } from '$lib/core';
import type { Change, ChangeId, DeviceId, Effect, Result, State, StoreName } from '$lib/core';
import { changeHash } from '$lib/log/digest';
import { applyBatch } from './batch';
import { Connection } from './connection';
import { openDatabase } from './db';
import { newDeviceId } from './device';
import { loadDeviceKey, signHeadsWith } from './device-key';
import type { DeviceKey } from './device-key';
import type { HeadSignature } from '$lib/log/evidence';
import { importInto, previewInto, readGaps, readHeld } from './idb-import';
import { mergeChanges } from '$lib/log/merge';
import { createWriteLock } from './lock';
import { readMeta, writeMeta } from './meta';
import type { Meta } from './meta';
import { findChange, readLog, readLogSince, readQueue } from './log';
import { addChanges, readState, writeConflicts, writeEffects, writeWholeState } from './records';
import { ensureRules } from './rules';
import { stamp } from './stamp';
import { tick } from '$lib/log/clock';
import type {
	ChainGap,
	ChangeDraft,
	CommitResult,
	ConflictRecord,
	ImportOptions,
	ImportOutcome,
	ImportPreview,
	ImportRefusal,
	ReplayProgress,
	Store,
	StoreEvent
} from './types';

/** The record stores a commit's effects write. */
function storesOf(effects: readonly Effect[]): StoreName[] {
	return [...new Set(effects.map((e) => e.store))];
}

/** The queue count after `added` local changes; unknown stays unknown (counted on demand). */
function queuedAfter(meta: Meta, added: number): { queued?: number } {
	return meta.queued === null ? {} : { queued: meta.queued + added };
}

export interface IdbStoreOptions {
	readonly name?: string;
	/** For tests: how to make the device id of a new database. */
	readonly makeDeviceId?: () => string;
}

export class IdbStore implements Store {
	private constructor(
		private readonly c: Connection,
		private readonly key: DeviceKey
	) {}

	static async open(options: IdbStoreOptions = {}): Promise<IdbStore> {
		let connection: Connection | null = null;
		const db = await openDatabase({
			name: options.name,
			onVersionChange: () => connection?.versionChanged()
		});
		const lock = createWriteLock();
		const meta = await lock.run(async () => {
			const tx = db.transaction('meta', 'readwrite');
			const current = await readMeta(tx);
			if (current.device === null) {
				const device = (options.makeDeviceId ?? newDeviceId)();
				writeMeta(tx, { device, queued: 0 });
				await tx.done;
				return { ...current, device };
			}
			await tx.done;
			return current;
		});
		// X6: the device key is made once, the first time this database opens.
		const key = await lock.run(() => loadDeviceKey(db));
		const state = await readState(db);
		connection = new Connection(db, deviceId(meta.device ?? ''), state, meta.seq, lock);
		return new IdbStore(connection, key);
	}

	get device(): DeviceId {
		return this.c.device;
	}

	get state(): State {
		return this.c.state;
	}

	subscribe(listener: (event: StoreEvent) => void): () => void {
		return this.c.subscribe(listener);
	}

	commit(draft: ChangeDraft, now: number): Promise<CommitResult> {
		this.c.assertOpen();
		return this.c.lock.run(async () => {
			this.c.assertOpen();
			await ensureRules();
			const meta = await this.c.freshMeta();
			const { change, clock } = stamp(draft, this.device, meta, now);
			const hash = changeHash(change);
			// In place: the cost is what the change touches, not the size of the state. A refusal
			// writes nothing; a failed write rereads the projection (connection.write).
			const result = applyInPlace(this.c.state, change);
			if (!result.ok) return result;
			this.c.emit({ kind: 'applied', change, stores: storesOf(result.value.effects) });
			await this.c.write(meta.seq, (tx) => {
				addChanges(tx, [change]);
				writeEffects(tx, result.value.effects);
				writeMeta(tx, {
					seq: meta.seq + 1,
					clock,
					head: { hash, clock: change.clock },
					...queuedAfter(meta, 1)
				});
			});
			this.c.committed(this.c.state, meta.seq + 1, change);
			return { ok: true, value: { change, applied: result.value } };
		});
	}

	async changeTime(now: number): Promise<number> {
		this.c.assertOpen();
		return tick((await this.c.freshMeta()).clock, now).millis;
	}

	/**
	 * Commits many drafts in ONE transaction (bulk work: demo data, benchmarks). Each draft is
	 * stamped and applied in order; refused drafts are skipped and reported, the rest are
	 * written together or, on an infrastructure error, not at all.
	 */
	commitMany(
		drafts: readonly ChangeDraft[],
		now: number,
		onProgress?: (p: ReplayProgress) => void
	): Promise<CommitResult[]> {
		this.c.assertOpen();
		return this.c.lock.run(async () => {
			this.c.assertOpen();
			await ensureRules();
			const meta = await this.c.freshMeta();
			const batch = applyBatch(this.c.state, drafts, this.device, meta, now, onProgress);
			if (batch.changes.length > 0) {
				await this.c.write(meta.seq, (tx) => {
					addChanges(tx, batch.changes);
					writeEffects(tx, batch.effects);
					writeMeta(tx, {
						seq: meta.seq + 1,
						clock: batch.clock,
						head: batch.head,
						...queuedAfter(meta, batch.changes.length)
					});
				});
				this.c.committed(batch.state, meta.seq + 1);
			}
			return batch.results;
		});
	}

	async changes(): Promise<Change[]> {
		this.c.assertOpen();
		return readLog(this.c.db);
	}

	async getChange(id: ChangeId): Promise<Change | undefined> {
		this.c.assertOpen();
		return findChange(this.c.db, id);
	}

	/** Conflicts the rules made (in the log) and changes held as unverified (X6). */
	async conflicts(): Promise<ConflictRecord[]> {
		this.c.assertOpen();
		const [refused, held] = await Promise.all([
			this.c.db.getAll('conflicts'),
			this.c.db.getAll('held')
		]);
		return [...refused, ...held];
	}

	async dismissConflict(id: ChangeId): Promise<void> {
		this.c.assertOpen();
		await this.c.lock.run(async () => {
			for (const name of ['conflicts', 'held'] as const) {
				const record = await this.c.db.get(name, id);
				if (record) await this.c.db.put(name, { ...record, dismissed: true });
			}
		});
		this.c.emit({ kind: 'reloaded' });
	}

	deviceKey(): Promise<string> {
		return Promise.resolve(this.key.publicKey);
	}

	async signHeads(
		heads: readonly { readonly changeId: string; readonly hash: string }[]
	): Promise<HeadSignature[]> {
		this.c.assertOpen();
		const signed = await signHeadsWith(this.key, this.device, heads);
		const tx = this.c.db.transaction('signatures', 'readwrite');
		await Promise.all([...signed.map((s) => tx.store.put(s)), tx.done]);
		return signed;
	}

	async headSignatures(changeIds: readonly string[]): Promise<HeadSignature[]> {
		this.c.assertOpen();
		const tx = this.c.db.transaction('signatures', 'readonly');
		const found = await Promise.all(changeIds.map((id) => tx.store.get(id)));
		await tx.done;
		return found.filter((s) => s !== undefined);
	}

	replay(onProgress?: (p: ReplayProgress) => void): Promise<readonly ConflictRecord[]> {
		this.c.assertOpen();
		return this.c.lock.run(async () => {
			await ensureRules();
			const meta = await this.c.freshMeta();
			const log = await readLog(this.c.db);
			// The page gets a turn every thousand changes while the log replays (P4).
			const replayed = await mergeChanges(emptyState(), log, [], true, { onProgress });
			const dismissed = new Set(
				(await this.c.db.getAll('conflicts')).filter((c) => c.dismissed).map((c) => c.change.id)
			);
			const conflicts = replayed.conflicts.map((c) => ({
				change: c.change,
				refusal: c.refusal,
				dismissed: dismissed.has(c.change.id)
			}));
			await this.c.write(meta.seq, (tx) => {
				writeWholeState(tx, replayed.state);
				writeConflicts(tx, conflicts, true);
				writeMeta(tx, { seq: meta.seq + 1 });
			});
			this.c.committed(replayed.state, meta.seq + 1);
			return conflicts;
		});
	}

	previewImport(
		changes: readonly Change[],
		options?: ImportOptions
	): Promise<Result<ImportPreview, ImportRefusal>> {
		this.c.assertOpen();
		return previewInto(this.c, this.key.publicKey, changes, options);
	}

	importChanges(
		changes: readonly Change[],
		onProgress?: (p: ReplayProgress) => void,
		options?: ImportOptions
	): Promise<Result<ImportOutcome, ImportRefusal>> {
		this.c.assertOpen();
		const key = this.key.publicKey;
		return this.c.lock.run(() => importInto(this.c, key, changes, options, onProgress));
	}

	releaseHeld(
		now: number,
		onProgress?: (p: ReplayProgress) => void
	): Promise<Result<ImportOutcome, ImportRefusal>> {
		this.c.assertOpen();
		const key = this.key.publicKey;
		return this.c.lock.run(() => importInto(this.c, key, [], { now }, onProgress));
	}

	/** X7: the changes held as from the future (the unverified ones are conflicts: X6). */
	held(): Promise<Change[]> {
		this.c.assertOpen();
		return readHeld(this.c);
	}

	knownGaps(): Promise<ChainGap[]> {
		this.c.assertOpen();
		return readGaps(this.c);
	}

	async queue(): Promise<Change[]> {
		this.c.assertOpen();
		return readQueue(this.c.db, this.device);
	}

	async markExported(clock: string): Promise<void> {
		this.c.assertOpen();
		await this.c.lock.run(async () => {
			const tx = this.c.db.transaction('meta', 'readwrite');
			const current = await tx.store.get('exported');
			if (typeof current !== 'string' || current < clock) await tx.store.put(clock, 'exported');
			await tx.done;
			// Exports are rare: count the rest of the queue once, exactly, for the badge.
			await this.c.db.put('meta', (await this.queue()).length, 'queued');
		});
		this.c.emit({ kind: 'reloaded' });
	}

	logSince(cursor: number): Promise<{ changes: Change[]; cursor: number }> {
		this.c.assertOpen();
		return readLogSince(this.c.db, cursor);
	}

	liveSettings(): Promise<unknown> {
		this.c.assertOpen();
		return this.c.db.get('meta', 'live');
	}

	async saveLiveSettings(value: unknown): Promise<void> {
		this.c.assertOpen();
		await this.c.db.put('meta', value, 'live');
		this.c.liveSettingsSaved();
	}

	async updateLiveSettings(change: (kept: unknown) => unknown): Promise<unknown> {
		this.c.assertOpen();
		const tx = this.c.db.transaction('meta', 'readwrite');
		const kept: unknown = await tx.store.get('live');
		const next = change(kept);
		if (next !== kept) await tx.store.put(next, 'live');
		await tx.done;
		if (next !== kept) this.c.liveSettingsSaved();
		return next;
	}

	onLiveSettings(listener: () => void): () => void {
		return this.c.onLiveSettings(listener);
	}

	async queuedCount(): Promise<number> {
		this.c.assertOpen();
		const kept = await this.c.db.get('meta', 'queued');
		if (typeof kept === 'number') return kept;
		// A database from before the count was kept, or after restoring this device's own
		// changes from a file: count once and keep it.
		return this.c.lock.run(async () => {
			const count = (await this.queue()).length;
			await this.c.db.put('meta', count, 'queued');
			return count;
		});
	}

	close(): void {
		this.c.close();
	}
}
