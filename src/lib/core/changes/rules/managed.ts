// O2/A6: an organization's admins act on the accounts it manages. Authority is checked here,
// not in the UI (X3, S6): the actor is an active admin of the organization the change names,
// and that organization is the one managing the account now (`managedBy`), so removing a
// domain ends every admin power over its accounts at once. Every action mails the holder a
// security notice naming the organization and the admin (A13).
import { signsInThroughProvider } from '../../sso';
import { normaliseEmail } from '../../domains';
import type { Refusal } from '../../errors';
import { adminActionNotice } from '../../mail-managed';
import type { AdminAction } from '../../mail-managed';
import type { Account, Organization } from '../../model';
import { managedBy } from '../../organization-queries';
import { ok } from '../../result';
import type { Result } from '../../result';
import { withSecrets } from '../account-guards';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_NAME, requireActor, text } from '../guards';
import type {
	ManagedChangeEmail,
	ManagedChangeName,
	ManagedDeactivate,
	ManagedDelete,
	ManagedReactivate,
	ManagedResetTwoStep
} from '../managed-types';
import { primaryBlockers, removeAccount } from './account-delete';

interface Acting {
	readonly admin: Account;
	readonly org: Organization;
	readonly account: Account;
}

const domainOf = (key: string): string => key.slice(key.lastIndexOf('@') + 1);

/**
 * S6, then O2/A6: an active actor, an organization on this device of which the actor is an
 * admin, and an account (not deleted) that this organization manages.
 */
function requireManaging(
	d: Draft,
	p: { readonly organizationId: Organization['id']; readonly accountId: Account['id'] }
): Result<Acting, Refusal> {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const org = d.organization(p.organizationId);
	if (org === undefined) return refuse('unknown-organization', { id: p.organizationId });
	if (!org.admins.includes(actor.value.id)) return refuse('not-organization-admin');
	const account = d.account(p.accountId);
	if (account === undefined) return refuse('unknown-account', { id: p.accountId });
	if (managedBy(d.state, account.id)?.id !== org.id) return refuse('not-managed');
	return ok({ admin: actor.value, org, account });
}

function notify(d: Draft, a: Acting, action: AdminAction, to: Account = a.account): void {
	d.send(to, adminActionNotice(a.account, a.org, a.admin, action));
}

/**
 * A6: the new address takes effect at once: free (A3: never merged), valid, and on a domain
 * the same organization verified, so an admin cannot move an account out of its management
 * (or into someone else's). The organization vouches for the domain, so it counts as
 * verified; a pending self-service change is dropped. Both addresses get the notice.
 */
export function managedChangeEmail(d: Draft, c: ManagedChangeEmail): Outcome {
	const acting = requireManaging(d, c.payload);
	if (!acting.ok) return acting;
	const { account, org } = acting.value;
	const address = normaliseEmail(c.payload.email);
	if (address === null) return refuse('invalid-email');
	if (address.key === account.emailKey) return refuse('invalid-payload', { field: 'email' });
	if (d.state.organizationIdByDomain.get(domainOf(address.key)) !== org.id) {
		return refuse('email-outside-organization');
	}
	const holder = d.accountByEmailKey(address.key);
	if (holder !== undefined && holder.id !== account.id) return refuse('email-taken');
	const next: Account = {
		...withSecrets(account, { pendingEmail: null, verifyTokenHash: null }),
		email: address.email,
		emailKey: address.key,
		verified: true
	};
	d.putAccount(next);
	const action: AdminAction = { kind: 'email', from: account.email, to: address.email };
	notify(d, acting.value, action, account);
	notify(d, acting.value, action, next);
	return done();
}

/** O2: the admin sets the full name (A7: an identity provider's account keeps the provider's). */
export function managedChangeName(d: Draft, c: ManagedChangeName): Outcome {
	const acting = requireManaging(d, c.payload);
	if (!acting.ok) return acting;
	const { account } = acting.value;
	const name = text(c.payload.name, MAX_NAME);
	if (name === null) return refuse('name-required');
	if (name === account.name) return refuse('invalid-payload', { field: 'name' });
	if (signsInThroughProvider(d.state, account)) return refuse('managed-by-idp');
	d.putAccount({ ...account, name });
	notify(d, acting.value, { kind: 'name', from: account.name, to: name });
	return done();
}

/** A6/A8: not while it is a primary contact; its other roles stay (reactivation restores it). */
export function managedDeactivate(d: Draft, c: ManagedDeactivate): Outcome {
	const acting = requireManaging(d, c.payload);
	if (!acting.ok) return acting;
	const { account, admin } = acting.value;
	if (account.id === admin.id) return refuse('own-account');
	if (account.status !== 'active') return refuse('already-deactivated');
	const blocked = primaryBlockers(d, account);
	if (blocked !== null) return { ok: false, error: blocked };
	d.putAccount({ ...account, status: 'deactivated' });
	notify(d, acting.value, { kind: 'deactivated' });
	return done();
}

export function managedReactivate(d: Draft, c: ManagedReactivate): Outcome {
	const acting = requireManaging(d, c.payload);
	if (!acting.ok) return acting;
	const { account } = acting.value;
	if (account.status !== 'deactivated') return refuse('not-deactivated');
	d.putAccount({ ...account, status: 'active' });
	notify(d, acting.value, { kind: 'reactivated' });
	return done();
}

/** A6/A8: the holder's own deletion (its other contacts go with it), by an admin. */
export function managedDelete(d: Draft, c: ManagedDelete): Outcome {
	const acting = requireManaging(d, c.payload);
	if (!acting.ok) return acting;
	const { account, admin } = acting.value;
	if (account.id === admin.id) return refuse('own-account');
	const removed = removeAccount(d, account);
	if (!removed.ok) return removed;
	notify(d, acting.value, { kind: 'deleted', removedRoles: removed.value });
	return done();
}

/**
 * O2: two-step verification off, secret and recovery codes dropped; the holder turns it on
 * again (at the next log in, when the organization requires it, O4).
 */
export function managedResetTwoStep(d: Draft, c: ManagedResetTwoStep): Outcome {
	const acting = requireManaging(d, c.payload);
	if (!acting.ok) return acting;
	const { account } = acting.value;
	const twoStep = account.secrets.twoStep;
	if (twoStep === undefined || twoStep === null) return refuse('two-step-not-enabled');
	d.putAccount(withSecrets(account, { twoStep: null }));
	notify(d, acting.value, { kind: 'two-step-reset' });
	return done();
}
