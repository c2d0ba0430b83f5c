// An announcement in the shell's live region (SPEC §9): the words and how they are meant.
// `error` stays until dismissed or fixed; the others go by themselves (state/status).
export type Tone = 'info' | 'success' | 'error';

export interface Announcement {
	readonly text: string;
	readonly tone: Tone;
}
