// X6: an account that has no usable key gets one at its holder's log in (account.setKeys).
// Accounts from before X6 have none; a password reset recorded by a device before X6 leaves
// the account's key sealed under a password that no longer exists. The change appends the new
// public key and stores its vault; a clear TOTP secret from before X6 is sealed in that vault
// by the app, so the clear one is dropped here.
import { isPublicKey, isVault, managedByIdp, requireSelf, withSecrets } from '../account-guards';
import type { AccountSetKeys } from '../account-types';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';

export function accountSetKeys(d: Draft, c: AccountSetKeys): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	const account = self.value;
	if (managedByIdp(account)) return refuse('managed-by-idp');
	// Only while there is no vault: a key that still opens is never replaced this way.
	if (account.secrets.vault !== undefined && account.secrets.vault !== null) {
		return refuse('signing-key-exists');
	}
	if (!isPublicKey(p.signingKey)) return refuse('invalid-payload', { field: 'signingKey' });
	if (!isVault(p.vault)) return refuse('invalid-payload', { field: 'vault' });
	const keys = account.signingKeys ?? [];
	if (keys.includes(p.signingKey)) return refuse('invalid-payload', { field: 'signingKey' });
	let next = withSecrets(account, { vault: p.vault });
	const twoStep = account.secrets.twoStep;
	if (twoStep !== undefined && twoStep !== null && twoStep.totpSecret !== undefined) {
		const { totpSecret: _sealed, ...rest } = twoStep;
		next = withSecrets(next, { twoStep: rest });
	}
	d.putAccount({ ...next, signingKeys: [...keys, p.signingKey] });
	return done();
}
