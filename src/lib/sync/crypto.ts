// Secrets never leave the device in clear text (S3): a file whose changes carry any is
// encrypted with a passphrase: AES-GCM-256 under a key derived with PBKDF2-SHA-256. The
// parameters travel in the file, so a later version may raise the iterations and still read
// old files; a file asking for fewer or far more than we accept is refused as hostile.
import { err, ok } from '$lib/core';
import type { Result } from '$lib/core';
import { base64urlToBytes, bytesToBase64url, randomBytes, utf8 } from '$lib/security/encoding';
import type { SyncErrorOf } from '$lib/log/errors';
import { FORMAT, KDF_ITERATIONS, VERSION } from './format';
import type { Encryption, ExportedEncryptedFile } from './format';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256, as for passwords (X1). */
export const DEFAULT_KDF_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** Thrown when code (not a file) asks for something this module will not do. */
export class SyncCryptoError extends Error {
	readonly code = 'invalid-argument';
	constructor(message: string) {
		super(message);
		this.name = 'SyncCryptoError';
	}
}

// Passphrases are NFKC-normalised, as passwords are (security/password.ts): the same words
// typed on two keyboards that compose accents differently must open the same file. Also the
// team key of live sync (S10). The key is not extractable.
export async function deriveKey(
	passphrase: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number,
	...usages: ('encrypt' | 'decrypt')[]
): Promise<CryptoKey> {
	const subtle = globalThis.crypto.subtle;
	const material = await subtle.importKey(
		'raw',
		utf8(passphrase.normalize('NFKC')),
		'PBKDF2',
		false,
		['deriveKey']
	);
	return subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		usages
	);
}

/** Encrypts the text of a plain file into an encrypted envelope (fresh salt and iv). */
export async function encryptEnvelope(
	plainText: string,
	passphrase: string,
	options: { readonly iterations?: number } = {}
): Promise<ExportedEncryptedFile> {
	const iterations = options.iterations ?? DEFAULT_KDF_ITERATIONS;
	if (iterations < KDF_ITERATIONS.min || iterations > KDF_ITERATIONS.max) {
		throw new SyncCryptoError(`iterations must be ${KDF_ITERATIONS.min}–${KDF_ITERATIONS.max}`);
	}
	if (passphrase === '') throw new SyncCryptoError('an empty passphrase protects nothing');
	const salt = randomBytes(SALT_BYTES);
	const iv = randomBytes(IV_BYTES);
	const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
	const ciphertext = await globalThis.crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv },
		key,
		utf8(plainText)
	);
	return {
		format: FORMAT,
		version: VERSION,
		encrypted: {
			alg: 'AES-GCM',
			kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64url(salt) },
			iv: bytesToBase64url(iv),
			ciphertext: bytesToBase64url(new Uint8Array(ciphertext))
		}
	};
}

export type DecryptError = SyncErrorOf<
	'wrong-passphrase' | 'unsafe-encryption' | 'wrong-format' | 'not-json'
>;

/**
 * The plain file's text, or why not. AES-GCM authenticates the ciphertext, so a wrong
 * passphrase and an altered ciphertext look the same: both are 'wrong-passphrase'.
 */
export async function decryptEnvelope(
	envelope: { readonly encrypted: Encryption },
	passphrase: string
): Promise<Result<string, DecryptError>> {
	const { kdf, iv, ciphertext } = envelope.encrypted;
	// Checked here as well as by the schema, for callers that skip the schema.
	if (
		!Number.isInteger(kdf.iterations) ||
		kdf.iterations < KDF_ITERATIONS.min ||
		kdf.iterations > KDF_ITERATIONS.max
	) {
		return err({ code: 'unsafe-encryption', iterations: kdf.iterations, ...KDF_ITERATIONS });
	}
	const salt = base64urlToBytes(kdf.salt);
	const ivBytes = base64urlToBytes(iv);
	const data = base64urlToBytes(ciphertext);
	if (salt === null || salt.length !== SALT_BYTES) return badField(['encrypted', 'kdf', 'salt']);
	if (ivBytes === null || ivBytes.length !== IV_BYTES) return badField(['encrypted', 'iv']);
	if (data === null) return badField(['encrypted', 'ciphertext']);
	let plain: ArrayBuffer;
	try {
		const key = await deriveKey(passphrase, salt, kdf.iterations, 'decrypt');
		plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: ivBytes }, key, data);
	} catch {
		return err({ code: 'wrong-passphrase' });
	}
	try {
		return ok(new TextDecoder('utf-8', { fatal: true }).decode(plain));
	} catch {
		return err({ code: 'not-json', reason: 'encoding' });
	}
}

const badField = (path: readonly string[]) =>
	err({
		code: 'wrong-format',
		path,
		message: 'not the expected base64url bytes',
		problem: { kind: 'bad-format' }
	} as const);

// Key names that hold secrets (S3), matched anywhere in a payload so change types added later
// are covered without a list to keep in step. `secrets` itself matches; so does a
// verification token, which proves control of a mailbox: when unsure, encrypt.
const SECRET_KEY = /password|passphrase|secret|token|recovery|otp|credential|privatekey|vault/i;

/**
 * True when any change carries a secret: such a file must be encrypted. Only payloads are
 * read, so changes of a type this version does not know are judged the same way.
 */
export function containsSecrets(changes: readonly { readonly payload: unknown }[]): boolean {
	return changes.some((c) => holdsSecret(c.payload));
}

function holdsSecret(value: unknown): boolean {
	if (typeof value !== 'object' || value === null) return false;
	if (Array.isArray(value)) return value.some(holdsSecret);
	const entries: [string, unknown][] = Object.entries(value);
	return entries.some(
		([key, item]) => (SECRET_KEY.test(key) && !isEmpty(item)) || holdsSecret(item)
	);
}

function isEmpty(value: unknown): boolean {
	if (value === null || value === undefined || value === '' || value === false) return true;
	if (Array.isArray(value)) return value.length === 0;
	return typeof value === 'object' && Object.keys(value).length === 0;
}
