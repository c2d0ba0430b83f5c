/**
 * What the service worker lifecycle means for the person using the app (P1): "Ready to work
 * offline" once the first install finishes (a note that goes by itself), and "A new version is
 * ready" while an update waits. The update is applied only when `applyUpdate` is called from
 * the person's click, and never over input they have not sent: then it waits, checking again
 * every half second, and applies as soon as nothing is left unsent (or they choose Later).
 */
export interface UpdateApplier {
	/** Asks the waiting worker to take over; the page reloads when it controls. */
	apply(): void;
}

/** How long "Ready to work offline" stays, in ms. */
export const OFFLINE_READY_MS = 8_000;
/** How often a waiting update looks again for unsent input, in ms. */
export const UNSENT_POLL_MS = 500;

export interface PwaOptions {
	/** How many fields hold input the person has not sent (pwa/unsaved.ts in the app). */
	readonly unsent?: () => number;
}

export class PwaState {
	#offlineReady = $state(false);
	#updateReady = $state(false);
	#applier: UpdateApplier | null = null;
	#applying = $state(false);
	#waiting = $state(false);
	#unsent: () => number = () => 0;
	#offlineTimer: ReturnType<typeof setTimeout> | null = null;
	#waitTimer: ReturnType<typeof setInterval> | null = null;

	get offlineReady(): boolean {
		return this.#offlineReady;
	}

	get updateReady(): boolean {
		return this.#updateReady;
	}

	get applying(): boolean {
		return this.#applying;
	}

	/** Reload was chosen, and waits for the person's unsent input. */
	get waiting(): boolean {
		return this.#waiting;
	}

	/** Where unsent input is counted (the shell passes the document's tracker). */
	configure(options: PwaOptions): void {
		if (options.unsent) this.#unsent = options.unsent;
	}

	markOfflineReady(): void {
		this.#offlineReady = true;
		if (this.#offlineTimer !== null) clearTimeout(this.#offlineTimer);
		this.#offlineTimer = setTimeout(() => this.dismissOfflineReady(), OFFLINE_READY_MS);
	}

	dismissOfflineReady(): void {
		this.#offlineReady = false;
		if (this.#offlineTimer !== null) clearTimeout(this.#offlineTimer);
		this.#offlineTimer = null;
	}

	markUpdateReady(applier: UpdateApplier): void {
		this.#applier = applier;
		this.#updateReady = true;
	}

	/** Keep the waiting version for later; it activates when every tab is closed. */
	postponeUpdate(): void {
		this.#updateReady = false;
		this.#stopWaiting();
	}

	/** The person chose Reload: apply now, or as soon as nothing typed would be lost. */
	applyUpdate(): void {
		if (!this.#applier) return;
		if (this.#unsent() === 0) {
			this.#apply();
			return;
		}
		this.#waiting = true;
		this.#waitTimer ??= setInterval(() => {
			if (this.#unsent() === 0) this.#apply();
		}, UNSENT_POLL_MS);
	}

	#apply(): void {
		this.#stopWaiting();
		this.#applying = true;
		this.#applier?.apply();
	}

	#stopWaiting(): void {
		this.#waiting = false;
		if (this.#waitTimer !== null) clearInterval(this.#waitTimer);
		this.#waitTimer = null;
	}
}

export const pwa = new PwaState();
