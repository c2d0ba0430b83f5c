/**
 * Who is logged in on this device (A2/A3): a runes singleton over the session record in
 * localStorage, so every tab agrees (the `storage` event) and the shell can show the name
 * without opening the database. Logging in and out happen through app commands; this only
 * keeps the record and enforces the idle and absolute limits.
 */
import {
	needsReauth,
	parseSession,
	reauthenticated,
	sessionEnded,
	startSession,
	touchSession
} from '$lib/app/session';
import type { SessionEnd, SessionRecord } from '$lib/app/session';

const KEY = 'tessera.session';

class SessionState {
	#record = $state<SessionRecord | null>(null);
	#ended = $state<SessionEnd | null>(null);
	#started = false;

	get current(): SessionRecord | null {
		return this.#record;
	}

	get loggedIn(): boolean {
		return this.#record !== null;
	}

	/** Why the last session ended on its own (shown on the Log in page), if it did. */
	get ended(): SessionEnd | null {
		return this.#ended;
	}

	/** Reads the stored session and follows other tabs. Returns a function that stops. */
	start(now: () => number = Date.now): () => void {
		if (this.#started) return () => {};
		this.#started = true;
		this.#load(now());
		const onStorage = (event: StorageEvent) => {
			if (event.key === KEY || event.key === null) this.#load(now());
		};
		const onActivity = () => this.touch(now());
		window.addEventListener('storage', onStorage);
		window.addEventListener('pointerdown', onActivity, { passive: true });
		window.addEventListener('keydown', onActivity, { passive: true });
		const timer = window.setInterval(() => this.check(now()), 30_000);
		return () => {
			this.#started = false;
			window.removeEventListener('storage', onStorage);
			window.removeEventListener('pointerdown', onActivity);
			window.removeEventListener('keydown', onActivity);
			window.clearInterval(timer);
		};
	}

	#load(now: number): void {
		this.#record = parseSession(localStorage.getItem(KEY));
		this.check(now);
	}

	#save(record: SessionRecord | null): void {
		this.#record = record;
		if (record === null) localStorage.removeItem(KEY);
		else localStorage.setItem(KEY, JSON.stringify(record));
	}

	/** Ends the session when it is past its idle or absolute limit. */
	check(now: number): void {
		const record = this.#record;
		if (record === null) return;
		const ended = sessionEnded(record, now);
		if (ended !== null) {
			this.#ended = ended;
			this.#save(null);
		}
	}

	/** Activity keeps the session alive (throttled to one write a minute). */
	touch(now: number): void {
		const record = this.#record;
		if (record === null) return;
		this.check(now);
		if (this.#record !== null && now - record.lastActiveAt > 60_000) {
			this.#save(touchSession(record, now));
		}
	}

	/** A3: one account per device; logging in replaces any previous session. */
	begin(account: { id: string; email: string; name: string }, now: number): void {
		this.#ended = null;
		this.#save(startSession(account, now));
	}

	/** Keeps the shell's copy of the name and email in step with the account. */
	refresh(account: { email: string; name: string }): void {
		const record = this.#record;
		if (record && (record.email !== account.email || record.name !== account.name)) {
			this.#save({ ...record, email: account.email, name: account.name });
		}
	}

	needsReauth(now: number): boolean {
		return this.#record === null || needsReauth(this.#record, now);
	}

	reauthenticated(now: number): void {
		if (this.#record) this.#save(reauthenticated(this.#record, now));
	}

	end(): void {
		this.#ended = null;
		this.#save(null);
	}
}

export const session = new SessionState();
