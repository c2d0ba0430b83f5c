// A2/X2: spending a second-factor code. A TOTP code is checked against the secret (±1 step)
// and its step recorded as a change, so it works once on every device; a recovery code is
// matched against the stored hashes and spent as a change. The core refuses a step already
// used, so two tabs racing with the same code cannot both succeed.
import type { Account } from '$lib/core';
import { hashRecoveryCode, useRecoveryCode, verifyTotp } from '$lib/security';
import { commit, newChangeId } from './shared';
import type { AccountsContext } from './types';

export type SpentCode =
	| { readonly ok: true; readonly recoveryCodesLeft: number | null }
	| { readonly ok: false; readonly reused: boolean };

/** Six digits (spaces allowed) are an app code; anything else is tried as a recovery code. */
export function isAppCode(code: string): boolean {
	return /^\d{6}$/.test(code.replace(/\s+/g, ''));
}

/**
 * `secret` is the TOTP secret the caller unsealed from the vault (X6) or found in clear in a
 * record from before X6; null: not at hand, so only a recovery code can be spent.
 */
export async function spendCode(
	ctx: AccountsContext,
	account: Account,
	code: string,
	secret: string | null
): Promise<SpentCode> {
	const twoStep = account.secrets.twoStep;
	if (twoStep === undefined || twoStep === null) return { ok: false, reused: false };
	if (isAppCode(code)) {
		if (secret === null) return { ok: false, reused: false };
		const check = verifyTotp({
			secret,
			code,
			now: ctx.now(),
			lastUsedStep: twoStep.lastUsedStep
		});
		if (!check.ok) return { ok: false, reused: check.reason === 'reused' };
		const recorded = await commit(ctx, {
			id: newChangeId(ctx),
			actor: account.id,
			type: 'account.useTotpStep',
			payload: { accountId: account.id, step: check.step }
		});
		if (!recorded.ok) return { ok: false, reused: recorded.error.code === 'code-reused' };
		return { ok: true, recoveryCodesLeft: null };
	}
	const match = await useRecoveryCode(code, twoStep.recoveryCodeHashes);
	if (!match.ok) return { ok: false, reused: false };
	const spent = await commit(ctx, {
		id: newChangeId(ctx),
		actor: account.id,
		type: 'account.useRecoveryCode',
		payload: { accountId: account.id, recoveryCodeHash: await hashRecoveryCode(code) }
	});
	if (!spent.ok) return { ok: false, reused: false };
	return { ok: true, recoveryCodesLeft: match.remaining.length };
}
