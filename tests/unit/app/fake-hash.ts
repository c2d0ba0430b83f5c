// X1 in unit tests: the rules accept only hashes that say 600,000 iterations, and computing
// one costs about half a second of a busy CPU per test. Tests that never verify the password
// (demo data, views) use this record instead: well-formed, full iteration count, no work. The
// floor itself is tested once at full cost (tests/unit/security/password.test.ts) and here
// against the rules (demo.test.ts, "X1").
import {
	PBKDF2_ITERATIONS,
	deriveVaultKey,
	hashPassword,
	openVault,
	verifyPassword
} from '$lib/security';
import type { VaultKey } from '$lib/security';
import type { PasswordHash } from '$lib/core';
import type { PasswordKdf } from '$lib/app/kdf';

export function unverifiableHash(seed = 'demo'): PasswordHash {
	const pad = (s: string, n: number) => (s.repeat(Math.ceil(n / s.length)) + '').slice(0, n);
	return {
		alg: 'PBKDF2-SHA256',
		iterations: PBKDF2_ITERATIONS,
		salt: pad(`salt${seed}`, 22),
		hash: pad(`hash${seed}`, 43),
		length: 32
	};
}

/** The `hash` option of loadDemo / createContext, at no cost. */
export const fakeHashPassword = (password: string): Promise<PasswordHash> =>
	Promise.resolve(unverifiableHash(password.replace(/[^A-Za-z0-9]/g, '') || 'x'));

/**
 * The account commands' derivations (app/kdf.ts) at one PBKDF2 iteration instead of 600,000:
 * real hashes and real vault keys, so passwords still verify and vaults still open, but each
 * costs microseconds. Their records still say PBKDF2_ITERATIONS, as the rules (X1) require;
 * only the work behind them is cheap. Open such a vault with `cheapUnlock`, not unlockVault.
 */
export const cheapKdf: PasswordKdf = {
	hash: async (password) => ({
		...(await hashPassword(password, { iterations: 1 })),
		iterations: PBKDF2_ITERATIONS
	}),
	verify: (password, stored) => verifyPassword(password, { ...stored, iterations: 1 }),
	newVaultKey: async (password) => relabel(await deriveVaultKey(password, { iterations: 1 })),
	vaultKeyFor: async (password, vault) => {
		const salt = saltOf(vault);
		if (salt === null) return null;
		return relabel(await deriveVaultKey(password, { salt, iterations: 1 }));
	}
};

/** unlockVault for a vault sealed under `cheapKdf`. */
export async function cheapUnlock(password: string, vault: unknown) {
	const key = await cheapKdf.vaultKeyFor(password, vault);
	if (key === null) return null;
	const contents = await openVault(key, vault);
	return contents === null ? null : { key, contents };
}

function relabel(key: VaultKey): VaultKey {
	return { ...key, iterations: PBKDF2_ITERATIONS };
}

function saltOf(vault: unknown): string | null {
	if (typeof vault !== 'object' || vault === null || !('salt' in vault)) return null;
	return typeof vault.salt === 'string' ? vault.salt : null;
}
