/**
 * The one live region of the app shell (UI vocabulary): results and refusals are announced here so
 * screen readers hear them and sighted people see them in one place.
 *
 * Announcements are short-lived: a result or a note goes by itself after a few seconds (longer
 * for longer words, and never while the pointer or the keyboard focus is on it), an error
 * stays until it is dismissed, fixed (the next command supersedes it) or left behind. Every
 * announcement is left behind when the person navigates (a link, back or forward), since it
 * was about the page they left; a page that sends them on after an action (`goto`) takes its
 * result along.
 */
import { plainText } from '$lib/ui/phrase';
import type { Phrase } from '$lib/ui/phrase';
import type { Tone } from '$lib/ui/announcement';

export type StatusTone = Tone;

/** One thing the person can do about the announcement (Undo). */
export interface StatusAction {
	readonly label: string;
	run(): void;
}

export interface StatusMessage {
	readonly id: number;
	readonly text: string;
	/** The same words with someone's text kept apart, to show it isolated (X4). */
	readonly phrase?: Phrase;
	readonly tone: StatusTone;
	readonly action?: StatusAction;
}

/** How long a message stays, in ms; errors stay (Infinity). */
export function lifetime(message: Pick<StatusMessage, 'text' | 'tone' | 'action'>): number {
	if (message.tone === 'error') return Infinity;
	const reading = 4_000 + message.text.length * 50;
	return Math.min(Math.max(reading, message.action ? 10_000 : 5_000), 15_000);
}

/** The least time a message stays once the pointer or focus leaves it. */
const AFTER_HOLD_MS = 2_000;

/** The pointer is over the message, or keyboard focus is in it. */
export type HoldReason = 'pointer' | 'focus';

export type NavigationKind = 'link' | 'popstate' | 'goto' | 'form' | 'leave' | 'enter';

export class StatusManager {
	#current = $state<StatusMessage | null>(null);
	#next = 1;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#deadline = 0;
	#remaining = 0;
	/** Not reactive on purpose: holds only steer the timer, nothing renders them. */
	readonly #holds: Record<HoldReason, boolean> = { pointer: false, focus: false };

	get current(): StatusMessage | null {
		return this.#current;
	}

	/** Plain words, or a phrase when they carry someone's name, email, subject … (X4). */
	announce(
		words: string | Phrase,
		tone: StatusTone = 'info',
		options: { action?: StatusAction } = {}
	): void {
		const text = typeof words === 'string' ? words : plainText(words);
		const phrase = typeof words === 'string' ? {} : { phrase: words };
		const message: StatusMessage = { id: this.#next++, text, ...phrase, tone, ...options };
		this.#current = message;
		// The old message's buttons are gone with it, and focus with them.
		this.#holds.focus = false;
		this.#remaining = lifetime(message);
		this.#schedule();
	}

	clear(): void {
		this.#current = null;
		this.#holds.focus = false;
		this.#stop();
	}

	/** A new command starts: an error it may fix no longer applies. */
	supersede(): void {
		if (this.#current?.tone === 'error') this.clear();
	}

	/** The person left the page: its announcements go, unless the app sent them on (goto). */
	navigating(kind: NavigationKind): void {
		if (kind !== 'goto' && kind !== 'enter') this.clear();
	}

	/** The pointer or focus is on the message: it stays while either is. */
	hold(reason: HoldReason): void {
		if (this.#holds[reason]) return;
		this.#holds[reason] = true;
		if (this.#timer !== null) {
			this.#remaining = Math.max(0, this.#deadline - Date.now());
			this.#stop();
		}
	}

	release(reason: HoldReason): void {
		if (!this.#holds[reason]) return;
		this.#holds[reason] = false;
		if (this.#held() || this.#current === null) return;
		this.#remaining = Math.max(this.#remaining, AFTER_HOLD_MS);
		this.#schedule();
	}

	#schedule(): void {
		this.#stop();
		if (this.#held() || !Number.isFinite(this.#remaining)) return;
		const id = this.#current?.id;
		this.#deadline = Date.now() + this.#remaining;
		this.#timer = setTimeout(() => {
			this.#timer = null;
			if (this.#current?.id === id) this.#current = null;
		}, this.#remaining);
	}

	#held(): boolean {
		return this.#holds.pointer || this.#holds.focus;
	}

	#stop(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
	}
}

export const status = new StatusManager();
