// A2 log in, its two-step second step, and A12 re-authentication ("sudo mode"). Every
// attempt goes through the device's throttle gate (X2) under a cross-tab lock: a wrong
// password or code counts, a full success clears the count, and a right password that still
// needs its second step counts as neither, so knowing the password never resets the count
// an attacker guessing codes runs up. A wrong address and a wrong password look the same.
// X6: the password also opens the account's vault (a second PBKDF2, run beside the hash's);
// the second step checks the code with the secret sealed there, and a finished log in
// enrolls this device and answers a session record signed by the account key.
import {
	accountPolicy,
	deskSitesOf,
	managedBy,
	requiredActions,
	signInRoute,
	signsInThroughProvider
} from '$lib/core';
import type { Account, AccountId, RequiredAction, SignInSource, State } from '$lib/core';
import { openVault } from '$lib/security';
import { kdfOf } from '../kdf';
import type { SessionRecord } from '../session';
import { spendCode } from './codes';
import { finishLogin, totpSecretOf, unsealAtLogin, vaultKeyFor } from './login-keys';
import type { Unsealed } from './login-keys';
import { accountByEmail, DUMMY_HASH, sessionAccount, throttleKey, verifiableHash } from './shared';
import type { AccountsContext } from './types';

/** How long the second step may take after the password was right. */
export const SECOND_STEP_MS = 5 * 60_000;

/** Kept in the page's memory between the two steps; never stored. */
export interface PendingLogin {
	readonly accountId: AccountId;
	readonly email: string;
	readonly expiresAt: number;
	/** X6: the vault the password opened, for the second step only. */
	readonly unsealed: Unsealed;
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
	/** X6: the session record, signed by the account key for this device. */
	readonly session: SessionRecord;
};

export type LoginStep =
	| Throttle
	| { readonly kind: 'invalid' }
	/**
	 * A6: the account is deactivated (by an admin of the organization that manages it, named
	 * when there still is one). Said only after the right password, or for an identity
	 * provider's account (whose source the answer already tells).
	 */
	| { readonly kind: 'deactivated'; readonly organization: string | null }
	/** A7: this account signs in through its identity provider. */
	| { readonly kind: 'identity-provider'; readonly source: Exclude<SignInSource, 'password'> }
	/**
	 * A9: no account has the address, but service desks have it as a portal-only customer:
	 * the sites whose help center it uses instead. Counted as a failure (X2).
	 */
	| { readonly kind: 'desk-customer'; readonly sites: readonly string[] }
	| { readonly kind: 'second-step'; readonly pending: PendingLogin }
	/** X6: the password is right but the account's vault does not open: reset the password. */
	| { readonly kind: 'key-unreadable' }
	/** The account changed while logging in (another tab or an import): start again. */
	| { readonly kind: 'expired' }
	| LoggedIn;

export type SecondStep =
	| Throttle
	/** The five minutes ran out, or the account changed meanwhile: start again. */
	| { readonly kind: 'expired' }
	| { readonly kind: 'invalid'; readonly reused: boolean }
	| LoggedIn;

/** X6: keys, enrollment and the signed session; 'expired' when the account changed meanwhile. */
async function finish(
	ctx: AccountsContext,
	account: Account,
	unsealed: Unsealed,
	recoveryCodesLeft: number | null
): Promise<LoggedIn | { readonly kind: 'expired' }> {
	const done = await finishLogin(ctx, account, unsealed);
	if (!done.ok) return { kind: 'expired' };
	// O3/O4: the policy of the organization that manages the account, read now (fresh).
	const policy = ctx.policy?.(done.account) ?? accountPolicy(ctx.store.state, done.account.id);
	return {
		kind: 'logged-in',
		account: done.account,
		required: requiredActions(done.account, policy, ctx.now()),
		recoveryCodesLeft,
		session: done.session
	};
}

/** A6: why the account cannot log in, with the organization that manages it. */
function deactivated(ctx: AccountsContext, account: Account): LoginStep {
	return {
		kind: 'deactivated',
		organization: managedBy(ctx.store.state, account.id)?.name ?? null
	};
}

