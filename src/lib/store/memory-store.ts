// The same Store interface without IndexedDB, for fast unit tests of app commands and sync:
// it stamps, applies and records exactly as IdbStore does, and replays the same way. Its
// device key (X6) is made on first use.
import { applyInPlace, deviceId, emptyState, compareChanges } from '$lib/core';
import type { Change, ChangeId, DeviceId, Result, State } from '$lib/core';
import { changeHash } from '$lib/log/digest';
import type { ClockState } from '$lib/log/clock';
import { ZERO_CLOCK, tick } from '$lib/log/clock';
import { createWriteLock } from './lock';
import type { Head } from './meta';
import { stamp } from './stamp';
import { ensureRules } from './rules';
import { applyBatch } from './batch';
import { copyState } from '$lib/log/merge';
import { withGaps } from './admit';
import { prepareImport, previewOf } from './importing';
import type { LocalView } from './importing';
import { mergeChanges } from '$lib/log/merge';
import { newDeviceKey, signHeadsWith } from './device-key';
import type { DeviceKey } from './device-key';
import type { HeadSignature } from '$lib/log/evidence';
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

export interface MemoryStoreOptions {
	/**
	 * For tests: the projection the log starts from, as if an earlier history (not in this
	 * log) had made it; replays start from it too. Accounts with keys and enrolled devices
	 * (X6), for instance.
	 */
	readonly base?: State;
}

export class MemoryStore implements Store {
	readonly device: DeviceId;
	readonly #base: State | undefined;
	#state: State;
	#log = new Map<string, Change>();
	#live: unknown = undefined;
	#conflicts = new Map<string, ConflictRecord>();
	#clock: ClockState = ZERO_CLOCK;
	#head: Head | null = null;
	#exported: string | null = null;
	/** X7: changes from the future, kept until their time comes. */
	#future = new Map<string, Change>();
	/** X5: links known to be open. */
	#gaps: ChainGap[] = [];
	/** X6: changes held apart as unverified (not in the log), listed with the conflicts. */
	#unverified = new Map<string, ConflictRecord>();
	#signatures = new Map<string, HeadSignature>();
	#key: Promise<DeviceKey> | null = null;
	readonly #listeners = new Set<(event: StoreEvent) => void>();
	readonly #lock = createWriteLock();

	constructor(device = '00000000000000aa', options: MemoryStoreOptions = {}) {
		this.device = deviceId(device);
		this.#base = options.base;
		this.#state = options.base === undefined ? emptyState() : copyState(options.base);
	}

