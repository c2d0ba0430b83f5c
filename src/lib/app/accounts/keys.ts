// X6: the account key in the app. It is made at sign up, at a reset, at the first password
// of an invited account and at the first log in of an account that has none; its private
// half exists in clear only in memory, and is stored only sealed in the account's vault
// under the password. Unsealed at log in, it enrolls this device (device.enroll, signed over
// the enrollment statement) and signs the session record, so neither can be written by hand.
import { changeId } from '$lib/core';
import type { Account, AccountId, SealedVault } from '$lib/core';
import { sealVault } from '$lib/security';
import type { VaultContents, VaultKey } from '$lib/security';
import { base64urlToBytes, bytesToBase64url } from '$lib/security/encoding';
import {
	enrollStatement,
	exportPrivateKey,
	importPrivateKey,
	newSigningKeyPair,
	sessionStatement,
	sign
} from '$lib/security/signing';
import type { ChangeDraft } from '$lib/store/types';
import type { AppContext } from '../context';
import { startSession } from '../session';
import type { SessionRecord } from '../session';

export interface NewAccountKey {
	readonly publicKey: string;
	/** Non-extractable: the extractable original lives only long enough to be sealed. */
	readonly privateKey: CryptoKey;
	readonly vault: SealedVault;
}

/** A new Ed25519 account key sealed under `vaultKey`, with the TOTP secret when given. */
export async function newAccountKey(
	vaultKey: VaultKey,
	totpSecret?: string
): Promise<NewAccountKey> {
	const pair = await newSigningKeyPair(true);
	const pkcs8 = await exportPrivateKey(pair.privateKey);
	const signingKey = bytesToBase64url(pkcs8);
	const vault = await sealVault(vaultKey, {
		signingKey,
		...(totpSecret === undefined ? {} : { totpSecret })
	});
	return { publicKey: pair.publicKey, privateKey: await importPrivateKey(pkcs8), vault };
}

/** The private key a vault holds, ready to sign; null when it is not a usable key. */
export async function signingKeyOf(contents: VaultContents): Promise<CryptoKey | null> {
	const bytes = base64urlToBytes(contents.signingKey);
	if (bytes === null) return null;
	try {
		return await importPrivateKey(bytes);
	} catch {
		return null;
	}
}

/** device.enroll for this device, signed by the account key (X6). */
export async function enrollDraft(
	ctx: AppContext,
	account: AccountId,
	privateKey: CryptoKey,
	accountPublicKey: string
): Promise<ChangeDraft> {
	const devicePublicKey = await ctx.deviceKeys.publicKey();
	const statement = enrollStatement(account, ctx.store.device, devicePublicKey);
	return {
		id: changeId(ctx.newId('c_')),
		actor: account,
		type: 'device.enroll',
		payload: {
			accountId: account,
			devicePublicKey,
			accountPublicKey,
			signature: await sign(privateKey, statement)
		}
	};
}

/** A session record whose proof only the account key can make (X6). */
export async function signSession(
	account: Pick<Account, 'id' | 'email' | 'name'>,
	device: string,
	privateKey: CryptoKey,
	now: number
): Promise<SessionRecord> {
	const proof = await sign(privateKey, sessionStatement(account.id, device, now));
	return startSession(account, now, proof);
}

/** The account's current public key: the vault always holds its private half. */
export function currentKeyOf(account: Account): string | undefined {
	return account.signingKeys?.at(-1);
}

export function sameVault(a: SealedVault | null, b: SealedVault | null): boolean {
	return (
		a === b || (a !== null && b !== null && a.salt === b.salt && a.iv === b.iv && a.data === b.data)
	);
}
