/**
 * X1: PBKDF2-SHA256 with a per-hash salt and ≥ 600,000 iterations. Most cases pass a low
 * iteration count to stay fast; one test runs the real default end to end.
 */
import { describe, expect, it } from 'vitest';
import {
	PBKDF2_ITERATIONS,
	SecurityError,
	hashPassword,
	needsRehash,
	verifyPassword
} from '$lib/security';
import type { PasswordHash } from '$lib/security';

const FAST = { iterations: 1_000 };

describe('hashPassword / verifyPassword (X1)', () => {
	it('uses at least 600,000 iterations by default, and that hash verifies', async () => {
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
		const stored = await hashPassword('correct horse battery staple');
		expect(stored.iterations).toBe(PBKDF2_ITERATIONS);
		expect(needsRehash(stored)).toBe(false);
		expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
	}, 30_000);

	it('stores its parameters: algorithm, 16-byte salt, 32-byte hash, base64url', async () => {
		const stored = await hashPassword('s3cret!', FAST);
		expect(stored).toMatchObject({ alg: 'PBKDF2-SHA256', iterations: 1_000, length: 32 });
		expect(stored.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(stored.hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it('verifies the right password and refuses a wrong one', async () => {
		const stored = await hashPassword('s3cret!', FAST);
		expect(await verifyPassword('s3cret!', stored)).toBe(true);
		expect(await verifyPassword('s3cret?', stored)).toBe(false);
		expect(await verifyPassword('', stored)).toBe(false);
	});

	it('salts every hash: the same password hashes differently twice', async () => {
		const a = await hashPassword('same', FAST);
		const b = await hashPassword('same', FAST);
		expect(a.salt).not.toBe(b.salt);
		expect(a.hash).not.toBe(b.hash);
	});

	it('treats composed and decomposed accents as the same password (NFKC)', async () => {
		const stored = await hashPassword('caf\u00e9', FAST);
		expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
	});

	it('matches a known PBKDF2-HMAC-SHA256 vector', async () => {
		// RFC 7914 §11: P="passwd", S="salt", c=1, first 32 bytes (55 ac 04 6e …).
		const stored: PasswordHash = {
			alg: 'PBKDF2-SHA256',
			iterations: 1,
			salt: 'c2FsdA',
			hash: 'VawEblbjCJ_sFpHCJUS2BflBhSFt3gRl5oudV8INrLw',
			length: 32
		};
		expect(await verifyPassword('passwd', stored)).toBe(true);
	});

	it('asks for a rehash when the stored iteration count is below the current one', async () => {
		const weak = await hashPassword('pw', FAST);
		expect(needsRehash(weak)).toBe(true);
		expect(needsRehash({ ...weak, iterations: PBKDF2_ITERATIONS })).toBe(false);
	});

	it('throws a coded error for a malformed stored hash, not "wrong password"', async () => {
		const stored = await hashPassword('pw', FAST);
		const broken = [
			{ ...stored, hash: 'not base64url!' },
			{ ...stored, hash: stored.hash.slice(0, 20) },
			{ ...stored, iterations: 0 },
			{ ...stored, iterations: 1e12 }
		];
		for (const bad of broken) {
			await expect(verifyPassword('pw', bad)).rejects.toSatisfy(
				(e: unknown) => e instanceof SecurityError && e.code === 'invalid-password-hash'
			);
		}
	});

	it('refuses an unusable iteration option', async () => {
		await expect(hashPassword('pw', { iterations: 0.5 })).rejects.toBeInstanceOf(SecurityError);
	});
});
