// What app commands need from the outside world, in one object: the store, the clock and
// the id source. Production passes the real ones; tests pass a MemoryStore and a fixed clock.
import type { PasswordHash } from '$lib/core';
import type { Store } from '$lib/store/types';
import { newId } from '$lib/store/device';

export interface AppContext {
	readonly store: Store;
	now(): number;
	newId(prefix?: string): string;
	/**
	 * X1 password hashing for commands that hash (the demo load). Omitted in the app, which
	 * then uses the real 600,000-iteration PBKDF2; tests pass a cheaper one (see ContextOptions).
	 */
	readonly hashPassword?: (password: string) => Promise<PasswordHash>;
}

export interface ContextOptions {
	/** Tests only: the cost of PBKDF2 is injectable; the X1 floor is tested once at full cost. */
	readonly hashPassword?: (password: string) => Promise<PasswordHash>;
}

export function createContext(
	store: Store,
	now: () => number = () => Date.now(),
	options: ContextOptions = {}
): AppContext {
	return {
		store,
		now,
		newId,
		...(options.hashPassword ? { hashPassword: options.hashPassword } : {})
	};
}
