/**
 * S3: secrets never leave the device in clear text. AES-GCM under a PBKDF2 key; the wrong
 * passphrase is told as such; a file asking for hostile key-derivation settings is refused.
 */
import { describe, expect, it } from 'vitest';
import { accountId } from '$lib/core';
import type { Change } from '$lib/core';
import {
	SyncCryptoError,
	containsSecrets,
	decryptEnvelope,
	encryptEnvelope
} from '$lib/sync/crypto';
import { DEVICE_A, FAST, PASSPHRASE, PLAIN_TYPES, SECRET_TYPES, envelope, sample } from './helpers';

describe('encryptEnvelope / decryptEnvelope', () => {
	it('round-trips text, with fresh salt and iv each time', async () => {
		const text = '{"format":"tessera-changes","changes":["é 🎫"]}';
		const a = await encryptEnvelope(text, PASSPHRASE, { iterations: FAST });
		const b = await encryptEnvelope(text, PASSPHRASE, { iterations: FAST });
		expect(a.encrypted.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: FAST });
		expect(a.encrypted.kdf.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(a.encrypted.iv).toMatch(/^[A-Za-z0-9_-]{16}$/);
		expect(a.encrypted.iv).not.toBe(b.encrypted.iv);
		expect(a.encrypted.kdf.salt).not.toBe(b.encrypted.kdf.salt);
		expect(a.encrypted.ciphertext).not.toContain('tessera');
		expect(await decryptEnvelope(a, PASSPHRASE)).toEqual({ ok: true, value: text });
	});

	it('defaults to 600 000 iterations', async () => {
		const enc = await encryptEnvelope('{}', PASSPHRASE);
		expect(enc.encrypted.kdf.iterations).toBe(600_000);
	});

	it('a wrong passphrase, or an altered ciphertext, is wrong-passphrase', async () => {
		const enc = await encryptEnvelope('{}', PASSPHRASE, { iterations: FAST });
		expect(await decryptEnvelope(enc, 'correct horse battery stapler')).toEqual({
			ok: false,
			error: { code: 'wrong-passphrase' }
		});
		const c = enc.encrypted.ciphertext;
		const flipped = (c[0] === 'A' ? 'B' : 'A') + c.slice(1);
		const altered = { encrypted: { ...enc.encrypted, ciphertext: flipped } };
		expect(await decryptEnvelope(altered, PASSPHRASE)).toMatchObject({
			error: { code: 'wrong-passphrase' }
		});
	});

	it('normalises the passphrase (NFKC), so composed and decomposed accents match', async () => {
		const enc = await encryptEnvelope('{}', 'caf\u00e9 au lait', { iterations: FAST });
		expect(await decryptEnvelope(enc, 'cafe\u0301 au lait')).toEqual({ ok: true, value: '{}' });
	});

	it('refuses hostile iteration counts before deriving anything', async () => {
		const enc = await encryptEnvelope('{}', PASSPHRASE, { iterations: FAST });
		for (const iterations of [99_999, 10_000_001, 1e12]) {
			const hostile = {
				encrypted: { ...enc.encrypted, kdf: { ...enc.encrypted.kdf, iterations } }
			};
			expect(await decryptEnvelope(hostile, PASSPHRASE)).toEqual({
				ok: false,
				error: { code: 'unsafe-encryption', iterations, min: 100_000, max: 10_000_000 }
			});
		}
	});

	it('refuses salt or iv of the wrong size', async () => {
		const enc = await encryptEnvelope('{}', PASSPHRASE, { iterations: FAST });
		const shortIv = { encrypted: { ...enc.encrypted, iv: 'AAAA' } };
		expect(await decryptEnvelope(shortIv, PASSPHRASE)).toMatchObject({
			error: { code: 'wrong-format', path: ['encrypted', 'iv'] }
		});
	});

	it('will not write with weak settings or an empty passphrase', async () => {
		await expect(encryptEnvelope('{}', PASSPHRASE, { iterations: 1000 })).rejects.toThrow(
			SyncCryptoError
		);
		await expect(encryptEnvelope('{}', '')).rejects.toThrow(SyncCryptoError);
	});
});

describe('containsSecrets', () => {
	const signup = (payload: Record<string, unknown>): Change => ({
		...envelope(DEVICE_A, 0),
		type: 'account.create',
		payload: {
			accountId: accountId('a-1'),
			email: 'a@acme.com',
			name: 'A',
			mode: 'signup',
			source: 'password',
			...payload
		}
	});

	it('is false for changes without secrets', () => {
		const changes = Array.from({ length: PLAIN_TYPES.length }, (_, n) => sample(DEVICE_A, n));
		expect(containsSecrets(changes)).toBe(false);
		expect(containsSecrets([signup({})])).toBe(false);
	});

	it('is true for a signup with a password hash or a verification token', () => {
		expect(containsSecrets([sample(DEVICE_A, 1), sample(DEVICE_A, 0, true)])).toBe(true);
		expect(containsSecrets([signup({ token: 't', tokenHash: 'h' })])).toBe(true);
	});

	it('is true for every account change that carries a token, hash or TOTP secret', () => {
		const all = PLAIN_TYPES.length + SECRET_TYPES.length;
		for (let n = PLAIN_TYPES.length; n < all; n++) {
			const change = sample(DEVICE_A, n, true);
			expect(containsSecrets([change]), change.type).toBe(true);
		}
	});

	it('X6: a sealed vault (sign up, setKeys, password, two-step) makes the file secret', () => {
		const vault = { v: 1, iterations: 600_000, salt: 's', iv: 'i', data: 'd' };
		expect(containsSecrets([signup({ signingKey: 'A'.repeat(43), vault })])).toBe(true);
		expect(containsSecrets([{ payload: { accountId: 'a', vault } }])).toBe(true);
		expect(containsSecrets([{ payload: { accountId: 'a', signingKey: 'k' } }])).toBe(false);
	});

	it('finds secret-named keys anywhere in a payload, for change types to come', () => {
		// Not valid changes of today's union: a future type carrying a secret must still count.
		const future = (payload: unknown) => [{ type: 'account.future', payload }];
		expect(containsSecrets(future({ resetToken: { hash: 'h' } }))).toBe(true);
		expect(containsSecrets(future({ deep: [{ recoveryCodes: ['a'] }] }))).toBe(true);
		expect(containsSecrets(future({ account: { passwordHash: 'p' } }))).toBe(true);
		expect(containsSecrets(future({ passwordHash: null, recoveryCodes: [] }))).toBe(false);
		expect(containsSecrets(future({ email: 'token@acme.com' }))).toBe(false);
	});
});
