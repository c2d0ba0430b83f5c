/**
 * X2 on this device: failed login attempts per address, kept in localStorage and changed
 * only under a Web Lock, so every tab reads and writes the same counts one attempt at a time
 * (a tab cannot see "allowed" while another tab's attempt is still being checked). The
 * attempt itself (the slow password hash) runs inside the lock for the same reason. Device
 * state, not a change: it never syncs. The schedule is the pure one in $lib/security.
 */
import { FORGET_AFTER_MS, checkThrottle, recordFailure, recordSuccess } from '$lib/security';
import type { ThrottleState } from '$lib/security';
import type { AttemptOutcome, ThrottleGate, Throttled } from '$lib/app/accounts/types';

const STORAGE_KEY = 'tessera.throttle';
const LOCK_NAME = 'tessera-throttle';

export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

/** The part of the Web Locks API this needs: one exclusive lock by name. */
export interface Locks {
	request<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/** Where Web Locks are missing (node tests), one page's attempts still queue up. */
export function localLocks(): Locks {
	let tail: Promise<unknown> = Promise.resolve();
	return {
		request<T>(_name: string, task: () => Promise<T>): Promise<T> {
			const result = tail.then(task, task);
			tail = result.catch(() => undefined);
			return result;
		}
	};
}

export function webLocks(manager: LockManager): Locks {
	return {
		request: <T>(name: string, task: () => Promise<T>): Promise<T> =>
			manager.request(name, { mode: 'exclusive' }, task)
	};
}

type Table = Record<string, ThrottleState>;

function isCount(n: unknown): n is number {
	return typeof n === 'number' && Number.isFinite(n);
}

function parseEntry(value: unknown): ThrottleState | null {
	if (typeof value !== 'object' || value === null) return null;
	const v: Record<string, unknown> = { ...value };
	const { failures, lockedUntil, lastFailureAt } = v;
	if (!isCount(failures) || failures < 0) return null;
	if (lockedUntil !== null && !isCount(lockedUntil)) return null;
	if (lastFailureAt !== null && !isCount(lastFailureAt)) return null;
	return { failures, lockedUntil, lastFailureAt };
}

/** Anything unreadable counts as no failures for that entry, never as a crash. */
export function parseTable(text: string | null): Table {
	if (text === null) return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {};
	}
	if (typeof value !== 'object' || value === null) return {};
	const table: Table = {};
	for (const [key, entry] of Object.entries(value)) {
		const parsed = parseEntry(entry);
		if (parsed !== null) table[key] = parsed;
	}
	return table;
}

/** Entries whose lock and failures are all older than an hour are dropped. */
function prune(table: Table, now: number): Table {
	const kept: Table = {};
	for (const [key, entry] of Object.entries(table)) {
		const last = Math.max(entry.lastFailureAt ?? 0, entry.lockedUntil ?? 0);
		if (now - last < FORGET_AFTER_MS) kept[key] = entry;
	}
	return kept;
}

export class DeviceThrottle implements ThrottleGate {
	readonly #storage: KeyValueStorage;
	readonly #locks: Locks;

	constructor(storage: KeyValueStorage, locks: Locks = localLocks()) {
		this.#storage = storage;
		this.#locks = locks;
	}

	attempt<T>(
		key: string,
		now: () => number,
		task: () => Promise<{ readonly outcome: AttemptOutcome; readonly value: T }>
	): Promise<Throttled<T>> {
		return this.#locks.request(LOCK_NAME, async (): Promise<Throttled<T>> => {
			const state = this.#read()[key] ?? recordSuccess();
			const check = checkThrottle(state, now());
			if (!check.allowed) return { throttled: true, retryAt: check.retryAt, reason: check.reason };
			const { outcome, value } = await task();
			if (outcome !== 'neutral') {
				// Reread: a tab without Web Locks support may have written meanwhile.
				const table = this.#read();
				const at = now();
				const before = table[key] ?? recordSuccess();
				table[key] = outcome === 'failure' ? recordFailure(before, at) : recordSuccess();
				this.#write(prune(table, at));
			}
			return { throttled: false, value };
		});
	}

	/** For tests and diagnostics: the count for a key. */
	failures(key: string): number {
		return this.#read()[key]?.failures ?? 0;
	}

	#read(): Table {
		return parseTable(this.#storage.getItem(STORAGE_KEY));
	}

	#write(table: Table): void {
		try {
			this.#storage.setItem(STORAGE_KEY, JSON.stringify(table));
		} catch {
			// A full storage must not turn a right password into an error; the lock still
			// serialises attempts, so the worst case is a count that does not grow.
		}
	}
}

let browserThrottle: DeviceThrottle | null = null;

/** The device's throttle in the browser: localStorage under a Web Lock. */
export function deviceThrottle(): DeviceThrottle {
	browserThrottle ??= new DeviceThrottle(
		window.localStorage,
		navigator.locks ? webLocks(navigator.locks) : localLocks()
	);
	return browserThrottle;
}
