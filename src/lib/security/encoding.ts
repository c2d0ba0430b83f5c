/**
 * Byte ↔ text helpers shared by the security modules. They use only `btoa`/`atob` and
 * `TextEncoder`, which exist in browsers and Node 20, so nothing here depends on Node's
 * Buffer. Base64url (RFC 4648 §5, unpadded) is the one format we store bytes in.
 */

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function utf8(text: string): Uint8Array<ArrayBuffer> {
	return new TextEncoder().encode(text);
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
	return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export function bytesToBase64url(bytes: Uint8Array): string {
	let binary = '';
	// Chunked so very long inputs never blow the argument limit of String.fromCharCode.
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Returns null for text that is not unpadded base64url, so callers decide what that means. */
export function base64urlToBytes(text: string): Uint8Array<ArrayBuffer> | null {
	if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
	const padded =
		text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
	const binary = atob(padded);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/**
 * Compares two byte strings in time that depends only on their lengths, so a caller comparing
 * secrets never reveals how many leading bytes matched. Lengths are not secret here: every
 * hash we compare has a fixed, public length.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return diff === 0;
}

/** Same guarantee as timingSafeEqual, for ASCII strings such as base64url digests or codes. */
export function timingSafeEqualText(a: string, b: string): boolean {
	return timingSafeEqual(utf8(a), utf8(b));
}
