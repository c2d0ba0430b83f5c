// X6: this device's signing key. Made the first time the store opens, kept in IndexedDB as a
// non-extractable CryptoKey (structured clone keeps it usable, never readable), and deleted
// with everything else by Reset. It signs the heads of this device's chains in the files it
// writes, so another device can tell the file was not altered and came from this device.
import { headStatement, newSigningKeyPair, sign } from '$lib/security/signing';
import type { HeadSignature } from '$lib/log/evidence';
import type { TesseraDb } from './db';

export interface DeviceKey {
	/** Raw Ed25519 public key, base64url. */
	readonly publicKey: string;
	readonly privateKey: CryptoKey;
}

const KEY = 'device';

function asDeviceKey(value: unknown): DeviceKey | null {
	if (typeof value !== 'object' || value === null) return null;
	if (!('publicKey' in value) || !('privateKey' in value)) return null;
	const { publicKey, privateKey } = value;
	if (typeof publicKey !== 'string' || typeof CryptoKey === 'undefined') return null;
	return privateKey instanceof CryptoKey ? { publicKey, privateKey } : null;
}

/** The stored key, or a new one (two tabs opening at once keep the first one written). */
export async function loadDeviceKey(db: TesseraDb): Promise<DeviceKey> {
	const found = asDeviceKey(await db.get('keys', KEY));
	if (found) return found;
	const made = await newSigningKeyPair(false);
	const tx = db.transaction('keys', 'readwrite');
	const again = asDeviceKey(await tx.store.get(KEY));
	if (again === null) {
		await tx.store.put({ publicKey: made.publicKey, privateKey: made.privateKey }, KEY);
	}
	await tx.done;
	return again ?? made;
}

export function newDeviceKey(): Promise<DeviceKey> {
	return newSigningKeyPair(false);
}

/** Signs the heads of this device's own segments (one signature each). */
export function signHeadsWith(
	key: DeviceKey,
	device: string,
	heads: readonly { readonly changeId: string; readonly hash: string }[]
): Promise<HeadSignature[]> {
	return Promise.all(
		heads.map(async (h) => ({
			device,
			changeId: h.changeId,
			signature: await sign(key.privateKey, headStatement(device, h.changeId, h.hash))
		}))
	);
}
