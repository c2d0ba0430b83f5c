// Passwords: A4 "Can't log in?" (a single-use reset link that expires in an hour; it is
// also how an invited account, C4, gets its first password) and A5 change (sudo mode, A12).
// The new password is hashed before the change is recorded (S1); the reset token travels in
// clear only inside the change that mails it, and the account keeps its SHA-256.
import { err, ok } from '$lib/core';
import type { Account, AccountId, Result, State } from '$lib/core';
import {
	RESET_TOKEN_TTL_MS,
	checkResetToken,
	hashPassword,
	randomToken,
	sha256Base64url
} from '$lib/security';
import type { Committed } from '$lib/store/types';
import type { SessionRecord } from '../session';
import { changeTime, commit, newChangeId, sudoAccount } from './shared';
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

/** A4: sets the password through the mailed link; the core spends the token. */
export async function resetPassword(
	ctx: AccountsContext,
	input: { readonly token: string; readonly password: string }
): Promise<Result<Committed & { account: Account }, AccountProblem>> {
	// X7: judged at the time the change that uses the link will carry (the core's A4 check).
	const link = await inspectResetLink(ctx.store.state, input.token, await changeTime(ctx));
	if (!link.ok) return err({ code: link.code });
	const passwordHash = await hashPassword(input.password);
	const result = await commit(ctx, {
		id: newChangeId(ctx),
		actor: null,
		type: 'account.setPassword',
		payload: {
			accountId: link.account.id,
			passwordHash,
			reason: 'reset',
			resetTokenHash: await sha256Base64url(input.token)
		}
	});
	return result.ok ? ok({ ...result.value, account: link.account }) : result;
}

/** A5 + A12: the holder's new password, within ten minutes of entering the current one. */
export async function changePassword(
	ctx: AccountsContext,
	session: SessionRecord,
	password: string
): Promise<Result<Committed, AccountProblem>> {
	const found = sudoAccount(ctx, session);
	if (!found.ok) return found;
	const account = found.value;
	const passwordHash = await hashPassword(password);
	const hasOne =
		account.secrets.passwordHash !== undefined && account.secrets.passwordHash !== null;
	return commit(ctx, {
		id: newChangeId(ctx),
		actor: account.id,
		type: 'account.setPassword',
		payload: { accountId: account.id, passwordHash, reason: hasOne ? 'change' : 'first' }
	});
}
