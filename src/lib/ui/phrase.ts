// Words that carry someone's text (X4, issue 9): a name, an email, a subject or a file's text
// may hold right-to-left or override characters (U+202E …) that would reorder the words
// around it. A phrase keeps such text apart from ours, so the UI can isolate each piece in a
// <bdi> (Phrase.svelte) and plain-text places can still read the phrase as one string.

/** Text someone typed or a file carried: shown isolated, never as markup. */
export interface UserText {
	readonly user: string;
}

export type Piece = string | UserText;
export type Phrase = readonly Piece[];

export const userText = (text: string): UserText => ({ user: text });

/** "Olivia Park (olivia@acme.com)": the name and the address isolated apart. */
export function person(name: string, email: string): Phrase {
	return [userText(name), ' (', userText(email), ')'];
}

/** Joins phrases and words into one phrase. */
export function phrase(...parts: readonly (Piece | Phrase)[]): Phrase {
	const out: Piece[] = [];
	for (const part of parts) {
		if (typeof part === 'string' || isUserText(part)) out.push(part);
		else out.push(...part);
	}
	return out;
}

function isUserText(part: UserText | Phrase): part is UserText {
	return 'user' in part;
}

/** The phrase as plain text, for places that cannot hold markup (titles, labels). */
export function plainText(p: Phrase | string): string {
	if (typeof p === 'string') return p;
	return p.map((piece) => (typeof piece === 'string' ? piece : piece.user)).join('');
}

// Bidirectional controls: embeddings, overrides, isolates and marks.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text from a file quoted inside a plain-text sentence (a status message cannot hold a
 * <bdi>): bidirectional controls are shown as their code points, and long text is cut.
 */
export function quoted(text: string, max = 40): string {
	const visible = text.replace(
		BIDI_CONTROLS,
		(c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
	);
	return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}
