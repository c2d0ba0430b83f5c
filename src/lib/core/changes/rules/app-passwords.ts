// A14: app passwords. The holder creates them (one site each) and revokes them; an admin of
// the organization managing the account (O2) revokes them too; an accepted basic-authentication
// check records when one was last used.
import type { Refusal } from '../../errors';
import type { Account, AppPassword } from '../../model';
import { appPasswordsOf } from '../../product-queries';
import { ok } from '../../result';
import type { Result } from '../../result';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_NAME, requireActor, text } from '../guards';
import type { AppPasswordCreate, AppPasswordRevoke, AppPasswordUse } from '../types';

/** A14: a SHA-256 as unpadded base64url, as the app layer makes it from the secret. */
const SHA256_B64URL = /^[A-Za-z0-9_-]{43}$/;

/** A14: at most this many app passwords per account. */
export const MAX_APP_PASSWORDS = 100;

/** O2 without the state's index: the organization that verified the account's domain. */
function managingOrganization(d: Draft, account: Account) {
	const domain = account.emailKey.slice(account.emailKey.lastIndexOf('@') + 1);
	const id = d.state.organizationIdByDomain.get(domain);
	return id === undefined ? undefined : d.organization(id);
}

export function appPasswordCreate(d: Draft, c: AppPasswordCreate): Outcome {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const p = c.payload;
	const name = text(p.name, MAX_NAME);
	if (name === null) return refuse('name-required');
	if (d.site(p.siteId) === undefined) return refuse('unknown-site', { id: p.siteId });
	if (!SHA256_B64URL.test(p.secretHash)) return refuse('invalid-payload', { field: 'secretHash' });
	const list = appPasswordsOf(actor.value);
	const key = name.toLowerCase();
	if (list.some((x) => x.name.toLowerCase() === key)) return refuse('app-password-name-taken');
	if (list.some((x) => x.id === c.id)) return refuse('duplicate-id', { id: c.id });
	if (list.length >= MAX_APP_PASSWORDS) return refuse('invalid-payload', { field: 'name' });
	const created: AppPassword = {
		id: c.id,
		name,
		siteId: p.siteId,
		secretHash: p.secretHash,
		createdAt: c.at,
		lastUsedAt: null
	};
	d.putAccount({ ...actor.value, appPasswords: [...list, created] });
	return done();
}

function findAppPassword(
	d: Draft,
	p: AppPasswordRevoke['payload']
): Result<{ account: Account; found: AppPassword }, Refusal> {
	const account = d.account(p.accountId);
	if (account === undefined || account.status === 'deleted') {
		return refuse('unknown-account', { id: p.accountId });
	}
	const found = appPasswordsOf(account).find((x) => x.id === p.entryId);
	return found === undefined ? refuse('unknown-app-password') : ok({ account, found });
}

/** A14: the holder, or an admin of the organization that manages the account (O2, A6). */
export function appPasswordRevoke(d: Draft, c: AppPasswordRevoke): Outcome {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const target = findAppPassword(d, c.payload);
	if (!target.ok) return target;
	const { account, found } = target.value;
	if (actor.value.id !== account.id) {
		const org = managingOrganization(d, account);
		if (org === undefined || !org.admins.includes(actor.value.id)) {
			return refuse('not-allowed');
		}
	}
	const appPasswords = appPasswordsOf(account).filter((x) => x !== found);
	d.putAccount({ ...account, appPasswords });
	return done();
}

/** A14: anyone may record that a check accepted the app password; the latest time wins. */
export function appPasswordUse(d: Draft, c: AppPasswordUse): Outcome {
	const target = findAppPassword(d, c.payload);
	if (!target.ok) return target;
	const { account, found } = target.value;
	if (account.status !== 'active') return refuse('account-inactive', { id: account.id });
	const lastUsedAt = Math.max(found.lastUsedAt ?? 0, c.at);
	const appPasswords = appPasswordsOf(account).map((x) => (x === found ? { ...x, lastUsedAt } : x));
	d.putAccount({ ...account, appPasswords });
	return done();
}
