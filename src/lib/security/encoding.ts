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

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Unpadded base64url, written directly (no btoa and no regex passes): the tamper chain
 * encodes a hash per change, 100 000 times for a big import.
 */
export function bytesToBase64url(bytes: Uint8Array): string {
	let out = '';
	let i = 0;
	const char = (n: number) => ALPHABET.charAt(n & 63);
	for (; i + 2 < bytes.length; i += 3) {
		const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		out += char(n >> 18) + char(n >> 12) + char(n >> 6) + char(n);
	}
	const rest = bytes.length - i;
	if (rest > 0) {
		const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
		out += char(n >> 18) + char(n >> 12) + (rest === 2 ? char(n >> 6) : '');
	}
	return out;
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