export async function logIn(
	ctx: AccountsContext,
	input: { readonly email: string; readonly password: string }
): Promise<LoginStep> {
	const result = await ctx.throttle.attempt<LoginStep>(
		throttleKey(input.email),
		() => ctx.now(),
		async () => {
			const found = accountByEmail(ctx.store.state, input.email);
			if (found !== undefined && found.source !== 'password' && found.status === 'deactivated') {
				return { outcome: 'neutral', value: deactivated(ctx, found) };
			}
			// O5/A7: an address whose organization uses single sign-on (or an identity provider's
			// account) signs in on the provider's page, never with a Tessera password.
			const route = signInRoute(ctx.store.state, input.email);
			if (route !== null) {
				return { outcome: 'neutral', value: { kind: 'identity-provider', source: route.provider } };
			}
			const stored = verifiableHash(found?.secrets.passwordHash);
			const kdf = kdfOf(ctx);
			const [matches, key] = await Promise.all([
				kdf.verify(input.password, stored ?? DUMMY_HASH),
				vaultKeyFor(kdf, input.password, found)
			]);
			// Reread after the slow hash: another tab may have changed the account meanwhile.
			const account = found && ctx.store.state.accounts.get(found.id);
			if (matches && stored !== null && account?.status === 'deactivated') {
				return { outcome: 'neutral', value: deactivated(ctx, account) };
			}
			if (found === undefined) {
				// A9: only when no account has the address; after the same hash as a wrong password.
				const sites = deskSitesOf(ctx.store.state, input.email).map((s) => s.name);
				if (sites.length > 0)
					return { outcome: 'failure', value: { kind: 'desk-customer', sites } };
			}
			if (!matches || stored === null || account?.status !== 'active') {
				return { outcome: 'failure', value: { kind: 'invalid' } };
			}
			const unsealed =
				(await unsealAtLogin(kdf, account, input.password, key)) ??
				(await pushedPasswordKey(kdf, account, input.password));
			if (unsealed === null) return { outcome: 'neutral', value: { kind: 'key-unreadable' } };
			if (account.secrets.twoStep) {
				const pending = {
					accountId: account.id,
					email: account.email,
					expiresAt: ctx.now() + SECOND_STEP_MS,
					unsealed
				};
				return { outcome: 'neutral', value: { kind: 'second-step', pending } };
			}
			const value = await finish(ctx, account, unsealed, null);
			return { outcome: value.kind === 'logged-in' ? 'success' : 'neutral', value };
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
			const secret = totpSecretOf(account, pending.unsealed);
			const spent = await spendCode(ctx, account, code, secret);
			if (!spent.ok)
				return { outcome: 'failure', value: { kind: 'invalid', reused: spent.reused } };
			const fresh = ctx.store.state.accounts.get(account.id) ?? account;
			const value = await finish(ctx, fresh, pending.unsealed, spent.recoveryCodesLeft);
			return { outcome: value.kind === 'logged-in' ? 'success' : 'neutral', value };
		}
	);
	return result.throttled ? throttled(result) : result.value;
}

export type Reauth = { readonly kind: 'ok' } | { readonly kind: 'invalid' } | Throttle;

/**
 * A12: the password again, for a session whose login is older than ten minutes. X6: it also
 * opens the vault again, so this tab holds the key for changes that reseal it.
 */
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
			// O5/A12: an account that signs in through a provider confirms with the provider
			// password (the directory's hash), which its vault is sealed under too (X6).
			const stored = verifiableHash(
				signsInThroughProvider(ctx.store.state, account)
					? providerHash(ctx.store.state, account)
					: account.secrets.passwordHash
			);
			const vault = account.secrets.vault ?? null;
			const kdf = kdfOf(ctx);
			const [matches, key] = await Promise.all([
				kdf.verify(password, stored ?? DUMMY_HASH),
				vault === null ? null : kdf.vaultKeyFor(password, vault)
			]);
			if (!matches || stored === null) return { outcome: 'failure', value: { kind: 'invalid' } };
			if (key !== null && (await openVault(key, vault)) !== null) ctx.keyring.put(account.id, key);
			return { outcome: 'success', value: { kind: 'ok' } };
		}
	);
	return result.throttled ? throttled(result) : result.value;
}

/**
 * O5 password sync: the directory pushed this password, so the vault sealed under the old one
 * does not open: a fresh key, for the new key and vault finishLogin makes (as provider log in
 * does). Null for any other account: its vault not opening is 'key-unreadable'.
 */
async function pushedPasswordKey(
	kdf: ReturnType<typeof kdfOf>,
	account: Account,
	password: string
): Promise<Unsealed | null> {
	if (account.secrets.passwordPushed !== true) return null;
	return {
		key: await kdf.newVaultKey(password),
		vault: account.secrets.vault ?? null,
		contents: null
	};
}

function throttled(t: { retryAt: number; reason: 'slow-down' | 'locked' }): Throttle {
	return { kind: 'throttled', retryAt: t.retryAt, reason: t.reason };
}

/** O5: the directory's hash of the account's provider password, where its domain's organization keeps one. */
function providerHash(state: State, account: Account) {
	const people = signInRoute(state, account.email)?.organization?.directory ?? [];
	return people.find((p) => p.emailKey === account.emailKey)?.passwordHash ?? null;
}
