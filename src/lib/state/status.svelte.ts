/**
 * The one live region of the app shell. Pages announce results and refusals here so that
 * screen readers hear them (SPEC §9) and sighted users see them in the same place.
 */
export type StatusTone = 'info' | 'success' | 'error';

export interface StatusMessage {
	readonly id: number;
	readonly text: string;
	readonly tone: StatusTone;
}

class StatusManager {
	#current = $state<StatusMessage | null>(null);
	#next = 1;

	get current(): StatusMessage | null {
		return this.#current;
	}

	announce(text: string, tone: StatusTone = 'info'): void {
		this.#current = { id: this.#next++, text, tone };
	}

	clear(): void {
		this.#current = null;
	}
}

export const status = new StatusManager();
