// S10: a team key file, the other secret a team key can come from besides a passphrase. It holds
// 32 random bytes (base64url), made once by the first device and copied to the team's other
// devices; the secret goes through the same team derivation as a passphrase (the team document's
// PBKDF2 salt and cost, team.ts), so there is one team document format and a team is opened by
// whichever secret made it. A chosen file is hostile input (S7): its size is capped before it is
// parsed, and anything but exactly this format is 'bad-key-file'. The file is never stored;
// only the key derived from it is (as a non-extractable CryptoKey).
import { err, ok } from '$lib/core';
import type { Result } from '$lib/core';
import { base64urlToBytes, bytesToBase64url } from '$lib/security/encoding';
import { z } from '$lib/sync/schema-base';

export const KEY_FILE_FORMAT = 'tessera-team-key';
export const KEY_FILE_NAME = 'tessera-team-key.json';
/** The secret's length in bytes (256 bits, as much as the AES key it becomes). */
export const KEY_FILE_SECRET_BYTES = 32;
/** A key file is about 100 bytes; anything longer than this is refused unread (S7). */
export const KEY_FILE_MAX_CHARS = 1024;

const KeyFileSchema = z.strictObject({
	format: z.literal(KEY_FILE_FORMAT),
	version: z.literal(1),
	secret: z
		.string()
		.length(43)
		.regex(/^[A-Za-z0-9_-]+$/)
});

/** A key file as read: its secret is canonical unpadded base64url of 32 bytes. */
export type TeamKeyFile = z.output<typeof KeyFileSchema>;

export type KeyFileProblem = 'bad-key-file';

/** A new key file's text, its secret from the injected randomness (the app's randomBytes). */
export function makeKeyFile(random: (length: number) => Uint8Array): string {
	const file: TeamKeyFile = {
		format: KEY_FILE_FORMAT,
		version: 1,
		secret: bytesToBase64url(random(KEY_FILE_SECRET_BYTES))
	};
	return `${JSON.stringify(file, null, 2)}\n`;
}

/** The key file in `text`, or 'bad-key-file' for anything else (S7: one code, worded by the UI). */
export function readKeyFile(text: string): Result<TeamKeyFile, KeyFileProblem> {
	if (text.length > KEY_FILE_MAX_CHARS) return err('bad-key-file');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return err('bad-key-file');
	}
	const parsed = KeyFileSchema.safeParse(json);
	if (!parsed.success) return err('bad-key-file');
	const bytes = base64urlToBytes(parsed.data.secret);
	// Canonical only: another spelling of the same bytes would stretch to another key.
	if (bytes === null || bytes.length !== KEY_FILE_SECRET_BYTES) return err('bad-key-file');
	if (bytesToBase64url(bytes) !== parsed.data.secret) return err('bad-key-file');
	return ok(parsed.data);
}
