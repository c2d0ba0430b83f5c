/**
 * X6 signatures: Ed25519 through WebCrypto. Two kinds of key sign in Tessera:
 *
 * - an ACCOUNT key, made at sign up (or at the first log in of an account that has none); its
 *   private half is kept only sealed under a key derived from the password, so it is usable
 *   only after that account's log in. It signs device enrollments and session records.
 * - a DEVICE key, made by the store the first time a device opens its database; it signs the
 *   head of the device's hash chain (X5) when the device writes a file, so one signature covers
 *   every change of that device before it and verifying 100,000 changes costs one verify per
 *   device and file, not one per change.
 *
 * Every signature is over a STATEMENT: a short text that starts with its purpose, so a
 * signature made for one purpose can never be replayed as another. Public keys and signatures
 * travel as unpadded base64url (32 and 64 bytes).
 */
import { base64urlToBytes, bytesToBase64url, utf8 } from './encoding';

const ED25519 = { name: 'Ed25519' } as const;

export interface SigningKeyPair {
	readonly privateKey: CryptoKey;
	/** Raw public key, base64url (43 characters). */
	readonly publicKey: string;
}

/** `extractable` only when the private key must be sealed (account keys); device keys are not. */
export async function newSigningKeyPair(extractable: boolean): Promise<SigningKeyPair> {
	const pair = await crypto.subtle.generateKey(ED25519, extractable, ['sign', 'verify']);
	if (!('privateKey' in pair)) throw new TypeError('Ed25519 did not return a key pair');
	const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
	return { privateKey: pair.privateKey, publicKey: bytesToBase64url(raw) };
}

/** PKCS #8 bytes of an extractable private key, for sealing (never stored in clear). */
export async function exportPrivateKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
}

export function importPrivateKey(pkcs8: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
	return crypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
}

export async function sign(privateKey: CryptoKey, statement: string): Promise<string> {
	const signature = await crypto.subtle.sign(ED25519, privateKey, utf8(statement));
	return bytesToBase64url(new Uint8Array(signature));
}

/** False for a wrong signature and for anything malformed: a hostile file never throws here. */
export async function verify(
	publicKey: string,
	statement: string,
	signature: string
): Promise<boolean> {
	try {
		const raw = base64urlToBytes(publicKey);
		const sig = base64urlToBytes(signature);
		if (raw === null || sig === null || raw.length !== 32 || sig.length !== 64) return false;
		const key = await crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
		return await crypto.subtle.verify(ED25519, key, sig, utf8(statement));
	} catch {
		return false;
	}
}

/** Looks like a raw Ed25519 public key in base64url. */
export function isPublicKeyText(s: unknown): s is string {
	return typeof s === 'string' && /^[A-Za-z0-9_-]{43}$/.test(s);
}

/**
 * Signed by a DEVICE key: "my chain, up to and including this change, is mine". `hash` is the
 * change's X5 hash (what the next change of the device records as `prev`).
 */
export function headStatement(device: string, changeId: string, hash: string): string {
	return `tessera-head/1\n${device}\n${changeId}\n${hash}`;
}

/** Signed by an ACCOUNT key: "this device, with this key, may act for me". */
export function enrollStatement(
	accountId: string,
	device: string,
	devicePublicKey: string
): string {
	return `tessera-enroll/1\n${accountId}\n${device}\n${devicePublicKey}`;
}

/** Signed by an ACCOUNT key at log in: the session record cannot be written by hand. */
export function sessionStatement(accountId: string, device: string, startedAt: number): string {
	return `tessera-session/1\n${accountId}\n${device}\n${startedAt}`;
}
