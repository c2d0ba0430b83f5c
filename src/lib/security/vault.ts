/**
 * The account vault (X6): what only the account holder may use, sealed under the password.
 * Its plaintext is the account's private signing key (PKCS #8) and, with two-step
 * verification on, the TOTP secret (A2). A key derived from the password with PBKDF2-SHA-256
 * (its own 16-byte salt, 600,000 iterations like X1) encrypts it with AES-GCM-256, so the
 * vault travels in the account record and in files, and opens only for the password.
 *
 * The derived key is a non-extractable CryptoKey: the app may keep it in memory for the
 * session (to reseal after enabling two-step, or to rewrap on a password change) without the
 * password. Opening never throws on a hostile or damaged vault: a wrong password, a malformed
 * record and an iteration count we refuse to run are all `null`.
 */
import { SecurityError } from './errors';
import { base64urlToBytes, bytesToBase64url, randomBytes, utf8 } from './encoding';
import { PBKDF2_ITERATIONS, assertIterations, passwordKey, usableIterations } from './password';

/** The vault as stored (Account.secrets.vault): parameters, IV and ciphertext, base64url. */
export interface SealedVault {
	readonly v: 1;
	readonly iterations: number;
	readonly salt: string;
	readonly iv: string;
	readonly data: string;
}

export interface VaultContents {
	/** The account's Ed25519 private key, PKCS #8, base64url. */
	readonly signingKey: string;
	/** A2: the TOTP secret (base32), while two-step verification is on. */
	readonly totpSecret?: string;
}

/** The password-derived key of one vault (its salt and iterations), ready to seal or open. */
export interface VaultKey {
	readonly key: CryptoKey;
	readonly salt: string;
	readonly iterations: number;
}

export interface VaultKeyOptions {
	/** Only tests lower this; production omits it so that PBKDF2_ITERATIONS applies. */
	readonly iterations?: number;
	/** The salt of an existing vault; omitted, a fresh one is made. */
	readonly salt?: string;
}

const SALT_BYTES = 16;
const IV_BYTES = 12;
/** Additional data: a vault's ciphertext can never be mistaken for another AES-GCM message. */
const AAD = utf8('tessera-vault/1');
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const BASE32 = /^[A-Z2-7]{16,128}=*$/;

/** One PBKDF2: throws SecurityError('invalid-argument') for parameters we refuse to run. */
export async function deriveVaultKey(
	password: string,
	opts: VaultKeyOptions = {}
): Promise<VaultKey> {
	const iterations = opts.iterations ?? PBKDF2_ITERATIONS;
	assertIterations(iterations, 'invalid-argument');
	const salt = opts.salt === undefined ? randomBytes(SALT_BYTES) : base64urlToBytes(opts.salt);
	if (salt === null || salt.length !== SALT_BYTES) {
		throw new SecurityError('invalid-argument', 'A vault salt is 16 bytes of base64url');
	}
	const key = await globalThis.crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		await passwordKey(password),
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
	return { key, salt: bytesToBase64url(salt), iterations };
}

/** The key an existing vault needs, or null when its parameters are not ones we run. */
export async function keyForVault(password: string, vault: unknown): Promise<VaultKey | null> {
	const sealed = asSealedVault(vault);
	if (sealed === null) return null;
	return deriveVaultKey(password, { salt: sealed.salt, iterations: sealed.iterations });
}

/** Seals `contents` under `key` with a fresh IV (the same key may seal many times). */
export async function sealVault(key: VaultKey, contents: VaultContents): Promise<SealedVault> {
	const iv = randomBytes(IV_BYTES);
	const plain: VaultContents = {
		signingKey: contents.signingKey,
		...(contents.totpSecret === undefined ? {} : { totpSecret: contents.totpSecret })
	};
	const data = await globalThis.crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: AAD },
		key.key,
		utf8(JSON.stringify(plain))
	);
	return {
		v: 1,
		iterations: key.iterations,
		salt: key.salt,
		iv: bytesToBase64url(iv),
		data: bytesToBase64url(new Uint8Array(data))
	};
}

/**
 * The contents, or null: a key made for another salt or password, a tampered or malformed
 * vault, or plaintext that is not a vault's.
 */
export async function openVault(key: VaultKey, vault: unknown): Promise<VaultContents | null> {
	const sealed = asSealedVault(vault);
	if (sealed === null || sealed.salt !== key.salt || sealed.iterations !== key.iterations) {
		return null;
	}
	const iv = base64urlToBytes(sealed.iv);
	const data = base64urlToBytes(sealed.data);
	if (iv === null || iv.length !== IV_BYTES || data === null) return null;
	try {
		const plain = await globalThis.crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv, additionalData: AAD },
			key.key,
			data
		);
		return asContents(JSON.parse(new TextDecoder().decode(plain)));
	} catch {
		// AES-GCM's tag did not match (wrong password, tampering) or the text is not JSON.
		return null;
	}
}

/** Derives the key from the password and opens: one PBKDF2. Null for any failure. */
export async function unlockVault(
	password: string,
	vault: unknown
): Promise<{ readonly key: VaultKey; readonly contents: VaultContents } | null> {
	const key = await keyForVault(password, vault);
	if (key === null) return null;
	const contents = await openVault(key, vault);
	return contents === null ? null : { key, contents };
}

function asSealedVault(value: unknown): SealedVault | null {
	if (typeof value !== 'object' || value === null) return null;
	const v: Record<string, unknown> = { ...value };
	const { iterations, salt, iv, data } = v;
	if (
		v.v !== 1 ||
		typeof iterations !== 'number' ||
		!usableIterations(iterations) ||
		typeof salt !== 'string' ||
		typeof iv !== 'string' ||
		typeof data !== 'string' ||
		![salt, iv, data].every((s) => BASE64URL.test(s)) ||
		base64urlToBytes(salt)?.length !== SALT_BYTES
	) {
		return null;
	}
	return { v: 1, iterations, salt, iv, data };
}

function asContents(value: unknown): VaultContents | null {
	if (typeof value !== 'object' || value === null) return null;
	const v: Record<string, unknown> = { ...value };
	const { signingKey, totpSecret } = v;
	if (typeof signingKey !== 'string' || !BASE64URL.test(signingKey)) return null;
	if (totpSecret === undefined) return { signingKey };
	if (typeof totpSecret !== 'string' || !BASE32.test(totpSecret)) return null;
	return { signingKey, totpSecret };
}
