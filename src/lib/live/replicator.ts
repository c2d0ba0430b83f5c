// S10: push and pull of the change log, in a loop, while the device is online. Push sends the
// log records written since the last push (a checkpoint by storage order, so imported and
// pulled changes are relayed too), asking the server first which documents it lacks (revs
// diff). Pull reads `_changes` from a stored checkpoint, long-polling once caught up, and hands
// what arrives to the host, which takes it through the file import path (S4–S7, X5, X6).
// Every step is idempotent: a crash between any two of them repeats work, never duplicates it.
import type { Change } from '$lib/core';
import { changeHash } from '$lib/log/digest';
import { segmentsOf } from '$lib/log/evidence';
import type { HeadSignature } from '$lib/log/evidence';
import { validateChange } from '$lib/sync/validate';
import type { SegmentHead } from '$lib/sync/write';
import type { ChangesPage, CouchClient, CouchProblem, CouchResult, Seq } from './couch';
import {
	changeDoc,
	changeDocId,
	changeIdOf,
	openDoc,
	revOf,
	signatureDoc,
	signatureDocId
} from './docs';
import type { Random } from './docs';
import { PullPool } from './pool';

/** Changes per `_changes` page and per `_bulk_docs` write. */
export const PAGE = 500;
/** How long one long-poll waits for news before asking again (ms). */
export const LONG_POLL_MS = 25_000;
/**
 * While catching up, pulled changes are applied in imports of at least this many, growing with
 * what was applied so far up to APPLY_MOST: each import reads the log it adds to, so 100,000
 * changes go in 7 imports instead of 20 while the pool stays bounded.
 */
const APPLY_EVERY = 5_000;
const APPLY_MOST = 20_000;
/**
 * At most this many pulled documents wait in the checkpoint (changes whose signature or
 * enrollment has not arrived, and their signatures). Beyond it the pull checkpoint stays
 * where it is, and what waits is pulled again after a restart instead: nothing is lost.
 */
export const PENDING_MAX = 2_000;

export interface Checkpoint {
	/** The log position (store order) up to which everything is on the server. */
	readonly push: number;
	/**
	 * The `_changes` sequence up to which everything pulled has gone through the import or
	 * waits in `pending`.
	 */
	readonly pull: Seq;
	/**
	 * The documents pulled before `pull` whose changes still wait (X6: no signature over them
	 * yet, or their device's enrollment has not arrived), as the server sent them: opened and
	 * checked again, like any pulled document, when a new session starts. Without it a change
	 * that never gets a signature (a forged one) would hold the checkpoint back for ever, and
	 * every start would pull everything after it again.
	 */
	readonly pending?: readonly unknown[];
	/**
	 * When something was last sent and last received (ms), kept with the checkpoint so the
	 * status line still says it after a reload; absent until the first of each.
	 */
	readonly lastPush?: number | null;
	readonly lastPull?: number | null;
}

export type Applied =
	| { readonly ok: true; readonly applied: number; readonly conflicts: number }
	| { readonly ok: false; readonly reason: string };

export interface LiveHost {
	logSince(cursor: number): Promise<{ changes: Change[]; cursor: number }>;
	/** X6: signatures for these heads (this device signs its own; others' as kept). */
	signatures(heads: readonly SegmentHead[]): Promise<HeadSignature[]>;
	/** Through the import path; `signatureFor` gives the pulled signature of a head. */
	apply(
		changes: readonly Change[],
		signatureFor: (device: string, changeId: string) => HeadSignature | undefined
	): Promise<Applied & { readonly waiting?: readonly Change[] }>;
	save(checkpoint: Checkpoint): Promise<void>;
	readonly random: Random;
	now(): number;
}

