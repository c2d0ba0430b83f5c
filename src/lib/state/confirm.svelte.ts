/**
 * The one confirmation the app asks at a time (C10's "Make me billing contact", a change that
 * cannot be undone): `perform` asks, the shell's ConfirmDialog shows the words and answers.
 * Navigating away answers no.
 */
import type { ConfirmWords } from '$lib/ui/command-words';

interface Pending {
	readonly id: number;
	readonly words: ConfirmWords;
	readonly resolve: (yes: boolean) => void;
}

class Confirmation {
	#pending = $state<Pending | null>(null);
	#next = 1;

	/** The question being asked, or null. */
	get current(): { readonly id: number; readonly words: ConfirmWords } | null {
		return this.#pending;
	}

	/** Resolves true when the person confirms; an earlier open question is answered no. */
	ask(words: ConfirmWords): Promise<boolean> {
		this.answer(false);
		return new Promise((resolve) => {
			this.#pending = { id: this.#next++, words, resolve };
		});
	}

	answer(yes: boolean): void {
		const pending = this.#pending;
		this.#pending = null;
		pending?.resolve(yes);
	}
}

export const confirmation = new Confirmation();
