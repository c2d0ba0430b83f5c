// A5 profile: full name and avatar, a new email address (confirmed through a link mailed to
// it, A12 sudo mode to ask), and A8 deleting the account. A3: no command here, or anywhere,
// combines two accounts; an address in use is refused.
import { apply, err, normaliseEmail } from '$lib/core';
import type { Refusal, Result } from '$lib/core';
import { randomToken, sha256Base64url } from '$lib/security';
import type { Committed } from '$lib/store/types';
import type { SessionRecord } from '../session';
import { commit, newChangeId, sessionAccount, sudoAccount } from './shared';
import type { AccountProblem, AccountsContext } from './types';

/** Omitted fields stay as they are; `avatar: null` removes the picture. */
export async function updateProfile(
	ctx: AccountsContext,
	session: SessionRecord,
	input: { readonly name?: string; readonly avatar?: string | null }
): Promise<Result<Committed, AccountProblem>> {
	const found = sessionAccount(ctx, session);
	if (!found.ok) return found;
	const id = found.value.id;
	return commit(ctx, {
		id: newChangeId(ctx),
		actor: id,
		type: 'account.updateProfile',
		payload: { accountId: id, ...input }
	});
}

export async function requestEmailChange(
	ctx: AccountsContext,
	session: SessionRecord,
	newEmail: string
): Promise<Result<Committed, AccountProblem>> {
	const found = sudoAccount(ctx, session);
	if (!found.ok) return found;
	const account = found.value;
	const key = normaliseEmail(newEmail)?.key;
	if (
		key !== undefined &&
		key !== account.emailKey &&
		ctx.store.state.accountIdByEmailKey.has(key)
	) {
		return err({ code: 'email-taken' });
	}
	const token = randomToken();
	return commit(ctx, {
		id: newChangeId(ctx),
		actor: account.id,
		type: 'account.requestEmailChange',
		payload: { accountId: account.id, newEmail, token, tokenHash: await sha256Base64url(token) }
	});
}

/** The link works only for the account that asked, so it needs that account's session. */
export async function confirmEmailChange(
	ctx: AccountsContext,
	session: SessionRecord,
	token: string
): Promise<Result<Committed, AccountProblem>> {
	const found = sessionAccount(ctx, session);
	if (!found.ok) return found;
	if (token === '') return err({ code: 'invalid-token' });
	const id = found.value.id;
	return commit(ctx, {
		id: newChangeId(ctx),
		actor: id,
		type: 'account.confirmEmailChange',
		payload: { accountId: id, tokenHash: await sha256Base64url(token) }
	});
}

/**
 * A8: whether deleting would be refused, and why (the licenses where the account is a
 * primary contact), asked of the core's pure rules without recording anything.
 */
export function deletionBlocker(ctx: AccountsContext, session: SessionRecord): Refusal | null {
	const found = sessionAccount(ctx, session);
	if (!found.ok) return { code: 'unknown-account' };
	const id = found.value.id;
	const outcome = apply(ctx.store.state, {
		id: newChangeId(ctx),
		device: ctx.store.device,
		clock: '',
		at: ctx.now(),
		actor: id,
		prev: null,
		type: 'account.delete',
		payload: { accountId: id }
	});
	return outcome.ok ? null : outcome.error;
}

export async function deleteAccount(
	ctx: AccountsContext,
	session: SessionRecord
): Promise<Result<Committed, AccountProblem>> {
	const found = sessionAccount(ctx, session);
	if (!found.ok) return found;
	const id = found.value.id;
	return commit(ctx, {
		id: newChangeId(ctx),
		actor: id,
		type: 'account.delete',
		payload: { accountId: id }
	});
}
