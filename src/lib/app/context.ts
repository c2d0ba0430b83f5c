// What app commands need from the outside world, in one object: the store, the clock and
// the id source. Production passes the real ones; tests pass a MemoryStore and a fixed clock.
import type { Store } from '$lib/store/types';
import { newId } from '$lib/store/device';

export interface AppContext {
	readonly store: Store;
	now(): number;
	newId(prefix?: string): string;
}

export function createContext(store: Store, now: () => number = () => Date.now()): AppContext {
	return { store, now, newId };
}