export interface Counts {
	pushed: number;
	pulled: number;
	lastPush: number | null;
	lastPull: number | null;
	/** Pulled changes waiting for their signature or their device's enrollment. */
	waiting: number;
	/** Documents that could not be read (not under the team key, or damaged): never applied. */
	refused: number;
	/** Without the key: change documents on the server this device cannot read. */
	encrypted: number;
	conflicts: number;
	/** Why the last import of pulled changes was refused, in the store's words (codes). */
	lastRefusal: string | null;
	/** A first large pull: documents read so far of about how many. */
	catchingUp: { done: number; total: number } | null;
}

export const zeroCounts = (): Counts => ({
	pushed: 0,
	pulled: 0,
	lastPush: null,
	lastPull: null,
	waiting: 0,
	refused: 0,
	encrypted: 0,
	conflicts: 0,
	lastRefusal: null,
	catchingUp: null
});

/** The heads of the runs in these changes: what their devices sign (X6). */
function headsOf(changes: readonly Change[], hashOf: (c: Change) => string): SegmentHead[] {
	return segmentsOf(changes, changes.map(hashOf)).map((s) => ({
		device: s.device,
		changeId: s.head,
		hash: s.hash
	}));
}

const seqNumber = (seq: Seq): number => {
	const n = typeof seq === 'number' ? seq : Number.parseInt(seq, 10);
	return Number.isFinite(n) ? n : 0;
};

type Step = { ok: true } | { ok: false; problem: CouchProblem };
const fine: Step = { ok: true };

export class Replicator {
	readonly counts: Counts = zeroCounts();
	readonly #pool = new PullPool();
	/** Changes this session saw on the server (pulled or pushed): a push skips them. */
	readonly #onServer = new Set<string>();
	/** The documents behind what waits in the pool, by document id (see Checkpoint.pending). */
	readonly #pending = new Map<string, { readonly doc: unknown; readonly changeId: string }>();
	/** Documents kept by the checkpoint, to be opened again before the first pull. */
	#restore: readonly unknown[];
	#checkpoint: Checkpoint;
	#since: Seq;
	#caughtUp = false;
	/** While catching up: the next page, asked for while this one is opened and applied. */
	#next: { readonly since: Seq; readonly page: Promise<CouchResult<ChangesPage>> } | null = null;

	constructor(
		readonly client: CouchClient,
		readonly key: CryptoKey | null,
		readonly host: LiveHost,
		checkpoint: Checkpoint,
		/** The server's sequence when connecting, for the first pull's progress. */
		readonly target: Seq | null = null,
		/** How long a long-poll waits (tests make it short). */
		readonly longPollMs: number = LONG_POLL_MS
	) {
		this.#checkpoint = checkpoint;
		this.#since = checkpoint.pull;
		this.#restore = checkpoint.pending ?? [];
		this.counts.lastPush = checkpoint.lastPush ?? null;
		this.counts.lastPull = checkpoint.lastPull ?? null;
	}

