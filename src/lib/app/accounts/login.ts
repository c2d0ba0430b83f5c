// A2 log in, its two-step second step, and A12 re-authentication ("sudo mode"). Every
// attempt goes through the device's throttle gate (X2) under a cross-tab lock: a wrong
// password or code counts, a full success clears the count, and a right password that still
// needs its second step counts as neither, so knowing the password never resets the count
// an attacker guessing codes runs up. A wrong address and a wrong password look the same.
import { requiredActions } from '$lib/core';
import type { Account, AccountId, RequiredAction, SignInSource } from '$lib/core';
import { verifyPassword } from '$lib/security';
import type { SessionRecord } from '../session';
import { spendCode } from './codes';
import {
	activeAccountByEmail,
	DUMMY_HASH,
	sessionAccount,
	throttleKey,
	verifiableHash
} from './shared';
import type { AccountsContext } from './types';

/** How long the second step may take after the password was right. */
export const SECOND_STEP_MS = 5 * 60_000;

/** Kept in the page's memory between the two steps; never stored. */
export interface PendingLogin {
	readonly accountId: AccountId;
	readonly email: string;
	readonly expiresAt: number;
}

type Throttle = {
	readonly kind: 'throttled';
	readonly retryAt: number;
	readonly reason: 'slow-down' | 'locked';
};

export type LoggedIn = {
	readonly kind: 'logged-in';
	readonly account: Account;
	/** A12: to complete before anything else. */
	readonly required: readonly RequiredAction[];
	/** After a recovery code: how many are left. */
	readonly recoveryCodesLeft: number | null;
};

export type LoginStep =
	| Throttle
	| { readonly kind: 'invalid' }
	/** A7: this account signs in through its identity provider. */
	| { readonly kind: 'identity-provider'; readonly source: Exclude<SignInSource, 'password'> }
	| { readonly kind: 'second-step'; readonly pending: PendingLogin }
	| LoggedIn;

export type SecondStep =
	| Throttle
	/** The five minutes ran out, or the account changed meanwhile: start again. */
	| { readonly kind: 'expired' }
	| { readonly kind: 'invalid'; readonly reused: boolean }
	| LoggedIn;

function loggedIn(ctx: AccountsContext, account: Account, recoveryCodesLeft: number | null) {
	const policy = ctx.policy?.(account) ?? {};
	return {
		kind: 'logged-in',
		account,
		required: requiredActions(account, policy, ctx.now()),
		recoveryCodesLeft
	} satisfies LoggedIn;
}

export async function logIn(
	ctx: AccountsContext,
	input: { readonly email: string; readonly password: string }
): Promise<LoginStep> {
	const result = await ctx.throttle.attempt<LoginStep>(
		throttleKey(input.email),
		() => ctx.now(),
		async () => {
			const found = activeAccountByEmail(ctx.store.state, input.email);
			if (found !== undefined && found.source !== 'password') {
				return { outcome: 'neutral', value: { kind: 'identity-provider', source: found.source } };
			}
			const stored = verifiableHash(found?.secrets.passwordHash);
			const matches = await verifyPassword(input.password, stored ?? DUMMY_HASH);
			// Reread after the slow hash: another tab may have changed the account meanwhile.
			const account = found && ctx.store.state.accounts.get(found.id);
			if (!matches || stored === null || account?.status !== 'active') {
				return { outcome: 'failure', value: { kind: 'invalid' } };
			}
			if (account.secrets.twoStep) {
				const pending = {
					accountId: account.id,
					email: account.email,
					expiresAt: ctx.now() + SECOND_STEP_MS
				};
				return { outcome: 'neutral', value: { kind: 'second-step', pending } };
			}
			return { outcome: 'success', value: loggedIn(ctx, account, null) };
		}
	);
	return result.throttled ? throttled(result) : result.value;
}

export async function verifySecondStep(
	ctx: AccountsContext,
	pending: PendingLogin,
	code: string
): Promise<SecondStep> {
	const result = await ctx.throttle.attempt<SecondStep>(
		throttleKey(pending.email),
		() => ctx.now(),
		async () => {
			const account = ctx.store.state.accounts.get(pending.accountId);
			if (
				ctx.now() >= pending.expiresAt ||
				account?.status !== 'active' ||
				!account.secrets.twoStep
			) {
				return { outcome: 'neutral', value: { kind: 'expired' } };
			}
			const spent = await spendCode(ctx, account, code);
			if (!spent.ok)
				return { outcome: 'failure', value: { kind: 'invalid', reused: spent.reused } };
			const fresh = ctx.store.state.accounts.get(account.id) ?? account;
			return { outcome: 'success', value: loggedIn(ctx, fresh, spent.recoveryCodesLeft) };
		}
	);
	return result.throttled ? throttled(result) : result.value;
}

export type Reauth = { readonly kind: 'ok' } | { readonly kind: 'invalid' } | Throttle;

/** A12: the password again, for a session whose login is older than ten minutes. */
export async function reauthenticate(
	ctx: AccountsContext,
	session: SessionRecord,
	password: string
): Promise<Reauth> {
	const found = sessionAccount(ctx, session);
	if (!found.ok) return { kind: 'invalid' };
	const account = found.value;
	const result = await ctx.throttle.attempt<Reauth>(
		throttleKey(account.email),
		() => ctx.now(),
		async () => {
			const stored = verifiableHash(account.secrets.passwordHash);
			const matches = await verifyPassword(password, stored ?? DUMMY_HASH);
			return matches && stored !== null
				? { outcome: 'success', value: { kind: 'ok' } }
				: { outcome: 'failure', value: { kind: 'invalid' } };
		}
	);
	return result.throttled ? throttled(result) : result.value;
}

function throttled(t: { retryAt: number; reason: 'slow-down' | 'locked' }): Throttle {
	return { kind: 'throttled', retryAt: t.retryAt, reason: t.reason };
}
