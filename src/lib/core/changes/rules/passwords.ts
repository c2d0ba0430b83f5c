// Passwords (A4 "Can't log in?", A5 change, A7 identity providers). The app hashes the
// password (PBKDF2, X1) and the reset token (SHA-256) before the change; the rules only store
// hashes and compare token hashes. A reset link is single-use and expires; it also proves
// the address, so using it marks the account verified (that is how an invited account, C4,
// gets its first password and becomes verified at once).
import { signsInThroughProvider } from '../../sso';
import { normaliseEmail } from '../../domains';
import { passwordReset, passwordResetIdp, twoStepOffByReset } from '../../mail-accounts';
import { passwordChanged } from '../../mail-notices';
import type { Account } from '../../model';
import {
	currentKey,
	isPasswordHash,
	isPublicKey,
	isToken,
	isVault,
	requireActiveAccount,
	requireSelf,
	withSecrets
} from '../account-guards';
import type { AccountRequestReset, AccountSetPassword } from '../account-types';
import { ok } from '../../result';
import type { Result } from '../../result';
import type { Refusal } from '../../errors';
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
	if (signsInThroughProvider(d.state, account)) {
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
 *
 * X6: the account key follows the password (see AccountSetPassword): 'reset' and 'first'
 * append a new key, 'change' rewraps the current one; a change without a vault (from before
 * X6) leaves none, since the old one no longer opens. A reset with two-step verification on
 * spends a recovery code and turns it off, with a mail to the account.
 */
export function accountSetPassword(d: Draft, c: AccountSetPassword): Outcome {
	const p = c.payload;
	const found =
		p.reason === 'reset' ? requireActiveAccount(d, p.accountId) : requireSelf(d, p.accountId);
	if (!found.ok) return found;
	const account = found.value;
	if (signsInThroughProvider(d.state, account)) return refuse('managed-by-idp');
	if (!isPasswordHash(p.passwordHash)) return refuse('invalid-payload', { field: 'passwordHash' });
	const keyed = withKey(account, p);
	if (!keyed.ok) return keyed;
	let next: Account = withSecrets(keyed.value, {
		passwordHash: p.passwordHash,
		passwordChangedAt: c.at,
		passwordPushed: null
	});
	let twoStepOff = false;
	switch (p.reason) {
		case 'reset': {
			if (!isToken(p.resetTokenHash)) return refuse('invalid-payload', { field: 'resetTokenHash' });
			const reset = account.secrets.reset;
			if (reset === undefined || reset === null || reset.hash !== p.resetTokenHash) {
				return refuse('invalid-token');
			}
			if (reset.used) return refuse('token-used');
			if (c.at >= reset.expiresAt) return refuse('token-expired');
			const twoStep = account.secrets.twoStep;
			if (twoStep !== undefined && twoStep !== null) {
				// A reset is never weaker than a log in: the link proves the mailbox, the
				// recovery code the second factor.
				if (p.recoveryCodeHash === undefined) return refuse('recovery-code-required');
				if (!isToken(p.recoveryCodeHash)) {
					return refuse('invalid-payload', { field: 'recoveryCodeHash' });
				}
				if (!twoStep.recoveryCodeHashes.includes(p.recoveryCodeHash)) {
					return refuse('invalid-recovery-code');
				}
				twoStepOff = true;
			}
			// The mailed link proved the address: the account is verified from now on.
			next = {
				...withSecrets(next, {
					reset: { ...reset, used: true },
					verifyTokenHash: null,
					...(twoStepOff ? { twoStep: null } : {})
				}),
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
	if (p.reason !== 'reset' && p.recoveryCodeHash !== undefined) {
		return refuse('invalid-payload', { field: 'recoveryCodeHash' });
	}
	d.putAccount(next);
	// A13: a password replaced (not the first one an account gets) is a security notice; a
	// reset that spent a recovery code says so in its own mail.
	const hadPassword =
		account.secrets.passwordHash !== undefined && account.secrets.passwordHash !== null;
	if (twoStepOff) d.send(next, twoStepOffByReset(next));
	else if (hadPassword) d.send(next, passwordChanged(next, c.at));
	return done();
}

/** X6: the account with the key and vault this password change carries (see above). */
function withKey(account: Account, p: AccountSetPassword['payload']): Result<Account, Refusal> {
	if (p.signingKey === undefined && p.vault === undefined) {
		const stale = account.secrets.vault !== undefined && account.secrets.vault !== null;
		return ok(stale ? withSecrets(account, { vault: null }) : account);
	}
	if (p.signingKey === undefined || !isPublicKey(p.signingKey)) {
		return refuse('invalid-payload', { field: 'signingKey' });
	}
	if (p.vault === undefined || !isVault(p.vault))
		return refuse('invalid-payload', { field: 'vault' });
	const keys = account.signingKeys ?? [];
	if (p.reason === 'change') {
		if (p.signingKey !== currentKey(account)) return refuse('unknown-key');
		return ok(withSecrets(account, { vault: p.vault }));
	}
	// reset, first: a new key; one the account had before would bring back a lost vault's key.
	if (keys.includes(p.signingKey)) return refuse('invalid-payload', { field: 'signingKey' });
	return ok({
		...withSecrets(account, { vault: p.vault }),
		signingKeys: [...keys, p.signingKey]
	});
}