	#deviceKey(): Promise<DeviceKey> {
		this.#key ??= newDeviceKey();
		return this.#key;
	}

	async deviceKey(): Promise<string> {
		return (await this.#deviceKey()).publicKey;
	}

	async signHeads(
		heads: readonly { readonly changeId: string; readonly hash: string }[]
	): Promise<HeadSignature[]> {
		const signed = await signHeadsWith(await this.#deviceKey(), this.device, heads);
		for (const s of signed) this.#signatures.set(s.changeId, s);
		return signed;
	}

	headSignatures(changeIds: readonly string[]): Promise<HeadSignature[]> {
		const found = changeIds.map((id) => this.#signatures.get(id));
		return Promise.resolve(found.filter((s) => s !== undefined));
	}

	get state(): State {
		return this.#state;
	}

	subscribe(listener: (event: StoreEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#emit(event: StoreEvent): void {
		for (const listener of this.#listeners) listener(event);
	}

	commit(draft: ChangeDraft, now: number): Promise<CommitResult> {
		return this.#lock.run(async () => {
			await ensureRules();
			const { change, clock } = stamp(
				draft,
				this.device,
				{ clock: this.#clock, head: this.#head },
				now
			);
			const hash = changeHash(change);
			const result = applyInPlace(this.#state, change);
			if (!result.ok) return result;
			this.#log.set(change.id, change);
			this.#clock = clock;
			this.#head = { hash, clock: change.clock };
			this.#emit({ kind: 'committed', change, local: true });
			return { ok: true, value: { change, applied: result.value } };
		});
	}

	changeTime(now: number): Promise<number> {
		return Promise.resolve(tick(this.#clock, now).millis);
	}

	commitMany(
		drafts: readonly ChangeDraft[],
		now: number,
		onProgress?: (p: ReplayProgress) => void
	): Promise<CommitResult[]> {
		return this.#lock.run(async () => {
			await ensureRules();
			const last = { clock: this.#clock, head: this.#head };
			const batch = applyBatch(copyState(this.#state), drafts, this.device, last, now, onProgress);
			for (const change of batch.changes) this.#log.set(change.id, change);
			this.#state = batch.state;
			this.#clock = batch.clock;
			this.#head = batch.head;
			if (batch.changes.length > 0) this.#emit({ kind: 'reloaded' });
			return batch.results;
		});
	}

	changes(): Promise<Change[]> {
		return Promise.resolve([...this.#log.values()].sort(compareChanges));
	}

	getChange(id: ChangeId): Promise<Change | undefined> {
		return Promise.resolve(this.#log.get(id));
	}

	conflicts(): Promise<ConflictRecord[]> {
		return Promise.resolve([...this.#conflicts.values(), ...this.#unverified.values()]);
	}

	replay(onProgress?: (p: ReplayProgress) => void): Promise<readonly ConflictRecord[]> {
		return this.#lock.run(async () => {
			await ensureRules();
			const replayed = await mergeChanges(emptyState(), [...this.#log.values()], [], true, {
				onProgress,
				base: this.#base
			});
			const previous = this.#conflicts;
			this.#conflicts = new Map(
				replayed.conflicts.map((c) => [
					c.change.id,
					{ ...c, dismissed: previous.get(c.change.id)?.dismissed ?? false }
				])
			);
			this.#state = replayed.state;
			this.#emit({ kind: 'reloaded' });
			return [...this.#conflicts.values()];
		});
	}

	dismissConflict(id: ChangeId): Promise<void> {
		for (const records of [this.#conflicts, this.#unverified]) {
			const record = records.get(id);
			if (record) records.set(id, { ...record, dismissed: true });
		}
		return Promise.resolve();
	}

	async #local(): Promise<LocalView> {
		return {
			log: await this.changes(),
			future: await this.held(),
			conflicts: [...this.#conflicts.values()],
			clock: this.#clock,
			head: this.#head,
			device: this.device,
			key: await this.deviceKey(),
			unverified: [...this.#unverified.values()],
			...(this.#base ? { base: this.#base } : {})
		};
	}

	async previewImport(
		changes: readonly Change[],
		options?: ImportOptions
	): Promise<Result<ImportPreview, ImportRefusal>> {
		await ensureRules();
		return previewOf(this.#state, await this.#local(), changes, options);
	}

	importChanges(
		changes: readonly Change[],
		onProgress?: (p: ReplayProgress) => void,
		options?: ImportOptions
	): Promise<Result<ImportOutcome, ImportRefusal>> {
		return this.#lock.run(() => this.#import(changes, onProgress, options));
	}

	releaseHeld(
		now: number,
		onProgress?: (p: ReplayProgress) => void
	): Promise<Result<ImportOutcome, ImportRefusal>> {
		return this.#lock.run(() => this.#import([], onProgress, { now }));
	}

	async #import(
		changes: readonly Change[],
		onProgress: ((p: ReplayProgress) => void) | undefined,
		options: ImportOptions = {}
	): Promise<Result<ImportOutcome, ImportRefusal>> {
		await ensureRules();
		const local = await this.#local();
		const prepared = await prepareImport(this.#state, local, changes, options, onProgress);
		if (prepared.kind === 'done') return prepared.result;
		for (const change of prepared.fresh) this.#log.set(change.id, change);
		for (const change of prepared.release) this.#future.delete(change.id);
		for (const change of prepared.hold) this.#future.set(change.id, change);
		this.#gaps = withGaps(this.#gaps, prepared.gaps);
		this.#conflicts = new Map(prepared.conflicts.all.map((c) => [c.change.id, c]));
		if (prepared.auth !== null) {
			this.#unverified = new Map(prepared.auth.held.map((c) => [c.change.id, c]));
			for (const s of prepared.auth.signatures) this.#signatures.set(s.changeId, s);
		}
		this.#state = prepared.merged.state;
		this.#clock = prepared.clock;
		this.#head = prepared.head;
		this.#emit({ kind: 'reloaded' });
		return { ok: true, value: prepared.outcome };
	}

	/** X7: the changes held as from the future (the unverified ones are conflicts: X6). */
	held(): Promise<Change[]> {
		return Promise.resolve([...this.#future.values()].sort(compareChanges));
	}

	knownGaps(): Promise<ChainGap[]> {
		return Promise.resolve([...this.#gaps]);
	}

	async queue(): Promise<Change[]> {
		const all = await this.changes();
		const exported = this.#exported;
		return all.filter((c) => c.device === this.device && (exported === null || c.clock > exported));
	}

	logSince(cursor: number): Promise<{ changes: Change[]; cursor: number }> {
		// The Map keeps insertion order, and the log is only ever added to.
		const added = [...this.#log.values()];
		return Promise.resolve({
			changes: added.slice(cursor).sort(compareChanges),
			cursor: added.length
		});
	}

	liveSettings(): Promise<unknown> {
		return Promise.resolve(this.#live);
	}

	saveLiveSettings(value: unknown): Promise<void> {
		this.#live = value;
		for (const listener of [...this.#liveListeners]) listener();
		return Promise.resolve();
	}

	async updateLiveSettings(change: (kept: unknown) => unknown): Promise<unknown> {
		const next = change(this.#live);
		if (next !== this.#live) await this.saveLiveSettings(next);
		return next;
	}

	readonly #liveListeners = new Set<() => void>();

	onLiveSettings(listener: () => void): () => void {
		this.#liveListeners.add(listener);
		return () => this.#liveListeners.delete(listener);
	}

	async queuedCount(): Promise<number> {
		return (await this.queue()).length;
	}

	markExported(clock: string): Promise<void> {
		if (this.#exported === null || this.#exported < clock) this.#exported = clock;
		return Promise.resolve();
	}

	close(): void {
		this.#listeners.clear();
	}
}
