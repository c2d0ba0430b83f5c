// Passwords: A4 "Can't log in?" (a single-use reset link that expires in an hour; it is
// also how an invited account, C4, gets its first password) and A5 change (sudo mode, A12).
// The new password is hashed before the change is recorded (S1); the reset token travels in
// clear only inside the change that mails it, and the account keeps its SHA-256.
// X6: the account key follows the password. A reset (and a first password) makes a NEW key,
// since the old vault opens only with the old password; with two-step verification on, a
// reset asks for a recovery code and turns two-step off. A change rewraps the same key under
// the new password, with the vault key this tab holds (or asks for the password again).
import { err, ok, passwordRulesFor } from '$lib/core';
import type { Account, AccountId, Result, State } from '$lib/core';
import {
	RESET_TOKEN_TTL_MS,
	checkResetToken,
	hashRecoveryCode,
	openVault,
	randomToken,
	sealVault,
	sha256Base64url,
	useRecoveryCode
} from '$lib/security';
import type { Committed } from '$lib/store/types';
import { kdfOf } from '../kdf';
import type { SessionRecord } from '../session';
import { currentKeyOf, newAccountKey } from './keys';
import { checkPasswordPolicy } from './policy';
import { changeTime, commit, newChangeId, sudoAccount, throttleKey } from './shared';
import type { AccountProblem, AccountsContext } from './types';

/**
 * Always "sent", whether or not an account has the address: the page says the same either
 * way, so it never tells who has an account (the core files no mail for an unknown one).
 */
export async function requestReset(
	ctx: AccountsContext,
	input: { readonly email: string; readonly actor: AccountId | null }
): Promise<Result<Committed, AccountProblem>> {
	const token = randomToken();
	return commit(ctx, {
		id: newChangeId(ctx),
		actor: input.actor,
		type: 'account.requestReset',
		payload: {
			email: input.email,
			token,
			tokenHash: await sha256Base64url(token),
			// X7: from the time the change will carry, as the core compares it with (A4).
			expiresAt: (await changeTime(ctx)) + RESET_TOKEN_TTL_MS
		}
	});
}

export type ResetLink =
	| { readonly ok: true; readonly account: Account }
	| { readonly ok: false; readonly code: 'invalid-token' | 'token-used' | 'token-expired' };

/** What a reset link stands for right now, before the person types a new password. */
export async function inspectResetLink(
	state: State,
	token: string,
	now: number
): Promise<ResetLink> {
	if (token === '') return { ok: false, code: 'invalid-token' };
	const hash = await sha256Base64url(token);
	for (const account of state.accounts.values()) {
		const reset = account.secrets.reset;
		if (account.status !== 'active' || reset === undefined || reset === null) continue;
		if (reset.hash !== hash) continue;
		const check = await checkResetToken(token, reset, now);
		if (check === 'ok') return { ok: true, account };
		return { ok: false, code: check === 'used' ? 'token-used' : 'token-expired' };
	}
	return { ok: false, code: 'invalid-token' };
}

/** X6/A4: whether resetting this account's password asks for a recovery code. */
export function resetNeedsRecoveryCode(account: Account): boolean {
	return account.secrets.twoStep !== undefined && account.secrets.twoStep !== null;
}

/**
 * A4: sets the password through the mailed link; the core spends the token. X6: with a new
 * account key; with two-step verification on, `recoveryCode` is required (checked here under
 * the throttle, X2, and spent by the core, which turns two-step off).
 */
export async function resetPassword(
	ctx: AccountsContext,
	input: { readonly token: string; readonly password: string; readonly recoveryCode?: string }
): Promise<Result<Committed & { account: Account }, AccountProblem>> {
	// X7: judged at the time the change that uses the link will carry (the core's A4 check).
	const link = await inspectResetLink(ctx.store.state, input.token, await changeTime(ctx));
	if (!link.ok) return err({ code: link.code });
	const policy = await policyFor(ctx, link.account, input.password);
	if (!policy.ok) return policy;
	const recovery = await recoveryFor(ctx, link.account, input.recoveryCode ?? '');
	if (!recovery.ok) return recovery;
	const kdf = kdfOf(ctx);
	const [passwordHash, vaultKey] = await Promise.all([
		kdf.hash(input.password),
		kdf.newVaultKey(input.password)
	]);
	const key = await newAccountKey(vaultKey);
	const result = await commit(ctx, {
		id: newChangeId(ctx),
		actor: null,
		type: 'account.setPassword',
		payload: {
			accountId: link.account.id,
			passwordHash,
			reason: 'reset',
			resetTokenHash: await sha256Base64url(input.token),
			signingKey: key.publicKey,
			vault: key.vault,
			...recovery.value
		}
	});
	return result.ok ? ok({ ...result.value, account: link.account }) : result;
}

