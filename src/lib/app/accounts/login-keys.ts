// X6 at log in: the password that proved itself also opens the account's vault. After the
// last step (the password, or the second step) the account gets a key if it has none
// (account.setKeys, sealing a clear TOTP secret from before X6), this device is enrolled if
// it is not yet, and the session record is signed. Those changes are committed in one batch.
import { changeId, isEnrolled } from '$lib/core';
import type { Account, SealedVault } from '$lib/core';
import { openVault } from '$lib/security';
import type { VaultContents, VaultKey } from '$lib/security';
import type { ChangeDraft } from '$lib/store/types';
import type { PasswordKdf } from '../kdf';
import type { SessionRecord } from '../session';
import {
	currentKeyOf,
	enrollDraft,
	newAccountKey,
	sameVault,
	signSession,
	signingKeyOf
} from './keys';
import type { AccountsContext } from './types';

/**
 * What the password opened, kept in the page's memory between the two steps of a log in:
 * the vault key and the contents (null: the account has no vault yet, and `key` is a fresh
 * one, with its own salt, for the vault its first key will be sealed in).
 */
export interface Unsealed {
	readonly key: VaultKey;
	/** The vault that was opened, to notice one replaced meanwhile. */
	readonly vault: SealedVault | null;
	readonly contents: VaultContents | null;
}

/**
 * The PBKDF2 a log in runs beside the password hash's (in parallel): for the account's vault,
 * or a fresh key when it has none. An unknown address costs the same. Null: a vault whose
 * parameters are not ones we run.
 */
export function vaultKeyFor(kdf: PasswordKdf, password: string, account: Account | undefined) {
	const vault = account?.secrets.vault ?? null;
	return vault === null ? kdf.newVaultKey(password) : kdf.vaultKeyFor(password, vault);
}

/** Opens the account's vault with the derived key (deriving again if it changed meanwhile). */
export async function unsealAtLogin(
	kdf: PasswordKdf,
	account: Account,
	password: string,
	key: VaultKey | null
): Promise<Unsealed | null> {
	const vault = account.secrets.vault ?? null;
	if (vault === null)
		return { key: key ?? (await kdf.newVaultKey(password)), vault, contents: null };
	const fits = key !== null && key.salt === vault.salt && key.iterations === vault.iterations;
	const fitting = fits ? key : await kdf.vaultKeyFor(password, vault);
	if (fitting === null) return null;
	const contents = await openVault(fitting, vault);
	return contents === null ? null : { key: fitting, vault, contents };
}

/** The TOTP secret for the second step: sealed in the vault, or in clear from before X6. */
export function totpSecretOf(account: Account, unsealed: Unsealed): string | null {
	return unsealed.contents?.totpSecret ?? account.secrets.twoStep?.totpSecret ?? null;
}

export type Finished =
	| { readonly ok: true; readonly account: Account; readonly session: SessionRecord }
	/** The account changed meanwhile (another tab or an import): start again. */
	| { readonly ok: false };

export async function finishLogin(
	ctx: AccountsContext,
	account: Account,
	unsealed: Unsealed
): Promise<Finished> {
	if (!sameVault(account.secrets.vault ?? null, unsealed.vault)) return { ok: false };
	const now = ctx.now();
	const drafts: ChangeDraft[] = [];
	let privateKey: CryptoKey | null;
	let publicKey: string | undefined;
	if (unsealed.contents === null) {
		const clear = account.secrets.twoStep?.totpSecret;
		const made = await newAccountKey(unsealed.key, clear ?? undefined);
		drafts.push({
			id: changeId(ctx.newId('c_')),
			actor: account.id,
			type: 'account.setKeys',
			payload: { accountId: account.id, signingKey: made.publicKey, vault: made.vault }
		});
		privateKey = made.privateKey;
		publicKey = made.publicKey;
	} else {
		privateKey = await signingKeyOf(unsealed.contents);
		publicKey = currentKeyOf(account);
	}
	if (privateKey === null || publicKey === undefined) return { ok: false };
	if (!isEnrolled(account, ctx.store.device)) {
		drafts.push(await enrollDraft(ctx, account.id, privateKey, publicKey));
	}
	// An enrollment the rules refuse (device-key-mismatch) does not stop the log in: this
	// device's changes for the account then stay unverified elsewhere until it is enrolled.
	if (drafts.length > 0) await ctx.store.commitMany(drafts, now);
	const fresh = ctx.store.state.accounts.get(account.id);
	if (fresh?.status !== 'active' || currentKeyOf(fresh) !== publicKey) return { ok: false };
	ctx.keyring.put(account.id, unsealed.key);
	return {
		ok: true,
		account: fresh,
		session: await signSession(fresh, ctx.store.device, privateKey, now)
	};
}
