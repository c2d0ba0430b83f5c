// SHA-256 as unpadded base64url: the one hash of the app (token digests, file digests, the
// X5 tamper chain). Synchronous (@noble/hashes), not WebCrypto: an import or a bulk commit
// hashes every change, and WebCrypto's per-call round trip made that about five times slower
// for 100,000 changes.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToBase64url, utf8 } from './encoding';

/** An incremental SHA-256: bytes fed in parts (P4: a file digested a batch at a time). */
export function sha256Stream(): {
	update(bytes: Uint8Array): void;
	digest(): string;
} {
	const hash = sha256.create();
	return {
		update: (bytes) => void hash.update(bytes),
		digest: () => bytesToBase64url(hash.digest())
	};
}

export function sha256Text(text: string): string {
	return bytesToBase64url(sha256(utf8(text)));
}

/**
 * SHA-256 of bytes (or a view into them) through WebCrypto, as sha256Text writes it. Worth its
 * promise for big inputs: a whole sync file's digest (P4), or many hashes asked at once.
 */
export async function sha256Bytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	return bytesToBase64url(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)));
}
