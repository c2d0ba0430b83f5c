/**
 * The projection as the pages read it (a runes class singleton). The store is
 * opened lazily — the first page that needs data opens it, so a first visit to `/` loads no
 * storage code.
 *
 * Reactivity follows what changed, from what the commit returned: `perform` hands every
 * commit to `committed()`, whose effects say which record stores were written (only readers of
 * those re-derive) and whose change adds one to this device's queue (S2) — nothing is reread.
 * Commits made in another tab arrive as store events and are counted the same way; only a
 * rebuilt projection (import, replay, a missed message) makes the queue be counted again.
 */
import { emptyState } from '$lib/core/state';
import type { State, StoreName } from '$lib/core';
import type { AppContext } from '$lib/app/context';
import type { Committed, Store, StoreEvent } from '$lib/store/types';
import type { HeldWatcher } from './held';

export type DataStatus = 'idle' | 'opening' | 'ready' | 'failed' | 'closed';

const EMPTY: State = emptyState();
const STORES: readonly StoreName[] = [
	'accounts',
	'licenses',
	'sites',
	'mail',
	'organizations',
	'supportAccounts'
];

class DataState {
	#store: Store | null = null;
	#ctx: AppContext | null = null;
	#opening: Promise<AppContext> | null = null;
	/** X7: applies held changes when they fall due (the IndexedDB store only). */
	#held: HeldWatcher | null = null;
	/** One signal per record store: read by whoever reads those records. */
	#written = $state<Record<StoreName, number>>({
		accounts: 0,
		licenses: 0,
		sites: 0,
		mail: 0,
		organizations: 0,
		supportAccounts: 0
	});
	#status = $state<DataStatus>('idle');
	#problem = $state<string | null>(null);
	#queued = $state(0);
	#claims = 0;
	/** The local change whose stores were touched when the store applied it (P4). */
	#shown: string | null = null;
	#stash: StoreEvent[] = [];

	/** The whole projection; reading it follows every record store. */
	get state(): State {
		return this.read(...STORES);
	}

	/**
	 * The projection, following only the named record stores (a page that shows mail only).
	 * It is one object that the store changes in place: read it inside each `$derived` that
	 * uses it, never keep it in a `$derived` of its own (that value would never change).
	 */
	read(...stores: readonly StoreName[]): State {
		for (const name of stores) void this.#written[name];
		return this.#store?.state ?? EMPTY;
	}

	/** How many times one record store has been written (follows that store only). */
	writes(store: StoreName): number {
		return this.#written[store];
	}

	/** Grows with every write (for code that only needs to know that something changed). */
	get version(): number {
		return STORES.reduce((sum, name) => sum + this.#written[name], 0);
	}

	get status(): DataStatus {
		return this.#status;
	}

	/** Why the data cannot be used (storage unavailable, updated in another tab …). */
	get problem(): string | null {
		return this.#problem;
	}

	/** S2: changes made on this device and not exported yet (the Sync badge). */
	get queued(): number {
		return this.#queued;
	}

	get ready(): boolean {
		return this.#status === 'ready';
	}

	/** Opens the store once; every caller gets the same app context. */
	open(): Promise<AppContext> {
		this.#opening ??= this.#open();
		return this.#opening;
	}

	async #open(): Promise<AppContext> {
		this.#status = 'opening';
		try {
			const [{ openDeviceContext }, { HeldWatcher }] = await Promise.all([
				import('$lib/app/open'),
				import('./held')
			]);
			const ctx = await openDeviceContext();
			// X7: changes held as from the future apply when their time comes, on any page.
			this.#held = new HeldWatcher(ctx.store, () => Date.now());
			this.#adopt(ctx);
			void this.#held.look();
			return ctx;
		} catch (error) {
			this.#opening = null;
			this.#status = 'failed';
			const { describeError } = await import('$lib/ui/errors');
			this.#problem = describeError(error);
			throw error;
		}
	}

	#adopt(ctx: AppContext): void {
		const store = ctx.store;
		store.subscribe((event) => this.#heard(store, event));
		this.#store = store;
		this.#ctx = ctx;
		this.#status = 'ready';
		this.#touch(STORES);
		this.#recount(store);
	}

	/** Opens the store ahead of a page's first command; a failure is shown by the shell (problem). */
	prepare(): void {
		this.open().catch(() => undefined);
	}

	/** The app context for commands; opens the store if needed. */
	ctx(): Promise<AppContext> {
		return this.#ctx ? Promise.resolve(this.#ctx) : this.open();
	}

	/** For tests: use a given store (a MemoryStore) instead of IndexedDB. */
	useStore(store: Store, ctx: AppContext): void {
		this.#opening = Promise.resolve(ctx);
		this.#adopt(ctx);
	}

	/**
	 * `perform` is about to run a command: the commit it makes is handed over by `committed`
	 * from what the store returned, so the store's own event for it is held until then.
	 */
	claim(): void {
		this.#claims++;
	}

	/** The command ended; `committed` is what its commit returned, if it made one. */
	release(committed: Committed | null): void {
		this.#claims = Math.max(0, this.#claims - 1);
		if (committed !== null) this.committed(committed);
		const held = this.#stash.filter(
			(e) => !(e.kind === 'committed' && e.change.id === committed?.change.id)
		);
		this.#stash = [];
		const store = this.#store;
		if (store !== null) for (const event of held) this.#heard(store, event);
	}

	/** Updates the runes state from a commit's result: its effects and its queued change. */
	committed(c: Committed): void {
		if (c.change.device === this.#store?.device) this.#queued++;
		if (this.#wasShown(c.change.id)) return;
		this.#touch(new Set(c.applied.effects.map((e) => e.store)));
	}

	/** Whether `applied` already touched this change's stores (then once is enough). */
	#wasShown(id: string): boolean {
		const shown = this.#shown === id;
		if (shown) this.#shown = null;
		return shown;
	}

	#heard(store: Store, event: StoreEvent): void {
		if (event.kind === 'applied') {
			// Shown now; `committed` follows and touches nothing again (or `reloaded` after a
			// failed write, which touches everything).
			this.#shown = event.change.id;
			this.#touch(event.stores);
			return;
		}
		// X7: a write may have held more changes, or come after one fell due.
		if (event.kind === 'version-changed' || event.kind === 'unavailable') this.#held?.stop();
		else void this.#held?.look();
		if (event.kind === 'committed' && event.local && this.#claims > 0) {
			this.#stash.push(event);
			return;
		}
		if (event.kind === 'committed') {
			// Another tab's commit (same database, so the same device: it joins our queue), or a
			// local one made outside `perform`: the event carries no effects, so all stores.
			if (event.change.device === store.device) this.#queued++;
			if (event.local && this.#wasShown(event.change.id)) return;
			this.#touch(STORES);
			return;
		}
		this.#touch(STORES);
		if (event.kind === 'version-changed' || event.kind === 'unavailable') {
			const kind = event.kind;
			this.#status = kind === 'version-changed' ? 'closed' : 'failed';
			void import('$lib/ui/errors').then(({ DATA_PROBLEM_WORDS }) => {
				this.#problem = DATA_PROBLEM_WORDS[kind];
			});
			return;
		}
		// Rebuilt (import, replay, export marks, bulk work): everything may have changed, and
		// the queue is counted once from the store.
		this.#recount(store);
	}

	#counting = false;
	#countedAgain = false;

	/** Counts the queue in the store; commits counted meanwhile make it count once more. */
	#recount(store: Store): void {
		if (this.#counting) {
			this.#countedAgain = true;
			return;
		}
		this.#counting = true;
		const before = this.#queued;
		store
			.queuedCount()
			.then((count) => {
				this.#counting = false;
				if (this.#queued !== before || this.#countedAgain) {
					this.#countedAgain = false;
					this.#recount(store);
				} else {
					this.#queued = count;
				}
			})
			.catch(() => {
				this.#counting = false;
			});
	}

	#touch(stores: Iterable<StoreName>): void {
		for (const name of stores) this.#written[name]++;
	}
}

export const data = new DataState();
