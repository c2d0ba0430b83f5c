// The holder's own profile (A5): display name, avatar and email address. A6: the name and
// address of a managed account are its organization's admins' to change (rules/managed.ts). A7: the name of an
// account of an identity provider is the provider's. A new address takes effect only once
// its confirmation link is used, and only if no other account has taken it meanwhile (A3:
// accounts are never combined, so an address in use is refused, never merged).
import { signsInThroughProvider } from '../../sso';
import { normaliseEmail } from '../../domains';
import { confirmEmail, emailChanged } from '../../mail-accounts';
import { isAvatar, isToken, requireSelf, requireUnmanaged, withSecrets } from '../account-guards';
import type {
	AccountConfirmEmailChange,
	AccountRequestEmailChange,
	AccountUpdateProfile
} from '../account-types';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_NAME, text } from '../guards';

/** A5: omitted fields stay; sending the current name again is fine, even under A7. */
export function accountUpdateProfile(d: Draft, c: AccountUpdateProfile): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	let next = self.value;
	if (p.name !== undefined) {
		const name = text(p.name, MAX_NAME);
		if (name === null) return refuse('name-required');
		if (name !== next.name) {
			if (signsInThroughProvider(d.state, next)) return refuse('managed-by-idp');
			const unmanaged = requireUnmanaged(d, next);
			if (!unmanaged.ok) return unmanaged;
			next = { ...next, name };
		}
	}
	if (p.avatar !== undefined) {
		if (p.avatar !== null && !isAvatar(p.avatar))
			return refuse('invalid-payload', { field: 'avatar' });
		next = { ...next, avatar: p.avatar };
	}
	if (next !== self.value) d.putAccount(next);
	return done();
}

/**
 * A5: keeps the new address as pending and mails its confirmation link to it. A new request
 * replaces an older pending one.
 */
export function accountRequestEmailChange(d: Draft, c: AccountRequestEmailChange): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	const unmanaged = requireUnmanaged(d, self.value);
	if (!unmanaged.ok) return unmanaged;
	const account = unmanaged.value;
	const address = normaliseEmail(p.newEmail);
	if (address === null) return refuse('invalid-email');
	if (!isToken(p.token)) return refuse('invalid-payload', { field: 'token' });
	if (!isToken(p.tokenHash)) return refuse('invalid-payload', { field: 'tokenHash' });
	if (address.key === account.emailKey) return refuse('invalid-payload', { field: 'newEmail' });
	if (d.accountByEmailKey(address.key) !== undefined) return refuse('email-taken');
	const pendingEmail = { email: address.email, emailKey: address.key, tokenHash: p.tokenHash };
	d.putAccount(withSecrets(account, { pendingEmail }));
	d.send(
		{ email: address.email, emailKey: address.key },
		confirmEmail(account, address.email, p.token)
	);
	return done();
}

/**
 * A5: the new address takes effect now, if it is still free; the account is verified (the
 * link proved the new address) and the old address hears about it. Mail already filed
 * stays in the old address's mailbox.
 */
export function accountConfirmEmailChange(d: Draft, c: AccountConfirmEmailChange): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	// A6: a request made before the domain was verified is not confirmed afterwards.
	const unmanaged = requireUnmanaged(d, self.value);
	if (!unmanaged.ok) return unmanaged;
	const account = unmanaged.value;
	if (!isToken(p.tokenHash)) return refuse('invalid-payload', { field: 'tokenHash' });
	const pending = account.secrets.pendingEmail;
	if (pending === undefined || pending === null || pending.tokenHash !== p.tokenHash) {
		return refuse('invalid-token');
	}
	const holder = d.accountByEmailKey(pending.emailKey);
	if (holder !== undefined && holder.id !== account.id) return refuse('email-taken');
	d.putAccount({
		...withSecrets(account, { pendingEmail: null, verifyTokenHash: null }),
		email: pending.email,
		emailKey: pending.emailKey,
		verified: true
	});
	d.send(account, emailChanged(account, pending.email));
	return done();
}
