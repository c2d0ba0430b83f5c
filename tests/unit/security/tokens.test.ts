/**
 * A4 and X1: recovery codes and reset tokens are stored hashed and work once; a reset
 * link expires one hour after it was issued.
 */
import { describe, expect, it } from 'vitest';
import {
	checkResetToken,
	hashRecoveryCode,
	markResetTokenUsed,
	newRecoveryCodes,
	newResetToken,
	randomToken,
	sha256Base64url,
	useRecoveryCode
} from '$lib/security';

const HOUR = 3_600_000;
const NOW = 1_700_000_000_000;

describe('randomToken / sha256Base64url', () => {
	it('makes unpadded base64url tokens of the requested size', () => {
		expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(randomToken()).not.toBe(randomToken());
	});

	it('hashes UTF-8 text with SHA-256', async () => {
		// SHA-256("abc"), FIPS 180-2 appendix B.1, in base64url.
		expect(await sha256Base64url('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
	});
});

describe('recovery codes (A2, X1)', () => {
	it('makes ten distinct codes like abcd-efgh-jkmn without ambiguous letters', () => {
		const codes = newRecoveryCodes();
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){2}$/);
		expect(newRecoveryCodes(3)).toHaveLength(3);
	});

	it('matches a code however it is retyped: capitals, spaces, no dashes', async () => {
		const hash = await hashRecoveryCode('abcd-efgh-jkmn');
		expect(await hashRecoveryCode('ABCD EFGH JKMN')).toBe(hash);
		expect(await hashRecoveryCode('abcdefghjkmn')).toBe(hash);
	});

	it('accepts each code once and removes only its hash', async () => {
		const codes = newRecoveryCodes(3);
		const stored = await Promise.all(codes.map(hashRecoveryCode));
		const second = codes[1] ?? '';

		const first = await useRecoveryCode(second.toUpperCase(), stored);
		expect(first).toEqual({ ok: true, remaining: [stored[0], stored[2]] });

		const remaining = first.ok ? first.remaining : stored;
		expect(await useRecoveryCode(second, remaining)).toEqual({ ok: false });
		expect((await useRecoveryCode(codes[0] ?? '', remaining)).ok).toBe(true);
	});

	it('refuses an unknown or empty code', async () => {
		const stored = await Promise.all(newRecoveryCodes(2).map(hashRecoveryCode));
		expect(await useRecoveryCode('zzzz-zzzz-zzzz', stored)).toEqual({ ok: false });
		expect(await useRecoveryCode(' - ', [await hashRecoveryCode('')])).toEqual({ ok: false });
		expect(await useRecoveryCode('abcd-efgh-jkmn', [])).toEqual({ ok: false });
	});
});

describe('reset tokens (A4)', () => {
	it('stores only a hash of the token, expiring an hour after issue', async () => {
		const { token, record } = await newResetToken(NOW);
		expect(record).toEqual({
			hash: await sha256Base64url(token),
			expiresAt: NOW + HOUR,
			used: false
		});
		expect(record.hash).not.toBe(token);
	});

	it('is valid until the last millisecond and expired at exactly one hour', async () => {
		const { token, record } = await newResetToken(NOW);
		expect(await checkResetToken(token, record, NOW)).toBe('ok');
		expect(await checkResetToken(token, record, NOW + HOUR - 1)).toBe('ok');
		expect(await checkResetToken(token, record, NOW + HOUR)).toBe('expired');
	});

	it('works once: a used token is refused as used', async () => {
		const { token, record } = await newResetToken(NOW);
		expect(await checkResetToken(token, record, NOW + 1)).toBe('ok');
		const spent = markResetTokenUsed(record);
		expect(await checkResetToken(token, spent, NOW + 2)).toBe('used');
	});

	it('calls a wrong token invalid, whatever the state of the real one', async () => {
		const { record } = await newResetToken(NOW);
		const wrong = randomToken();
		expect(await checkResetToken(wrong, record, NOW)).toBe('invalid');
		expect(await checkResetToken(wrong, markResetTokenUsed(record), NOW)).toBe('invalid');
		expect(await checkResetToken(wrong, record, NOW + 2 * HOUR)).toBe('invalid');
	});

	it('honours a custom lifetime', async () => {
		const { token, record } = await newResetToken(NOW, 60_000);
		expect(await checkResetToken(token, record, NOW + 60_000)).toBe('expired');
	});
});