	/** The times the status line shows, to go with a checkpoint (see Checkpoint.lastPush). */
	#times(): Pick<Checkpoint, 'lastPush' | 'lastPull'> {
		const { lastPush, lastPull } = this.counts;
		return {
			...(lastPush === null ? {} : { lastPush }),
			...(lastPull === null ? {} : { lastPull })
		};
	}

	get caughtUp(): boolean {
		return this.#caughtUp;
	}

	/** Pushes what this device holds and the server lacks. */
	async push(): Promise<Step> {
		if (this.key === null) return fine;
		const { changes: written, cursor } = await this.host.logSince(this.#checkpoint.push);
		// What was pulled is on the server already: no need to ask about it again.
		const changes = written.filter((c) => !this.#onServer.has(c.id));
		if (changes.length > 0) {
			const key = this.key;
			const hashes = new Map<string, string>(changes.map((c) => [c.id, changeHash(c)]));
			const hashOf = (c: Change): string => hashes.get(c.id) ?? changeHash(c);
			const lacking: Change[] = [];
			const ask = (slice: readonly Change[]) =>
				this.client.missing(new Map(slice.map((c) => [changeDocId(c.id), revOf(hashOf(c))])));
			// One `_revs_diff` ahead: the next page is asked about while this answer is read.
			let asked = ask(changes.slice(0, PAGE));
			for (let i = 0; i < changes.length; i += PAGE) {
				const slice = changes.slice(i, i + PAGE);
				const missing = await asked;
				if (i + PAGE < changes.length) asked = ask(changes.slice(i + PAGE, i + 2 * PAGE));
				if (!missing.ok) return { ok: false, problem: missing.error };
				lacking.push(...slice.filter((c) => missing.value.has(changeDocId(c.id))));
			}
			const step = await this.#write(lacking, key, hashOf);
			if (!step.ok) return step;
		}
		this.#checkpoint = { ...this.#checkpoint, push: cursor, ...this.#times() };
		await this.host.save(this.#checkpoint);
		return fine;
	}

	/**
	 * X6: each page goes with the signatures over the heads of its runs, so a device pulling can
	 * apply page by page; the heads of the whole runs follow when they differ (for other
	 * devices' runs only those signatures may be known here).
	 */
	async #write(
		lacking: readonly Change[],
		key: CryptoKey,
		hashOf: (c: Change) => string
	): Promise<Step> {
		if (lacking.length === 0) return fine;
		const signed = new Set<string>();
		/** A page's documents: its changes and the signatures over its heads not sent yet. */
		const prepare = async (changes: readonly Change[], heads: readonly SegmentHead[]) => {
			const signatures = await this.host.signatures(heads.filter((h) => !signed.has(h.changeId)));
			for (const s of signatures) signed.add(s.changeId);
			return Promise.all([
				...changes.map((c) => changeDoc(c, key, this.host.random, hashOf(c))),
				...signatures.map((s) => signatureDoc(s, key, this.host.random))
			]);
		};
		const pages: (readonly Change[])[] = [];
		for (let i = 0; i < lacking.length; i += PAGE) pages.push(lacking.slice(i, i + PAGE));
		const ahead = (i: number) => {
			const page = pages[i] ?? [];
			// The whole runs' heads go last, when they differ from the pages' (see above).
			const prepared = prepare(page, headsOf(i < pages.length ? page : lacking, hashOf));
			prepared.catch(() => undefined); // awaited below, unless a write before it failed
			return { changes: page, prepared };
		};
		// Each page is encrypted while the one before it is being written.
		let next = ahead(0);
		for (let i = 0; i <= pages.length; i++) {
			const { changes, prepared } = next;
			const docs = await prepared;
			if (i < pages.length) next = ahead(i + 1);
			if (docs.length === 0) continue;
			const written = await this.client.write(docs);
			if (!written.ok) return { ok: false, problem: written.error };
			for (const c of changes) this.#onServer.add(c.id);
			this.counts.pushed += changes.length;
		}
		this.counts.lastPush = this.host.now();
		return fine;
	}

	/** One `_changes` page; long-polls (`wait`) when caught up. */
	async pull(signal?: AbortSignal): Promise<Step> {
		if (this.key !== null && this.#restore.length > 0) {
			const kept = this.#restore;
			this.#restore = [];
			await this.#take(kept, this.key);
		}
		const next = this.#next;
		this.#next = null;
		const page =
			next !== null && next.since === this.#since && !this.#caughtUp
				? await next.page
				: await this.client.changes(this.#since, PAGE, {
						...(this.#caughtUp ? { wait: this.longPollMs } : {}),
						...(signal ? { signal } : {})
					});
		if (!page.ok) return { ok: false, problem: page.error };
		const { results, last_seq: last } = page.value;
		if (results.length === PAGE)
			this.#next = { since: last, page: this.client.changes(last, PAGE) };
		if (this.key === null) {
			for (const result of results) {
				if (result.id.startsWith('c:') && result.deleted !== true) this.counts.encrypted++;
			}
		} else {
			// S4: a change this session pushed or pulled is held here already (the document id
			// names it in clear): it is not opened, checked and imported again.
			const fresh = results.filter((r) => !this.#onServer.has(changeIdOf(r.id)));
			await this.#take(
				fresh.flatMap((r) => (r.doc === undefined ? [] : [r.doc])),
				this.key
			);
		}
		this.#since = last;
		this.#caughtUp = results.length < PAGE;
		const total = this.target === null ? 0 : seqNumber(this.target);
		this.counts.catchingUp =
			this.#caughtUp || total === 0 ? null : { done: seqNumber(this.#since), total };
		if (this.key === null) return fine;
		const batch = Math.min(APPLY_MOST, Math.max(APPLY_EVERY, this.counts.pulled));
		if (this.#pool.size > 0 && (this.#caughtUp || this.#pool.size >= batch)) {
			await this.#applyPool();
		}
		// While catching up the pool fills and empties with each import: only what is left after
		// an import, or once caught up, can go into the checkpoint.
		if (this.#caughtUp || this.#pool.size === 0) this.#forgetSignatures();
		const kept = this.#pending.size;
		const move = kept === 0 || (this.#caughtUp && kept <= PENDING_MAX);
		if (move && this.#since !== this.#checkpoint.pull) {
			const pending = kept === 0 ? {} : { pending: [...this.#pending.values()].map((p) => p.doc) };
			this.#checkpoint = {
				push: this.#checkpoint.push,
				pull: this.#since,
				...pending,
				...this.#times()
			};
			await this.host.save(this.#checkpoint);
		}
		return fine;
	}

	/** Opens these documents (all at once: WebCrypto works while we wait) and pools them. */
	async #take(docs: readonly unknown[], key: CryptoKey): Promise<void> {
		const opened = await Promise.all(docs.map((doc) => openDoc(doc, key)));
		opened.forEach((result, i) => this.#keep(docs[i], result));
	}

	#keep(doc: unknown, opened: Awaited<ReturnType<typeof openDoc>>): void {
		if (!opened.ok) {
			this.counts.refused++;
			return;
		}
		const item = opened.value;
		if (item.kind === 'signature') {
			this.#pool.addSignature(item.signature);
			const { device, changeId } = item.signature;
			this.#pending.set(signatureDocId(device, changeId), { doc, changeId });
		}
		if (item.kind !== 'change') return;
		this.#onServer.add(item.id);
		const checked = validateChange(item.raw, 0);
		if (!checked.ok) {
			this.counts.refused++;
			return;
		}
		this.#pool.addChange(checked.value);
		this.#pending.set(changeDocId(item.id), { doc, changeId: item.id });
	}

	/**
	 * A signature whose change went through the import this session is not needed any more; one
	 * whose change has not arrived yet is kept for it.
	 */
	#forgetSignatures(): void {
		for (const [id, { changeId }] of this.#pending) {
			if (!this.#pool.has(changeId) && this.#onServer.has(changeId)) this.#pending.delete(id);
		}
	}

	async #applyPool(): Promise<void> {
		const ready = this.#pool.ready();
		if (ready.length > 0) {
			const outcome = await this.host.apply(ready, (device, id) =>
				this.#pool.signature(device, id)
			);
			if (outcome.ok) {
				const waiting = new Set((outcome.waiting ?? []).map((c) => c.id));
				const done = ready.filter((c) => !waiting.has(c.id));
				this.#pool.done(done);
				for (const c of done) {
					this.#pending.delete(changeDocId(c.id));
					this.#pending.delete(signatureDocId(c.device, c.id));
				}
				this.counts.pulled += outcome.applied;
				this.counts.conflicts += outcome.conflicts;
				this.counts.lastPull = this.host.now();
				this.counts.lastRefusal = null;
			} else {
				this.counts.lastRefusal = outcome.reason;
			}
		}
		this.counts.waiting = this.#pool.size;
	}
}
