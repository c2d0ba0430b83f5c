// An announcement in the shell's live region (UI vocabulary): the words and how they are meant.
// `error` stays until dismissed or fixed; the others go by themselves (state/status).
export type Tone = 'info' | 'success' | 'error';

import { plainText } from './phrase';
import type { Phrase } from './phrase';

export interface Announcement {
	readonly text: string;
	/** The same words with someone's text kept apart, to show it isolated (X4). */
	readonly phrase?: Phrase;
	readonly tone: Tone;
}

/** An announcement of plain words, or of a phrase that carries someone's text. */
export function announcement(words: string | Phrase, tone: Tone): Announcement {
	return typeof words === 'string'
		? { text: words, tone }
		: { text: plainText(words), phrase: words, tone };
}
