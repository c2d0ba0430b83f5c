/**
 * Password hashing (X1): PBKDF2-HMAC-SHA256 through WebCrypto, a fresh 16-byte salt per
 * hash, and at least 600,000 iterations (the OWASP 2023 figure). The parameters travel with
 * the hash, so raising PBKDF2_ITERATIONS later only needs `needsRehash` at the next login.
 *
 * Passwords are NFKC-normalised before hashing (NIST SP 800-63B §5.1.1.2), so the same
 * password typed on two keyboards that compose accents differently still verifies. Changing
 * that normalisation would invalidate stored hashes: treat it as part of the format.
 */
import { SecurityError } from './errors';
import type { SecurityErrorCode } from './errors';
import { base64urlToBytes, bytesToBase64url, randomBytes, timingSafeEqual, utf8 } from './encoding';

export const PBKDF2_ITERATIONS = 600_000;
/** A stored hash asking for more is refused: an imported file must not be able to hang us. */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

export type PasswordHash = {
	alg: 'PBKDF2-SHA256';
	iterations: number;
	salt: string;
	hash: string;
	length: 32;
};

export type HashPasswordOptions = {
	/**
	 * Only tests should lower this, to stay fast; production code must omit it so that the
	 * current PBKDF2_ITERATIONS applies.
	 */
	iterations?: number;
};

export async function hashPassword(
	password: string,
	opts: HashPasswordOptions = {}
): Promise<PasswordHash> {
	const iterations = opts.iterations ?? PBKDF2_ITERATIONS;
	assertIterations(iterations, 'invalid-argument');
	const salt = randomBytes(SALT_BYTES);
	const hash = await derive(password, salt, iterations);
	return {
		alg: 'PBKDF2-SHA256',
		iterations,
		salt: bytesToBase64url(salt),
		hash: bytesToBase64url(hash),
		length: HASH_BYTES
	};
}

/**
 * Throws SecurityError('invalid-password-hash') when the stored record is malformed: that is
 * corrupt data, not a wrong password, and must not be reported as one.
 */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
	const salt = base64urlToBytes(stored.salt);
	const expected = base64urlToBytes(stored.hash);
	if (
		stored.alg !== 'PBKDF2-SHA256' ||
		stored.length !== HASH_BYTES ||
		salt === null ||
		salt.length === 0 ||
		expected === null ||
		expected.length !== HASH_BYTES
	) {
		throw new SecurityError('invalid-password-hash', 'Stored password hash is malformed');
	}
	assertIterations(stored.iterations, 'invalid-password-hash');
	const actual = await derive(password, salt, stored.iterations);
	return timingSafeEqual(actual, expected);
}

/** True when the hash was made with weaker parameters than we use today. */
export function needsRehash(stored: PasswordHash): boolean {
	return (
		stored.alg !== 'PBKDF2-SHA256' ||
		stored.length !== HASH_BYTES ||
		stored.iterations < PBKDF2_ITERATIONS
	);
}

async function derive(
	password: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number
): Promise<Uint8Array<ArrayBuffer>> {
	const key = await passwordKey(password);
	const bits = await globalThis.crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		key,
		HASH_BYTES * 8
	);
	return new Uint8Array(bits);
}

/** An iteration count we are willing to run: at least one, at most PBKDF2_MAX_ITERATIONS. */
export function usableIterations(iterations: number): boolean {
	return Number.isSafeInteger(iterations) && iterations >= 1 && iterations <= PBKDF2_MAX_ITERATIONS;
}

export function assertIterations(iterations: number, code: SecurityErrorCode): void {
	if (!usableIterations(iterations)) {
		throw new SecurityError(code, `Unusable PBKDF2 iteration count: ${iterations}`);
	}
}

/** The password as PBKDF2 reads it (NFKC, see above), ready for deriveBits or deriveKey. */
export function passwordKey(password: string): Promise<CryptoKey> {
	return globalThis.crypto.subtle.importKey(
		'raw',
		utf8(password.normalize('NFKC')),
		'PBKDF2',
		false,
		['deriveBits', 'deriveKey']
	);
}
