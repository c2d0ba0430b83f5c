/**
 * O2 "last login on this device": when each account last logged in on this device, by account
 * id, for the admin's Managed accounts list. Device-local, in localStorage like the session and
 * the DNS resolver, and never a change: a log in is not an intent the shared history records
 * (S1), and another device's log ins are not this device's to know, so the list says "where
 * known". Every session that begins here records its start (session.svelte.ts `begin`); a reset
 * of the device forgets them all (P3). Other tabs follow through the `storage` event.
 */
import { parseLastLogins, withLogin } from '$lib/app/last-logins';

const KEY = 'tessera.lastLogins';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

class LastLogins {
	#map = $state.raw<ReadonlyMap<string, number>>(new Map());
	#started = false;

	/** Account id → when it last logged in on this device (read it after `start`). */
	get map(): ReadonlyMap<string, number> {
		return this.#map;
	}

	/** Reads the record and follows other tabs; returns a function that stops following. */
	start(target: Window = window): () => void {
		this.#map = parseLastLogins(storage()?.getItem(KEY) ?? null);
		if (this.#started) return () => {};
		this.#started = true;
		const onStorage = (event: StorageEvent) => {
			if (event.key === KEY || event.key === null) {
				this.#map = parseLastLogins(storage()?.getItem(KEY) ?? null);
			}
		};
		target.addEventListener('storage', onStorage);
		return () => {
			this.#started = false;
			target.removeEventListener('storage', onStorage);
		};
	}

	/** A session of `id` began here at `at`. */
	record(id: string, at: number): void {
		const store = storage();
		const next = withLogin(parseLastLogins(store?.getItem(KEY) ?? null), id, at);
		this.#map = next;
		try {
			store?.setItem(KEY, JSON.stringify(Object.fromEntries(next)));
		} catch {
			// A full or blocked storage loses only this hint, never the log in.
		}
	}

	/** P3: the device was reset; its accounts (and their log ins) are gone. */
	clear(): void {
		this.#map = new Map();
		storage()?.removeItem(KEY);
	}
}

export const lastLogins = new LastLogins();
