// X6: what the account commands need of this device's own key. The device key is the store's
// (it makes it when the device's database is first opened, keeps it non-extractable, and signs
// its chain heads with it); the commands need only its public half, to enroll this device for
// an account. This interface is the seam; `storeDeviceKeys` is the one implementation, so the
// key an enrollment names is always the key the store signs with (X6: a device with two keys
// would have its own files refused).
import type { Store } from '$lib/store/types';

export interface DeviceKeys {
	/** This device's Ed25519 public key, raw, unpadded base64url (43 characters). */
	publicKey(): Promise<string>;
}

/** The store's device key (IdbStore: kept in IndexedDB; MemoryStore: made on first use). */
export function storeDeviceKeys(store: Pick<Store, 'deviceKey'>): DeviceKeys {
	return { publicKey: () => store.deviceKey() };
}
