// O5/A7: logging in through the (simulated) identity provider. The provider's page takes the
// address and the provider password; the password is checked against the directory's hash
// (X1) under the same throttle as a log in (X2), and a wrong address and a wrong password
// look the same. The first sign-in of a directory person without an account makes it (its
// source is the provider, its address vouched for by it). X6: the account key is sealed under
// the provider password: opened when it still opens, otherwise (no vault yet, or the
// directory's password changed) a new key and vault are made, as an A4 reset does. The
// provider is trusted for the second factor (A7): no Tessera code is asked here.
import {
	accountId,
	changeId,
	managedBy,
	normaliseEmail,
	requiredActions,
	signInRoute
} from '$lib/core';
import type { Account, SignInRoute } from '$lib/core';
import { kdfOf } from '../kdf';
import { finishLogin, unsealAtLogin, vaultKeyFor } from './login-keys';
import type { Unsealed } from './login-keys';
import type { LoggedIn } from './login';
import { accountByEmail, DUMMY_HASH, throttleKey, verifiableHash } from './shared';
import type { AccountsContext } from './types';

export type ProviderLogin =
	| {
			readonly kind: 'throttled';
			readonly retryAt: number;
			readonly reason: 'slow-down' | 'locked';
	  }
	| { readonly kind: 'invalid' }
	| { readonly kind: 'deactivated'; readonly organization: string | null }
	/** The account changed meanwhile (another tab or an import): start again. */
	| { readonly kind: 'expired' }
	| LoggedIn;

type Attempt = {
	readonly outcome: 'success' | 'failure' | 'neutral';
	readonly value: ProviderLogin;
};

const INVALID: Attempt = { outcome: 'failure', value: { kind: 'invalid' } };

export async function logInThroughProvider(
	ctx: AccountsContext,
	input: { readonly email: string; readonly password: string }
): Promise<ProviderLogin> {
	const result = await ctx.throttle.attempt<ProviderLogin>(
		throttleKey(input.email),
		() => ctx.now(),
		async () => {
			const state = ctx.store.state;
			const route = signInRoute(state, input.email);
			const found = accountByEmail(state, input.email);
			// A6: an identity provider's account says why at once (its source is no secret, A7).
			if (found?.status === 'deactivated' && found.source !== 'password') {
				return { outcome: 'neutral', value: deactivated(ctx, found) };
			}
			const person = personOf(route, input.email);
			const stored = verifiableHash(person?.passwordHash);
			const kdf = kdfOf(ctx);
			const [matches, key] = await Promise.all([
				kdf.verify(input.password, stored ?? DUMMY_HASH),
				vaultKeyFor(kdf, input.password, found)
			]);
			if (!matches || stored === null || person === undefined || route === null) return INVALID;
			const fresh = found && ctx.store.state.accounts.get(found.id);
			if (fresh?.status === 'deactivated') {
				return { outcome: 'neutral', value: deactivated(ctx, fresh) };
			}
			const account = fresh ?? (await provision(ctx, route.provider, person.email, person.name));
			if (account === undefined || account.status !== 'active') {
				return { outcome: 'neutral', value: { kind: 'expired' } };
			}
			const unsealed = await sealedUnder(ctx, account, input.password, key);
			const done = await finishLogin(ctx, account, unsealed);
			if (!done.ok) return { outcome: 'neutral', value: { kind: 'expired' } };
			// A7: password age and two-step enrolment are the provider's, not asked here.
			const value: LoggedIn = {
				kind: 'logged-in',
				account: done.account,
				required: requiredActions(done.account, {}, ctx.now()),
				recoveryCodesLeft: null,
				session: done.session
			};
			return { outcome: 'success', value };
		}
	);
	return result.throttled
		? { kind: 'throttled', retryAt: result.retryAt, reason: result.reason }
		: result.value;
}

function personOf(route: SignInRoute | null, email: string) {
	const people = route?.organization?.directory ?? [];
	const key = normaliseEmail(email)?.key;
	return key === undefined ? undefined : people.find((p) => p.emailKey === key);
}

function deactivated(ctx: AccountsContext, account: Account): ProviderLogin {
	return {
		kind: 'deactivated',
		organization: managedBy(ctx.store.state, account.id)?.name ?? null
	};
}

/** O5: the directory person's first sign-in makes their account (the provider vouches). */
async function provision(
	ctx: AccountsContext,
	provider: 'saml' | 'google',
	email: string,
	name: string
): Promise<Account | undefined> {
	const id = accountId(ctx.newId('a_'));
	const made = await ctx.store.commit(
		{
			id: changeId(ctx.newId('c_')),
			actor: null,
			type: 'account.create',
			payload: { accountId: id, email, name, mode: 'signup', source: provider }
		},
		ctx.now()
	);
	return made.ok ? ctx.store.state.accounts.get(id) : undefined;
}

/**
 * X6: the vault the provider password opens, or, when there is none or it no longer opens
 * (the directory's password changed), a fresh key for the new one finishLogin makes.
 */
async function sealedUnder(
	ctx: AccountsContext,
	account: Account,
	password: string,
	key: Awaited<ReturnType<typeof vaultKeyFor>>
): Promise<Unsealed> {
	const kdf = kdfOf(ctx);
	const opened = await unsealAtLogin(kdf, account, password, key);
	if (opened !== null && opened.contents !== null) return opened;
	return {
		key: opened?.key ?? (await kdf.newVaultKey(password)),
		vault: account.secrets.vault ?? null,
		contents: null
	};
}
