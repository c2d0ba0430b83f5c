// What app commands need from the outside world, in one object: the store, the clock, the id
// source and this device's key (X6, the store's own). Production passes the real ones; tests
// pass a MemoryStore (whose device key is made in memory) and a fixed clock.
import type { PasswordHash } from '$lib/core';
import type { Store } from '$lib/store/types';
import { newId } from '$lib/store/device';
import { storeDeviceKeys } from './device-keys';
import type { DeviceKeys } from './device-keys';
import type { Keyring } from './accounts/keyring';
import type { ThrottleGate } from './accounts/types';
import type { PasswordKdf } from './kdf';

export type { DeviceKeys } from './device-keys';

export interface AppContext {
	readonly store: Store;
	now(): number;
	newId(prefix?: string): string;
	/** X6: this device's key, whose public half enrolls the device for an account. */
	readonly deviceKeys: DeviceKeys;
	/**
	 * X1 password hashing for commands that hash (the demo load). Omitted in the app, which
	 * then uses the real 600,000-iteration PBKDF2; tests pass a cheaper one (see ContextOptions).
	 */
	readonly hashPassword?: (password: string) => Promise<PasswordHash>;
	/**
	 * X1/X6: the password derivations of the account commands (hash, verify, vault keys).
	 * Omitted in the app (the real ones, kdf.ts); tests pass cheaper ones.
	 */
	readonly kdf?: PasswordKdf;
	/** X2: this device's login throttle; the account commands need it (state/ supplies it). */
	readonly throttle?: ThrottleGate;
	/** X6: this tab's keyring; the account commands need it (state/ supplies it). */
	readonly keyring?: Keyring;
}

export interface ContextOptions {
	/** Tests only: the cost of PBKDF2 is injectable; the X1 floor is tested once at full cost. */
	readonly hashPassword?: (password: string) => Promise<PasswordHash>;
	/** Tests only: the account commands' derivations at low cost (kdf.ts). */
	readonly kdf?: PasswordKdf;
	/** X6: the device key; by default the store's own. */
	readonly deviceKeys?: DeviceKeys;
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
		deviceKeys: options.deviceKeys ?? storeDeviceKeys(store),
		...(options.hashPassword ? { hashPassword: options.hashPassword } : {}),
		...(options.kdf ? { kdf: options.kdf } : {})
	};
}
