// X6: an account that has no usable key gets one at its holder's log in (account.setKeys).
// Accounts from before X6 have none; a password reset recorded by a device before X6 leaves
// the account's key sealed under a password that no longer exists. The change appends the new
// public key and stores its vault; a clear TOTP secret from before X6 is sealed in that vault
// by the app, so the clear one is dropped here.
// O5/A7: an account that signs in through an identity provider has its key sealed under the
// provider password. Its first sign-in there gives it a key; when the directory's password
// changed, the old vault no longer opens and the sign-in replaces it with a new key, as an A4
// reset does (the provider vouched for the person; the authority is the same, authority.ts).
import { signsInThroughProvider } from '../../sso';
import { isPublicKey, isVault, requireSelf, withSecrets } from '../account-guards';
import type { AccountSetKeys } from '../account-types';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';

export function accountSetKeys(d: Draft, c: AccountSetKeys): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	const account = self.value;
	// Only while there is no vault: a key that still opens is never replaced this way; except
	// through a provider, whose password the vault follows, and after a password the directory
	// pushed (O5 password sync), which the old vault does not open.
	const hasVault = account.secrets.vault !== undefined && account.secrets.vault !== null;
	const replaceable =
		signsInThroughProvider(d.state, account) || account.secrets.passwordPushed === true;
	if (hasVault && !replaceable) {
		return refuse('signing-key-exists');
	}
	if (!isPublicKey(p.signingKey)) return refuse('invalid-payload', { field: 'signingKey' });
	if (!isVault(p.vault)) return refuse('invalid-payload', { field: 'vault' });
	const keys = account.signingKeys ?? [];
	if (keys.includes(p.signingKey)) return refuse('invalid-payload', { field: 'signingKey' });
	let next = withSecrets(account, { vault: p.vault, passwordPushed: null });
	const twoStep = account.secrets.twoStep;
	if (twoStep !== undefined && twoStep !== null && twoStep.totpSecret !== undefined) {
		const { totpSecret: _sealed, ...rest } = twoStep;
		next = withSecrets(next, { twoStep: rest });
	}
	d.putAccount({ ...next, signingKeys: [...keys, p.signingKey] });
	return done();
}
