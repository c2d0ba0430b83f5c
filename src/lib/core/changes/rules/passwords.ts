// Passwords (A4 "Can't log in?", A5 change, A7 identity providers). The app hashes the
// password (PBKDF2, X1) and the reset token (SHA-256) before the change; the rules only store
// hashes and compare token hashes. A reset link is single-use and expires; it also proves
// the address, so using it marks the account verified (that is how an invited account, C4,
// gets its first password and becomes verified at once).
import { normaliseEmail } from '../../domains';
import { passwordReset, passwordResetIdp } from '../../mail-accounts';
import type { Account } from '../../model';
import {
	isPasswordHash,
	isToken,
	managedByIdp,
	requireActiveAccount,
	requireSelf,
	withSecrets
} from '../account-guards';
import type { AccountRequestReset, AccountSetPassword } from '../account-types';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';

/**
 * A4: mails a reset link. An address with no active account is accepted and changes nothing,
 * so the history reveals no more than the form does: whether an account exists is never told.
 * For an account of an identity provider (A7) the mail says where to go instead.
 */
export function accountRequestReset(d: Draft, c: AccountRequestReset): Outcome {
	const p = c.payload;
	const address = normaliseEmail(p.email);
	if (address === null) return refuse('invalid-email');
	if (!isToken(p.token)) return refuse('invalid-payload', { field: 'token' });
	if (!isToken(p.tokenHash)) return refuse('invalid-payload', { field: 'tokenHash' });
	if (!Number.isSafeInteger(p.expiresAt) || p.expiresAt <= c.at) {
		return refuse('invalid-payload', { field: 'expiresAt' });
	}
	const account = d.accountByEmailKey(address.key);
	if (account === undefined || account.status !== 'active') return done();
	if (managedByIdp(account)) {
		d.send(account, passwordResetIdp(account));
		return done();
	}
	// Only the latest link works: a new request replaces the previous token.
	const reset = { hash: p.tokenHash, expiresAt: p.expiresAt, used: false };
	d.putAccount(withSecrets(account, { reset }));
	d.send(account, passwordReset(account, p.token, p.expiresAt));
	return done();
}

/**
 * A4/A5/A7: 'reset' needs the latest reset token, unused and unexpired at the change's time;
 * 'change' is the holder's own (the app asks for the current password, A12 sudo mode);
 * 'first' is the holder's, for an account without a password.
 */
export function accountSetPassword(d: Draft, c: AccountSetPassword): Outcome {
	const p = c.payload;
	const found =
		p.reason === 'reset' ? requireActiveAccount(d, p.accountId) : requireSelf(d, p.accountId);
	if (!found.ok) return found;
	const account = found.value;
	if (managedByIdp(account)) return refuse('managed-by-idp');
	if (!isPasswordHash(p.passwordHash)) return refuse('invalid-payload', { field: 'passwordHash' });
	let next: Account = withSecrets(account, {
		passwordHash: p.passwordHash,
		passwordChangedAt: c.at
	});
	switch (p.reason) {
		case 'reset': {
			if (!isToken(p.resetTokenHash)) return refuse('invalid-payload', { field: 'resetTokenHash' });
			const reset = account.secrets.reset;
			if (reset === undefined || reset === null || reset.hash !== p.resetTokenHash) {
				return refuse('invalid-token');
			}
			if (reset.used) return refuse('token-used');
			if (c.at >= reset.expiresAt) return refuse('token-expired');
			// The mailed link proved the address: the account is verified from now on.
			next = {
				...withSecrets(next, { reset: { ...reset, used: true }, verifyTokenHash: null }),
				verified: true
			};
			break;
		}
		case 'change':
			break;
		case 'first':
			if (account.secrets.passwordHash !== undefined && account.secrets.passwordHash !== null) {
				return refuse('password-already-set');
			}
			break;
		default:
			// A reason from a newer version: err on the side of refusing.
			return refuse('invalid-payload', { field: 'reason' });
	}
	d.putAccount(next);
	return done();
}
