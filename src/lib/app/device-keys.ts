// X6: what the account commands need of this device's own key. The device key is the store's
// (it makes it when the device's database is first opened and signs its chain heads); the
// commands need only its public half, to enroll this device for an account. This interface is
// the seam: production passes the store's key, tests pass `memoryDeviceKeys()`.
import { newSigningKeyPair } from '$lib/security/signing';
import type { SigningKeyPair } from '$lib/security/signing';

export interface DeviceKeys {
	/** This device's Ed25519 public key, raw, unpadded base64url (43 characters). */
	publicKey(): Promise<string>;
}

/**
 * A device key held in memory for the life of this object: for tests, and for a store that
 * does not provide its own yet. Each call to this function is another device key.
 */
export function memoryDeviceKeys(): DeviceKeys {
	let pair: Promise<SigningKeyPair> | null = null;
	return {
		async publicKey() {
			pair ??= newSigningKeyPair(false);
			return (await pair).publicKey;
		}
	};
}
