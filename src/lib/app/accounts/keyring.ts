// X6: the logged-in account's unsealed vault key, kept in this tab's memory for the session
// (never stored): with it, enabling two-step verification reseals the vault and a password
// change rewraps it without asking for the password again. A tab that does not hold it (a
// reload, another tab) asks for the password (A12's "Confirm it's you"), which derives it
// again. It is dropped when the session ends, when someone else logs in, and at log out.
import type { VaultKey } from '$lib/security';

export interface Keyring {
	get(accountId: string): VaultKey | undefined;
	put(accountId: string, key: VaultKey): void;
	/** Whose key it holds, if any. */
	holder(): string | null;
	clear(): void;
}

/** One account's key at a time, like the session (A3). */
export function memoryKeyring(): Keyring {
	let held: { readonly accountId: string; readonly key: VaultKey } | null = null;
	return {
		get: (accountId) => (held?.accountId === accountId ? held.key : undefined),
		put: (accountId, key) => {
			held = { accountId, key };
		},
		holder: () => held?.accountId ?? null,
		clear: () => {
			held = null;
		}
	};
}
