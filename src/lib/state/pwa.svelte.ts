/**
 * What the service worker lifecycle means for the person using the app (P1): "Ready to work
 * offline" once the first install finishes, and "A new version is ready" while an update
 * waits. The update is applied only when `applyUpdate` is called from the user's click.
 */
export interface UpdateApplier {
	/** Asks the waiting worker to take over; the page reloads when it controls. */
	apply(): void;
}

class PwaState {
	#offlineReady = $state(false);
	#updateReady = $state(false);
	#applier: UpdateApplier | null = null;
	#applying = $state(false);

	get offlineReady(): boolean {
		return this.#offlineReady;
	}

	get updateReady(): boolean {
		return this.#updateReady;
	}

	get applying(): boolean {
		return this.#applying;
	}

	markOfflineReady(): void {
		this.#offlineReady = true;
	}

	dismissOfflineReady(): void {
		this.#offlineReady = false;
	}

	markUpdateReady(applier: UpdateApplier): void {
		this.#applier = applier;
		this.#updateReady = true;
	}

	/** Keep the waiting version for later; it activates when every tab is closed. */
	postponeUpdate(): void {
		this.#updateReady = false;
	}

	applyUpdate(): void {
		if (!this.#applier) return;
		this.#applying = true;
		this.#applier.apply();
	}
}

export const pwa = new PwaState();