/** The recovery code's hash for the reset payload, when two-step verification is on. */
async function recoveryFor(
	ctx: AccountsContext,
	account: Account,
	code: string
): Promise<Result<{ readonly recoveryCodeHash?: string }, AccountProblem>> {
	const twoStep = account.secrets.twoStep;
	if (twoStep === undefined || twoStep === null) return ok({});
	if (code.trim() === '') return err({ code: 'recovery-code-required' });
	const checked = await ctx.throttle.attempt<boolean>(
		throttleKey(account.email),
		() => ctx.now(),
		async () => {
			const match = await useRecoveryCode(code, twoStep.recoveryCodeHashes);
			return match.ok ? { outcome: 'neutral', value: true } : { outcome: 'failure', value: false };
		}
	);
	if (checked.throttled) {
		return err({ code: 'throttled', retryAt: checked.retryAt, reason: checked.reason });
	}
	if (!checked.value) return err({ code: 'invalid-recovery-code' });
	return ok({ recoveryCodeHash: await hashRecoveryCode(code) });
}

/**
 * A5 + A12: the holder's new password, within ten minutes of entering the current one. X6:
 * the vault is rewrapped with the key this tab holds for the session; without it (a reload,
 * another tab) the answer is 'reauth-required', and re-entering the password derives it.
 */
export async function changePassword(
	ctx: AccountsContext,
	session: SessionRecord,
	password: string
): Promise<Result<Committed, AccountProblem>> {
	const found = sudoAccount(ctx, session);
	if (!found.ok) return found;
	const account = found.value;
	const policy = await policyFor(ctx, account, password);
	if (!policy.ok) return policy;
	const hasOne =
		account.secrets.passwordHash !== undefined && account.secrets.passwordHash !== null;
	if (!hasOne) return firstPassword(ctx, account, password);
	const held = ctx.keyring.get(account.id);
	const vault = account.secrets.vault ?? null;
	const contents = held === undefined || vault === null ? null : await openVault(held, vault);
	const signingKey = currentKeyOf(account);
	if (contents === null || signingKey === undefined) return err({ code: 'reauth-required' });
	const kdf = kdfOf(ctx);
	const [passwordHash, vaultKey] = await Promise.all([
		kdf.hash(password),
		kdf.newVaultKey(password)
	]);
	const result = await commit(ctx, {
		id: newChangeId(ctx),
		actor: account.id,
		type: 'account.setPassword',
		payload: {
			accountId: account.id,
			passwordHash,
			reason: 'change',
			signingKey,
			vault: await sealVault(vaultKey, contents)
		}
	});
	if (result.ok) ctx.keyring.put(account.id, vaultKey);
	return result;
}

/** A4/X6: an account without a password gets one with its first key. */
async function firstPassword(
	ctx: AccountsContext,
	account: Account,
	password: string
): Promise<Result<Committed, AccountProblem>> {
	const kdf = kdfOf(ctx);
	const [passwordHash, vaultKey] = await Promise.all([
		kdf.hash(password),
		kdf.newVaultKey(password)
	]);
	const key = await newAccountKey(vaultKey);
	const result = await commit(ctx, {
		id: newChangeId(ctx),
		actor: account.id,
		type: 'account.setPassword',
		payload: {
			accountId: account.id,
			passwordHash,
			reason: 'first',
			signingKey: key.publicKey,
			vault: key.vault
		}
	});
	if (result.ok) ctx.keyring.put(account.id, vaultKey);
	return result;
}

/** O3: the managing organization's password policy, judged on the typed password. */
function policyFor(
	ctx: AccountsContext,
	account: Account,
	password: string
): Promise<Result<true, AccountProblem>> {
	return checkPasswordPolicy(passwordRulesFor(ctx.store.state, account.id), password, [
		account.email,
		account.name
	]);
}
