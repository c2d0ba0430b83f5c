/**
 * The one live region of the app shell. Pages announce results and refusals here so that
 * screen readers hear them (SPEC §9) and sighted users see them in the same place.
 */
import { plainText } from '$lib/ui/phrase';
import type { Phrase } from '$lib/ui/phrase';

export type StatusTone = 'info' | 'success' | 'error';

export interface StatusMessage {
	readonly id: number;
	readonly text: string;
	/** The same words with someone's text kept apart, to show it isolated (X4). */
	readonly phrase?: Phrase;
	readonly tone: StatusTone;
}

class StatusManager {
	#current = $state<StatusMessage | null>(null);
	#next = 1;

	get current(): StatusMessage | null {
		return this.#current;
	}

	/** Plain words, or a phrase when they carry someone's name, email, subject … */
	announce(words: string | Phrase, tone: StatusTone = 'info'): void {
		const id = this.#next++;
		this.#current =
			typeof words === 'string'
				? { id, text: words, tone }
				: { id, text: plainText(words), phrase: words, tone };
	}

	clear(): void {
		this.#current = null;
	}
}

export const status = new StatusManager();
