/**
 * The projection as the pages read it (STYLE example 9: a runes singleton). The store is
 * opened lazily — the first page that needs data opens it, so a first visit to `/` loads no
 * storage code — and every commit, here or in another tab, bumps `version`, which is what
 * makes `state` reactive. Pages change data only through app commands with `ctx()`.
 */
import { emptyState } from '$lib/core/state';
import type { State } from '$lib/core';
import type { AppContext } from '$lib/app/context';
import type { Store } from '$lib/store/types';

export type DataStatus = 'idle' | 'opening' | 'ready' | 'failed' | 'closed';

const EMPTY: State = emptyState();

class DataState {
	#store: Store | null = null;
	#ctx: AppContext | null = null;
	#opening: Promise<AppContext> | null = null;
	#version = $state(0);
	#status = $state<DataStatus>('idle');
	#problem = $state<string | null>(null);
	#queued = $state(0);
	#counting = false;

	/** The current projection; reading it subscribes the caller to every change. */
	get state(): State {
		void this.#version;
		return this.#store?.state ?? EMPTY;
	}

	get version(): number {
		return this.#version;
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

	/** Recounts the queue after writes; coalesces bursts into one read. */
	#recount(store: Store): void {
		if (this.#counting) return;
		this.#counting = true;
		queueMicrotask(() => {
			store
				.queuedCount()
				.then((count) => {
					this.#queued = count;
				})
				.catch(() => undefined)
				.finally(() => {
					this.#counting = false;
				});
		});
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
			const [{ IdbStore }, { createContext }, { HeldWatcher }] = await Promise.all([
				import('$lib/store/idb-store'),
				import('$lib/app/context'),
				import('./held')
			]);
			const store = await IdbStore.open();
			// X7: changes held as from the future apply when their time comes, on any page.
			const held = new HeldWatcher(store, () => Date.now());
			store.subscribe((event) => {
				if (event.kind === 'version-changed') {
					this.#status = 'closed';
					this.#problem = 'Tessera was updated in another tab. Reload this page to go on.';
				} else if (event.kind === 'unavailable') {
					this.#status = 'failed';
					this.#problem = 'Saving failed and the data could not be reread. Reload the page.';
				}
				this.#version++;
				this.#recount(store);
				if (event.kind === 'version-changed' || event.kind === 'unavailable') held.stop();
				else void held.look();
			});
			this.#store = store;
			this.#ctx = createContext(store);
			this.#status = 'ready';
			this.#version++;
			this.#recount(store);
			void held.look();
			return this.#ctx;
		} catch (error) {
			this.#opening = null;
			this.#status = 'failed';
			const { describeError } = await import('$lib/ui/errors');
			this.#problem = describeError(error);
			throw error;
		}
	}

	/** The app context for commands; opens the store if needed. */
	ctx(): Promise<AppContext> {
		return this.#ctx ? Promise.resolve(this.#ctx) : this.open();
	}

	/** For tests: use a given store (a MemoryStore) instead of IndexedDB. */
	useStore(store: Store, ctx: AppContext): void {
		this.#store = store;
		this.#ctx = ctx;
		this.#opening = Promise.resolve(ctx);
		this.#status = 'ready';
		store.subscribe(() => this.#version++);
		this.#version++;
	}
}

export const data = new DataState();
