/**
 * Who is logged in on this device (A2/A3): a runes singleton over the session record in
 * localStorage, so every tab agrees (the `storage` event) and the shell can show the name.
 * Logging in and out happen through app commands; this only keeps the record and enforces
 * the idle and absolute limits.
 *
 * X6: a record read from storage counts only once its proof is verified against the account
 * (session-proof.ts, which opens the data); until then `checking` is true and nobody is
 * logged in. A record written by hand, copied from another device, or signed by a key the
 * account no longer has is no session. This tab's keyring (the vault key) is dropped whenever
 * the session ends or passes to another account.
 */
import {
	needsReauth,
	parseSession,
	reauthenticated,
	sessionEnded,
	touchSession
} from '$lib/app/session';
import type { SessionEnd, SessionRecord } from '$lib/app/session';
import { data } from './data.svelte';
import { keyring } from './keyring';
import { lastLogins } from './last-logins.svelte';

const KEY = 'tessera.session';

/** X6: whether a stored record is a session of this device (loaded only when one is found). */
async function verifyStored(record: SessionRecord): Promise<boolean> {
	const [{ verifySession }, ctx] = await Promise.all([
		import('$lib/app/session-proof'),
		data.ctx()
	]);
	return verifySession(record, ctx.store.state, ctx.store.device);
}

/** The same session as far as the proof goes: another tab only touched it. */
function sameSession(a: SessionRecord, b: SessionRecord): boolean {
	return a.accountId === b.accountId && a.startedAt === b.startedAt && a.proof === b.proof;
}

class SessionState {
	#record = $state<SessionRecord | null>(null);
	#ended = $state<SessionEnd | null>(null);
	#checking = $state(false);
	#started = false;
	/** Bumped by every load, begin and end, so a verification that finishes late is ignored. */
	#seq = 0;

	get current(): SessionRecord | null {
		return this.#record;
	}

	get loggedIn(): boolean {
		return this.#record !== null;
	}

	/** X6: a stored record is being verified: nobody counts as logged in yet. */
	get checking(): boolean {
		return this.#checking;
	}

	/** Why the last session ended on its own (shown on the Log in page), if it did. */
	get ended(): SessionEnd | null {
		return this.#ended;
	}

	/**
	 * Reads the stored session and follows other tabs. Returns a function that stops.
	 * `verify` is for tests; the app checks the proof against its data.
	 */
	start(
		now: () => number = Date.now,
		verify: (record: SessionRecord) => Promise<boolean> = verifyStored
	): () => void {
		if (this.#started) return () => {};
		this.#started = true;
		this.#load(now(), verify);
		const onStorage = (event: StorageEvent) => {
			if (event.key === KEY || event.key === null) this.#load(now(), verify);
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

	#load(now: number, verify: (record: SessionRecord) => Promise<boolean>): void {
		const stored = parseSession(localStorage.getItem(KEY));
		const seq = ++this.#seq;
		const current = this.#record;
		if (stored !== null && current !== null && sameSession(current, stored)) {
			this.#record = stored;
			this.check(now);
			return;
		}
		this.#record = null;
		if (stored === null) {
			this.#checking = false;
			keyring.clear();
			return;
		}
		this.#checking = true;
		void this.#verify(stored, seq, now, verify);
	}

	async #verify(
		stored: SessionRecord,
		seq: number,
		now: number,
		verify: (record: SessionRecord) => Promise<boolean>
	): Promise<void> {
		const valid = await verify(stored).catch(() => false);
		if (seq !== this.#seq) return;
		this.#checking = false;
		if (keyring.holder() !== (valid ? stored.accountId : null)) keyring.clear();
		if (!valid) return;
		this.#record = stored;
		this.check(now);
	}

	#save(record: SessionRecord | null): void {
		this.#record = record;
		if (record === null) {
			keyring.clear();
			localStorage.removeItem(KEY);
		} else {
			localStorage.setItem(KEY, JSON.stringify(record));
		}
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

	/**
	 * A3: one account per device; logging in replaces any previous session. X6: `record` is
	 * the signed one the log in answered (accounts/login.ts).
	 */
	begin(record: SessionRecord): void {
		this.#seq++;
		this.#checking = false;
		this.#ended = null;
		if (keyring.holder() !== record.accountId) keyring.clear();
		this.#save(record);
		// O2: the admin's list says when each account last logged in on this device.
		lastLogins.record(record.accountId, record.startedAt);
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

	/** X6: whether this tab holds the account's vault key (else the password is asked). */
	holdsKey(): boolean {
		return this.#record !== null && keyring.get(this.#record.accountId) !== undefined;
	}

	reauthenticated(now: number): void {
		if (this.#record) this.#save(reauthenticated(this.#record, now));
	}

	end(): void {
		this.#seq++;
		this.#checking = false;
		this.#ended = null;
		this.#save(null);
	}
}

export const session = new SessionState();
