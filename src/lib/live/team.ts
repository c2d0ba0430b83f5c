// S10: the team key. Every device of a team derives the same AES-GCM key from the team
// passphrase, or in the same way from the secret of a team key file (key-file.ts), through
// PBKDF2-SHA-256 (as for files: S3) with the salt and iteration count kept in one document on
// the server, `tessera:team`. That document also holds a check value encrypted
// under the key, so a wrong passphrase or key file is told apart at once instead of as a stream
// of unreadable changes. The server sees the salt and the check, never the secret or the key.
import { err, ok } from '$lib/core';
import type { Result } from '$lib/core';
import { base64urlToBytes, bytesToBase64url, utf8 } from '$lib/security/encoding';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { DEFAULT_KDF_ITERATIONS, deriveKey } from '$lib/sync/crypto';
import { z } from '$lib/sync/schema-base';
import type { TeamKeyFile } from './key-file';

export const TEAM_DOC_ID = 'tessera:team';
const CHECK_TEXT = 'tessera team key check v1';
const SALT_BYTES = 16;
const IV_BYTES = 12;

export { DEFAULT_KDF_ITERATIONS };

const b64 = z
	.string()
	.regex(/^[A-Za-z0-9_-]+$/)
	.max(200);

/** The team document as the server holds it (what arrives is checked: S10 trusts no server). */
export const TeamDocSchema = z.looseObject({
	_id: z.literal(TEAM_DOC_ID),
	format: z.literal('tessera-team'),
	version: z.literal(1),
	kdf: z.strictObject({
		name: z.literal('PBKDF2'),
		hash: z.literal('SHA-256'),
		iterations: z.number().int().min(KDF_ITERATIONS.min).max(KDF_ITERATIONS.max),
		salt: b64
	}),
	check: z.strictObject({ iv: b64, ciphertext: b64 })
});
export type TeamDoc = z.output<typeof TeamDocSchema>;

export type TeamProblem = 'wrong-passphrase' | 'wrong-key-file' | 'bad-team-doc';

/**
 * What a team key comes from: the team passphrase, or a team key file (its secret is stretched
 * in the passphrase's place). A team is opened by whichever made it.
 */
export type TeamSecret = string | TeamKeyFile;

const secretText = (secret: TeamSecret): string =>
	typeof secret === 'string' ? secret : secret.secret;

/** The randomness and the cost a team key needs, injected (tests pass the minimum cost). */
export interface TeamKeyOptions {
	readonly iterations?: number;
	readonly random: (length: number) => Uint8Array<ArrayBuffer>;
}

const deriveTeamKey = (secret: TeamSecret, salt: Uint8Array<ArrayBuffer>, iterations: number) =>
	deriveKey(secretText(secret), salt, iterations, 'encrypt', 'decrypt');

/** A new team: a fresh salt, the key, and the document that lets other devices check it. */
export async function createTeam(
	secret: TeamSecret,
	options: TeamKeyOptions
): Promise<{ key: CryptoKey; doc: TeamDoc }> {
	const iterations = options.iterations ?? DEFAULT_KDF_ITERATIONS;
	const salt = options.random(SALT_BYTES);
	const key = await deriveTeamKey(secret, salt, iterations);
	const iv = options.random(IV_BYTES);
	const check = await globalThis.crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: utf8(TEAM_DOC_ID) },
		key,
		utf8(CHECK_TEXT)
	);
	const doc: TeamDoc = {
		_id: TEAM_DOC_ID,
		format: 'tessera-team',
		version: 1,
		kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64url(salt) },
		check: { iv: bytesToBase64url(iv), ciphertext: bytesToBase64url(new Uint8Array(check)) }
	};
	return { key, doc };
}

/** The team key from the secret, or why not: the check value must decrypt to its text. */
export async function openTeam(
	doc: unknown,
	secret: TeamSecret
): Promise<Result<CryptoKey, TeamProblem>> {
	const wrong = typeof secret === 'string' ? 'wrong-passphrase' : 'wrong-key-file';
	const parsed = TeamDocSchema.safeParse(doc);
	if (!parsed.success) return err('bad-team-doc');
	const { kdf, check } = parsed.data;
	const salt = base64urlToBytes(kdf.salt);
	const iv = base64urlToBytes(check.iv);
	const data = base64urlToBytes(check.ciphertext);
	if (salt === null || salt.length !== SALT_BYTES) return err('bad-team-doc');
	if (iv === null || iv.length !== IV_BYTES || data === null) return err('bad-team-doc');
	const key = await deriveTeamKey(secret, salt, kdf.iterations);
	try {
		const plain = await globalThis.crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv, additionalData: utf8(TEAM_DOC_ID) },
			key,
			data
		);
		if (new TextDecoder().decode(plain) !== CHECK_TEXT) return err(wrong);
	} catch {
		return err(wrong);
	}
	return ok(key);
}
