/**
 * One-time secrets (A4, X1): random tokens, recovery codes and password-reset tokens.
 * Only SHA-256 digests are stored, never the secrets. A plain digest is enough here (unlike
 * passwords) because every secret is random with ≥ 59 bits of entropy, so there is nothing to
 * guess from a dictionary. Comparisons against stored digests are constant-time.
 */
import { bytesToBase64url, randomBytes, timingSafeEqualText } from './encoding';
import { sha256Text } from './hash';

/** Recovery-code letters: lowercase, without 0/o, 1/l/i, which people misread. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;
export const RESET_TOKEN_TTL_MS = 3_600_000;

export type ResetTokenRecord = { hash: string; expiresAt: number; used: boolean };
export type ResetTokenCheck = 'ok' | 'expired' | 'used' | 'invalid';

export function randomToken(bytes = 32): string {
	return bytesToBase64url(randomBytes(bytes));
}

/** Kept promise-shaped for its callers; the hash itself is sha256Text's. */
export function sha256Base64url(text: string): Promise<string> {
	return Promise.resolve(sha256Text(text));
}

/** Ten codes like 'abcd-efgh-jkmn' (12 letters from 31: about 59 bits each). */
export function newRecoveryCodes(n = 10): string[] {
	return Array.from({ length: n }, () => {
		const letters = randomLetters(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH);
		const groups: string[] = [];
		for (let i = 0; i < letters.length; i += RECOVERY_GROUP_LENGTH) {
			groups.push(letters.slice(i, i + RECOVERY_GROUP_LENGTH));
		}
		return groups.join('-');
	});
}

/** People retype codes with capitals, spaces or without dashes; all of those must match. */
export function normaliseRecoveryCode(code: string): string {
	return code.toLowerCase().replace(/[\s-]+/g, '');
}

export function hashRecoveryCode(code: string): Promise<string> {
	return sha256Base64url(normaliseRecoveryCode(code));
}

/**
 * Single use: on a match the caller stores `remaining`, which lacks the matched digest. Every
 * stored digest is compared, without stopping at the first match.
 */
export async function useRecoveryCode(
	code: string,
	storedHashes: readonly string[]
): Promise<{ ok: true; remaining: string[] } | { ok: false }> {
	if (normaliseRecoveryCode(code) === '') return { ok: false };
	const hash = await hashRecoveryCode(code);
	let matched = -1;
	storedHashes.forEach((stored, index) => {
		if (timingSafeEqualText(stored, hash) && matched === -1) matched = index;
	});
	if (matched === -1) return { ok: false };
	return { ok: true, remaining: storedHashes.filter((_, index) => index !== matched) };
}

/** The token goes into the reset mail's link; only `record` is stored. */
export async function newResetToken(
	now: number,
	ttlMs = RESET_TOKEN_TTL_MS
): Promise<{ token: string; record: { hash: string; expiresAt: number; used: false } }> {
	const token = randomToken();
	return {
		token,
		record: { hash: await sha256Base64url(token), expiresAt: now + ttlMs, used: false }
	};
}

/**
 * A wrong token is 'invalid' before anything else, so probing reveals nothing about the real
 * token's state. The token expires at exactly `expiresAt`: one hour after issue is too late.
 */
export async function checkResetToken(
	token: string,
	record: ResetTokenRecord,
	now: number
): Promise<ResetTokenCheck> {
	if (!timingSafeEqualText(await sha256Base64url(token), record.hash)) return 'invalid';
	if (record.used) return 'used';
	if (now >= record.expiresAt) return 'expired';
	return 'ok';
}

/** What the caller stores once the new password is saved, so the link cannot be used again. */
export function markResetTokenUsed(record: ResetTokenRecord): ResetTokenRecord {
	return { ...record, used: true };
}

/** Uniform letters by rejection sampling: a plain `byte % 31` would favour the first letters. */
function randomLetters(count: number): string {
	const size = RECOVERY_ALPHABET.length;
	const limit = 256 - (256 % size);
	let out = '';
	while (out.length < count) {
		for (const byte of randomBytes(count * 2)) {
			if (byte < limit && out.length < count) out += RECOVERY_ALPHABET[byte % size] ?? '';
		}
	}
	return out;
}
