// What app commands need from the outside world, in one object: the store, the clock, the id
// source and this device's key (X6, the store's own). Production passes the real ones; tests
// pass a MemoryStore (whose device key is made in memory) and a fixed clock.
import type { Store } from '$lib/store/types';
import { newId } from '$lib/store/device';
import { storeDeviceKeys } from './device-keys';
import type { DeviceKeys } from './device-keys';

export type { DeviceKeys } from './device-keys';

export interface AppContext {
	readonly store: Store;
	now(): number;
	newId(prefix?: string): string;
	/** X6: this device's key, whose public half enrolls the device for an account. */
	readonly deviceKeys: DeviceKeys;
}

export function createContext(
	store: Store,
	now: () => number = () => Date.now(),
	deviceKeys: DeviceKeys = storeDeviceKeys(store)
): AppContext {
	return { store, now, newId, deviceKeys };
}
