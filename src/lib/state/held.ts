// X7: changes from the future are held by the store until their time comes; this applies them
// when it does, wherever the person is in the app. It looks when the store opens, after every
// write (an import may have held more, a commit may come after one is due), and at the time
// the next held change becomes due, checking at least once a minute. The store does the work,
// through its import path, in one transaction; this only decides when to ask.
import { isFromTheFuture, MAX_CLOCK_SKEW_MS } from '$lib/store/admit';
import type { Store } from '$lib/store/types';

/** The longest wait between two looks, so a sleeping laptop catches up soon after waking. */
export const HELD_CHECK_EVERY_MS = 60_000;

export class HeldWatcher {
	#timer: ReturnType<typeof setTimeout> | null = null;
	#looking: Promise<void> | null = null;
	#again = false;
	#stopped = false;

	constructor(
		private readonly store: Store,
		private readonly now: () => number
	) {}

	/** Looks now (or right after the look under way), then waits for the next due time. */
	look(): Promise<void> {
		if (this.#stopped) return Promise.resolve();
		if (this.#looking) {
			this.#again = true;
			return this.#looking;
		}
		this.#looking = this.#look().finally(() => {
			this.#looking = null;
			if (this.#again) {
				this.#again = false;
				void this.look();
			}
		});
		return this.#looking;
	}

	async #look(): Promise<void> {
		try {
			let held = await this.store.held();
			const now = this.now();
			if (held.some((change) => !isFromTheFuture(change, now))) {
				await this.store.releaseHeld(now);
				held = await this.store.held();
			}
			let next: number | null = null;
			for (const change of held) next = next === null ? change.at : Math.min(next, change.at);
			this.#schedule(next);
		} catch {
			// The store is closed or failing: the shell already says so; look again later.
			this.#schedule(Infinity);
		}
	}

	#schedule(nextAt: number | null): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		if (nextAt === null || this.#stopped) return;
		const wait = Math.max(0, nextAt - MAX_CLOCK_SKEW_MS - this.now());
		this.#timer = setTimeout(() => void this.look(), Math.min(wait, HELD_CHECK_EVERY_MS));
	}

	stop(): void {
		this.#stopped = true;
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
