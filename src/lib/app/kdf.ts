// X1 and X6: the password's PBKDF2, in one place the app context can replace. The app runs
// the real 600,000-iteration derivations; tests pass a cheaper one (tests/unit/app/fake-hash.ts)
// so no test waits on full-cost hashing, and the X1 floor is tested once at full cost.
import { deriveVaultKey, hashPassword, keyForVault, verifyPassword } from '$lib/security';
import type { PasswordHash, VaultKey } from '$lib/security';

export interface PasswordKdf {
	/** X1: a fresh hash of the password. */
	hash(password: string): Promise<PasswordHash>;
	/** X1: whether the password matches a stored hash (throws on a malformed one). */
	verify(password: string, stored: PasswordHash): Promise<boolean>;
	/** X6: a fresh vault key (its own salt). */
	newVaultKey(password: string): Promise<VaultKey>;
	/** X6: the key an existing vault needs, or null when its parameters are not ones we run. */
	vaultKeyFor(password: string, vault: unknown): Promise<VaultKey | null>;
}

/** The real derivations, at the cost X1 asks for. */
export const fullCostKdf: PasswordKdf = {
	hash: (password) => hashPassword(password),
	verify: (password, stored) => verifyPassword(password, stored),
	newVaultKey: (password) => deriveVaultKey(password),
	vaultKeyFor: (password, vault) => keyForVault(password, vault)
};

/** The context's derivations: the real ones unless a test passed others. */
export function kdfOf(ctx: { readonly kdf?: PasswordKdf }): PasswordKdf {
	return ctx.kdf ?? fullCostKdf;
}
