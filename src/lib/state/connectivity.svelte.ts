/**
 * Whether the browser believes it is online. Tessera works the same either way; the shell
 * only tells people so they know why nothing can be fetched (P1).
 */
class Connectivity {
	#online = $state(true);
	#started = false;

	get online(): boolean {
		return this.#online;
	}

	/** Starts listening; returns a function that stops. Safe to call more than once. */
	start(target: Window = window): () => void {
		if (this.#started) return () => {};
		this.#started = true;
		this.#online = target.navigator.onLine;
		const update = (): void => {
			this.#online = target.navigator.onLine;
		};
		target.addEventListener('online', update);
		target.addEventListener('offline', update);
		return () => {
			this.#started = false;
			target.removeEventListener('online', update);
			target.removeEventListener('offline', update);
		};
	}
}

export const connectivity = new Connectivity();
