// Helpers every account command shares: committing a draft, finding accounts by address or
// by token hash, the session checks (who acts, sudo mode), and the bridge between the core's
// opaque PasswordHash and the one the security layer verifies.
import { accountId, changeId, err, normaliseEmail, ok } from '$lib/core';
import type { Account, PasswordHash as StoredHash, Result, State } from '$lib/core';
import { PBKDF2_ITERATIONS } from '$lib/security';
import type { PasswordHash } from '$lib/security';
import type { ChangeDraft, CommitResult } from '$lib/store/types';
import { needsReauth } from '../session';
import type { SessionRecord } from '../session';
import type { AccountProblem, AccountsContext } from './types';

export function commit(ctx: AccountsContext, draft: ChangeDraft): Promise<CommitResult> {
	return ctx.store.commit(draft, ctx.now());
}

/**
 * X7: the time the next change will carry (this device's hybrid clock, never behind the wall
 * clock). Expiring links are issued and checked against it, so they are judged on the same
 * clock as the changes that issue and use them: a clock that ran ahead cannot expire them early.
 */
export function changeTime(ctx: AccountsContext): Promise<number> {
	return ctx.store.changeTime(ctx.now());
}

export function newChangeId(ctx: AccountsContext) {
	return changeId(ctx.newId('c_'));
}

/** The active account with that address (compared case-insensitively), if any. */
export function activeAccountByEmail(state: State, email: string): Account | undefined {
	const key = normaliseEmail(email)?.key;
	if (key === undefined) return undefined;
	const id = state.accountIdByEmailKey.get(key);
	const account = id === undefined ? undefined : state.accounts.get(id);
	return account?.status === 'active' ? account : undefined;
}

/** The account (active or deactivated, not deleted) with that address, if any. */
export function accountByEmail(state: State, email: string): Account | undefined {
	const key = normaliseEmail(email)?.key;
	if (key === undefined) return undefined;
	const id = state.accountIdByEmailKey.get(key);
	return id === undefined ? undefined : state.accounts.get(id);
}

/** X2: attempts are counted per address, whether or not an account has it. */
export function throttleKey(email: string): string {
	return normaliseEmail(email)?.key ?? email.trim().toLowerCase();
}

/** The session's account, if it is still active on this device. */
export function sessionAccount(
	ctx: AccountsContext,
	session: SessionRecord
): Result<Account, AccountProblem> {
	const account = ctx.store.state.accounts.get(accountId(session.accountId));
	if (account === undefined || account.status !== 'active') return err({ code: 'no-account' });
	return ok(account);
}

/** A12: the change needs the password entered within the last ten minutes. */
export function sudoAccount(
	ctx: AccountsContext,
	session: SessionRecord
): Result<Account, AccountProblem> {
	if (needsReauth(session, ctx.now())) return err({ code: 'reauth-required' });
	return sessionAccount(ctx, session);
}

/** The core keeps the hash opaque; only a hash in our own format is ever verified. */
export function verifiableHash(stored: StoredHash | null | undefined): PasswordHash | null {
	if (stored === null || stored === undefined) return null;
	if (stored.alg !== 'PBKDF2-SHA256' || stored.length !== 32) return null;
	return {
		alg: 'PBKDF2-SHA256',
		iterations: stored.iterations,
		salt: stored.salt,
		hash: stored.hash,
		length: 32
	};
}

/**
 * Verified when an address has no account (or no password), so a wrong address takes as
 * long as a wrong password and the timing does not tell which addresses have accounts.
 */
export const DUMMY_HASH: PasswordHash = {
	alg: 'PBKDF2-SHA256',
	iterations: PBKDF2_ITERATIONS,
	salt: 'dGVzc2VyYS1kdW1teS1zYWx0',
	hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
	length: 32
};
