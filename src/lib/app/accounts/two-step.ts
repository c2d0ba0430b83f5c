// A2/A5 two-step verification: enrolment (a fresh secret shown as a QR code and as a setup
// key, proved by one code from the app, then ten recovery codes shown once and stored only
// as hashes) and turning it off (a code again). Both are A12 sudo-mode changes. A7: an
// identity provider's account is refused by the core. X6: the secret is sealed in the
// account's vault, resealed with the vault key this tab holds for the session; without it (a
// reload, another tab) the answer is 'reauth-required' and the password derives it again.
import { err, ok } from '$lib/core';
import type { Account, Result } from '$lib/core';
import {
	hashRecoveryCode,
	newRecoveryCodes,
	newTotpSecret,
	openVault,
	sealVault,
	totpUri,
	verifyTotp
} from '$lib/security';
import type { VaultContents, VaultKey } from '$lib/security';
import type { SessionRecord } from '../session';
import { isAppCode, spendCode } from './codes';
import { commit, newChangeId, sudoAccount, throttleKey } from './shared';
import type { AccountProblem, AccountsContext } from './types';

export interface Enrolment {
	/** Base32, shown as the "Setup key". */
	readonly secret: string;
	/** otpauth://totp/… for the QR code. */
	readonly uri: string;
}

/** A new secret for the account's address; nothing is recorded until a code proves it. */
export function startEnrolment(email: string): Enrolment {
	const secret = newTotpSecret();
	return { secret, uri: totpUri({ secret, account: email }) };
}

/** Turns two-step verification on; answers the recovery codes, which are shown once. */
export async function enableTwoStep(
	ctx: AccountsContext,
	session: SessionRecord,
	input: { readonly secret: string; readonly code: string }
): Promise<Result<{ readonly recoveryCodes: readonly string[] }, AccountProblem>> {
	const found = sudoAccount(ctx, session);
	if (!found.ok) return found;
	const account = found.value;
	const opened = await heldVault(ctx, account);
	if (opened === null) return err({ code: 'reauth-required' });
	const check = verifyTotp({
		secret: input.secret,
		code: input.code,
		now: ctx.now(),
		lastUsedStep: null
	});
	if (!check.ok) return err({ code: 'wrong-code', reused: false });
	const recoveryCodes = newRecoveryCodes();
	const recoveryCodeHashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
	const result = await commit(ctx, {
		id: newChangeId(ctx),
		actor: account.id,
		type: 'account.enableTwoStep',
		payload: {
			accountId: account.id,
			vault: await sealVault(opened.key, {
				signingKey: opened.contents.signingKey,
				totpSecret: input.secret
			}),
			recoveryCodeHashes,
			verifiedStep: check.step
		}
	});
	return result.ok ? ok({ recoveryCodes }) : result;
}

/**
 * A13 + A12: new recovery codes, in sudo mode; the old ones stop working when the change
 * applies. Only their hashes travel in the change (X1); the codes are answered to be shown
 * once (and downloaded).
 */
export async function regenerateRecoveryCodes(
	ctx: AccountsContext,
	session: SessionRecord
): Promise<Result<{ readonly recoveryCodes: readonly string[] }, AccountProblem>> {
	const found = sudoAccount(ctx, session);
	if (!found.ok) return found;
	const account = found.value;
	const recoveryCodes = newRecoveryCodes();
	const result = await commit(ctx, {
		id: newChangeId(ctx),
		actor: account.id,
		type: 'account.regenerateRecoveryCodes',
		payload: {
			accountId: account.id,
			recoveryCodeHashes: await Promise.all(recoveryCodes.map(hashRecoveryCode))
		}
	});
	return result.ok ? ok({ recoveryCodes }) : result;
}

/** Turning it off needs a current code (or a recovery code), counted by the throttle (X2). */
export async function disableTwoStep(
	ctx: AccountsContext,
	session: SessionRecord,
	code: string
): Promise<Result<true, AccountProblem>> {
	const found = sudoAccount(ctx, session);
	if (!found.ok) return found;
	const account = found.value;
	const secret = await totpSecretHeld(ctx, account);
	// An app code needs the sealed secret; a recovery code does not.
	if (secret === null && isAppCode(code)) return err({ code: 'reauth-required' });
	const result = await ctx.throttle.attempt<Result<true, AccountProblem>>(
		throttleKey(account.email),
		() => ctx.now(),
		async () => {
			const spent = await spendCode(ctx, account, code, secret);
			if (!spent.ok) {
				return { outcome: 'failure', value: err({ code: 'wrong-code', reused: spent.reused }) };
			}
			const off = await commit(ctx, {
				id: newChangeId(ctx),
				actor: account.id,
				type: 'account.disableTwoStep',
				payload: { accountId: account.id }
			});
			return { outcome: 'success', value: off.ok ? ok(true) : off };
		}
	);
	if (result.throttled) {
		return err({ code: 'throttled', retryAt: result.retryAt, reason: result.reason });
	}
	return result.value;
}

/** X6: the account's vault opened with the key this tab holds, or null when it holds none. */
async function heldVault(
	ctx: AccountsContext,
	account: Account
): Promise<{ readonly key: VaultKey; readonly contents: VaultContents } | null> {
	const key = ctx.keyring.get(account.id);
	const vault = account.secrets.vault ?? null;
	if (key === undefined || vault === null) return null;
	const contents = await openVault(key, vault);
	return contents === null ? null : { key, contents };
}

/** The TOTP secret: in clear from before X6, else sealed in the vault (needs the held key). */
async function totpSecretHeld(ctx: AccountsContext, account: Account): Promise<string | null> {
	const clear = account.secrets.twoStep?.totpSecret;
	if (typeof clear === 'string') return clear;
	return (await heldVault(ctx, account))?.contents.totpSecret ?? null;
}
