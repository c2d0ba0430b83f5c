/**
 * X6: the account vault, sealed under a key derived from the password (PBKDF2-SHA-256 with its
 * own salt, X1's 600,000 iterations) with AES-GCM-256. Most cases pass a low iteration count
 * to stay fast; one test runs the real default end to end.
 */
import { describe, expect, it } from 'vitest';
import {
	PBKDF2_ITERATIONS,
	PBKDF2_MAX_ITERATIONS,
	SecurityError,
	deriveVaultKey,
	keyForVault,
	openVault,
	sealVault,
	unlockVault
} from '$lib/security';
import type { SealedVault, VaultContents } from '$lib/security';

const FAST = { iterations: 1_000 };
const PASSWORD = 'correct horse battery staple';
const CONTENTS: VaultContents = {
	signingKey: 'MC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
	totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
};

async function sealed(password = PASSWORD, contents = CONTENTS): Promise<SealedVault> {
	return sealVault(await deriveVaultKey(password, FAST), contents);
}

describe('account vault (X6)', () => {
	it('X6/X1: derives with at least 600,000 iterations by default, and opens with the password', async () => {
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
		const key = await deriveVaultKey(PASSWORD);
		expect(key.iterations).toBe(PBKDF2_ITERATIONS);
		const vault = await sealVault(key, CONTENTS);
		expect(vault.iterations).toBe(PBKDF2_ITERATIONS);
		expect(await unlockVault(PASSWORD, vault)).toMatchObject({ contents: CONTENTS });
	}, 30_000);

	it('X6: stores its parameters (16-byte salt, 12-byte IV) and no plaintext', async () => {
		const vault = await sealed();
		expect(vault).toMatchObject({ v: 1, iterations: 1_000 });
		expect(vault.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(vault.iv).toMatch(/^[A-Za-z0-9_-]{16}$/);
		const text = JSON.stringify(vault);
		expect(text).not.toContain(CONTENTS.signingKey);
		expect(text).not.toContain(CONTENTS.totpSecret);
	});

	it('X6: a wrong password, another vault’s key or a tampered vault opens to null, never a throw', async () => {
		const vault = await sealed();
		expect(await unlockVault('correct horse battery stapler', vault)).toBeNull();
		expect(await unlockVault('', vault)).toBeNull();
		const other = await deriveVaultKey(PASSWORD, FAST);
		expect(await openVault(other, vault)).toBeNull();
		const flipped = vault.data.startsWith('A')
			? `B${vault.data.slice(1)}`
			: `A${vault.data.slice(1)}`;
		expect(await unlockVault(PASSWORD, { ...vault, data: flipped })).toBeNull();
		expect(await unlockVault(PASSWORD, { ...vault, iv: 'AAAAAAAAAAAAAAAA' })).toBeNull();
	});

	it('X6: a malformed or hostile vault is null without running PBKDF2 on its word', async () => {
		const vault = await sealed();
		const hostile: unknown[] = [
			null,
			'vault',
			[],
			{ ...vault, v: 2 },
			{ ...vault, iterations: 0 },
			{ ...vault, iterations: PBKDF2_MAX_ITERATIONS + 1 },
			{ ...vault, iterations: 1e12 },
			{ ...vault, salt: 'c2hvcnQ' },
			{ ...vault, data: 'not base64url!' },
			{ ...vault, iv: undefined }
		];
		for (const v of hostile) {
			expect(await keyForVault(PASSWORD, v)).toBeNull();
			expect(await unlockVault(PASSWORD, v)).toBeNull();
		}
	});

	it('X6: the key kept for the session reseals (same salt, fresh IV) without the password', async () => {
		const { key, contents } = (await unlockVault(PASSWORD, await sealed())) ?? {};
		if (key === undefined || contents === undefined) throw new Error('did not open');
		const resealed = await sealVault(key, { signingKey: contents.signingKey });
		expect(resealed.salt).toBe(key.salt);
		expect(await unlockVault(PASSWORD, resealed)).toMatchObject({
			contents: { signingKey: CONTENTS.signingKey }
		});
		const twice = await sealVault(key, { signingKey: contents.signingKey });
		expect(twice.iv).not.toBe(resealed.iv);
	});

	it('X6: salts every vault: the same password derives different keys', async () => {
		const [a, b] = [await sealed(), await sealed()];
		expect(a.salt).not.toBe(b.salt);
		expect(a.data).not.toBe(b.data);
	});

	it('X6: NFKC-normalises the password like X1 hashing', async () => {
		const vault = await sealed('caf\u00e9 au lait');
		expect(await unlockVault('cafe\u0301 au lait', vault)).not.toBeNull();
	});

	it('X6/X1: refuses to derive with iterations it would not run (same floor as hashPassword)', async () => {
		for (const iterations of [0, -1, 0.5, PBKDF2_MAX_ITERATIONS + 1]) {
			await expect(deriveVaultKey(PASSWORD, { iterations })).rejects.toBeInstanceOf(SecurityError);
		}
		await expect(deriveVaultKey(PASSWORD, { ...FAST, salt: 'c2hvcnQ' })).rejects.toBeInstanceOf(
			SecurityError
		);
	});
});
