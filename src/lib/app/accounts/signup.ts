// A1: sign up and verify the address. The password is hashed (PBKDF2, X1) and the
// verification token made before the change is recorded (S1); the change carries the plain
// token only for the mailed link, and the account keeps its SHA-256. X6: sign up also makes
// the account key, sealed in a vault under the password (a second PBKDF2, run beside the
// hash's), and enrolls this device with it, in the same commit batch.
import { accountId, err, normaliseEmail, ok, passwordRulesForEmail } from '$lib/core';
import type { AccountId, Result } from '$lib/core';
import type { ChangeDraft, Committed } from '$lib/store/types';
import { randomToken, sha256Base64url } from '$lib/security';
import { kdfOf } from '../kdf';
import { enrollDraft, newAccountKey } from './keys';
import { checkPasswordPolicy } from './policy';
import { activeAccountByEmail, commit, newChangeId } from './shared';
import type { AccountProblem, AccountsContext } from './types';

export interface SignUpInput {
	readonly email: string;
	readonly name: string;
	readonly password: string;
}

export async function signUp(
	ctx: AccountsContext,
	input: SignUpInput
): Promise<Result<Committed & { accountId: AccountId }, AccountProblem>> {
	// Checked first so a taken address answers at once, without a second of hashing; the
	// core checks again when the change applies (another tab may have taken it meanwhile).
	const key = normaliseEmail(input.email)?.key;
	if (key !== undefined && ctx.store.state.accountIdByEmailKey.has(key)) {
		return err({ code: 'email-taken' });
	}
	// O3: an address on a verified domain signs up under its organization's password policy.
	const policy = await checkPasswordPolicy(
		passwordRulesForEmail(ctx.store.state, input.email),
		input.password,
		[input.email, input.name]
	);
	if (!policy.ok) return policy;
	const kdf = kdfOf(ctx);
	const [passwordHash, vaultKey] = await Promise.all([
		kdf.hash(input.password),
		kdf.newVaultKey(input.password)
	]);
	const keys = await newAccountKey(vaultKey);
	const token = randomToken();
	const id = accountId(ctx.newId('a_'));
	const create: ChangeDraft = {
		id: newChangeId(ctx),
		actor: null,
		type: 'account.create',
		payload: {
			accountId: id,
			email: input.email,
			name: input.name,
			mode: 'signup',
			source: 'password',
			passwordHash,
			token,
			tokenHash: await sha256Base64url(token),
			signingKey: keys.publicKey,
			vault: keys.vault
		}
	};
	const enroll = await enrollDraft(ctx, id, keys.privateKey, keys.publicKey);
	const [result] = await ctx.store.commitMany([create, enroll], ctx.now());
	if (result === undefined) throw new Error('commitMany answered no result for the sign up');
	return result.ok ? ok({ ...result.value, accountId: id }) : result;
}

/**
 * A1: the mailed link carries the token and the address. Anyone holding the link may use it
 * (that is what proves the address), so the actor is whoever is logged in, or nobody.
 */
export async function verifyEmail(
	ctx: AccountsContext,
	input: { readonly email: string; readonly token: string; readonly actor: AccountId | null }
): Promise<Result<Committed, AccountProblem>> {
	const account = activeAccountByEmail(ctx.store.state, input.email);
	if (account === undefined || input.token === '') return err({ code: 'invalid-token' });
	return commit(ctx, {
		id: newChangeId(ctx),
		actor: input.actor,
		type: 'account.verifyEmail',
		payload: { accountId: account.id, tokenHash: await sha256Base64url(input.token) }
	});
}

/** A1: a new link; only the newest one works. */
export async function resendVerification(
	ctx: AccountsContext,
	account: AccountId
): Promise<Result<Committed, AccountProblem>> {
	const token = randomToken();
	return commit(ctx, {
		id: newChangeId(ctx),
		actor: null,
		type: 'account.resendVerification',
		payload: { accountId: account, token, tokenHash: await sha256Base64url(token) }
	});
}
