// Two-step verification (A2, A5, A7) and X2's "a code is accepted once". The app checks a
// TOTP code or a recovery code against the secrets (security/totp.ts, security/tokens.ts)
// and records what it used as a change, so every device refuses it afterwards. Throttling
// wrong attempts (X2) is device-local and is not a change.
import { signsInThroughProvider } from '../../sso';
import { recoveryCodeUsed, twoStepOff, twoStepOn } from '../../mail-notices';
import type { TwoStep } from '../../model';
import {
	currentKey,
	isRecoveryCodeHashes,
	isStep,
	isToken,
	isTotpSecret,
	isVault,
	requireSelf,
	requireUnmanaged,
	withSecrets
} from '../account-guards';
import type {
	AccountDisableTwoStep,
	AccountEnableTwoStep,
	AccountUseRecoveryCode,
	AccountUseTotpStep
} from '../account-types';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';

/**
 * A5: on with a new secret and recovery codes. The code that proved the enrolment has been
 * seen, so its step counts as used (X2). A7: not here for an identity provider's account.
 * Turning it on again needs turning it off first, so a second device cannot silently replace
 * the secret the first one enrolled. X6: the secret comes sealed in the account's resealed
 * vault (which needs the account to have a key), or in clear from a device before X6.
 */
export function accountEnableTwoStep(d: Draft, c: AccountEnableTwoStep): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	const account = self.value;
	if (signsInThroughProvider(d.state, account)) return refuse('managed-by-idp');
	if (current(account.secrets.twoStep)) return refuse('two-step-already-enabled');
	if (p.vault === undefined) {
		if (!isTotpSecret(p.totpSecret)) return refuse('invalid-payload', { field: 'totpSecret' });
	} else {
		if (p.totpSecret !== undefined) return refuse('invalid-payload', { field: 'totpSecret' });
		if (!isVault(p.vault) || currentKey(account) === undefined) {
			return refuse('invalid-payload', { field: 'vault' });
		}
	}
	if (!isRecoveryCodeHashes(p.recoveryCodeHashes)) {
		return refuse('invalid-payload', { field: 'recoveryCodeHashes' });
	}
	if (!isStep(p.verifiedStep)) return refuse('invalid-payload', { field: 'verifiedStep' });
	const twoStep: TwoStep = {
		...(p.vault === undefined ? { totpSecret: p.totpSecret } : {}),
		recoveryCodeHashes: [...p.recoveryCodeHashes],
		lastUsedStep: p.verifiedStep,
		enabledAt: c.at
	};
	const next = withSecrets(account, {
		twoStep,
		...(p.vault === undefined ? {} : { vault: p.vault })
	});
	d.putAccount(next);
	d.send(next, twoStepOn(next, c.at));
	return done();
}

/**
 * A5: off; the secret and the remaining recovery codes are dropped; A13: the holder is told.
 * A6: the holder of a managed account turns it on only; an admin resets it (rules/managed.ts).
 */
export function accountDisableTwoStep(d: Draft, c: AccountDisableTwoStep): Outcome {
	const self = requireSelf(d, c.payload.accountId);
	if (!self.ok) return self;
	if (!current(self.value.secrets.twoStep)) return refuse('two-step-not-enabled');
	const unmanaged = requireUnmanaged(d, self.value);
	if (!unmanaged.ok) return unmanaged;
	const next = withSecrets(self.value, { twoStep: null });
	d.putAccount(next);
	d.send(next, twoStepOff(next, c.at));
	return done();
}

/** X2: a TOTP code's step, and every earlier step, is refused once a code was accepted. */
export function accountUseTotpStep(d: Draft, c: AccountUseTotpStep): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	const twoStep = self.value.secrets.twoStep;
	if (!current(twoStep)) return refuse('two-step-not-enabled');
	if (!isStep(p.step)) return refuse('invalid-payload', { field: 'step' });
	if (p.step <= twoStep.lastUsedStep) return refuse('code-reused');
	d.putAccount(withSecrets(self.value, { twoStep: { ...twoStep, lastUsedStep: p.step } }));
	return done();
}

/** A2: a recovery code works once; it is removed from the account. A13: the holder is told. */
export function accountUseRecoveryCode(d: Draft, c: AccountUseRecoveryCode): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	const twoStep = self.value.secrets.twoStep;
	if (!current(twoStep)) return refuse('two-step-not-enabled');
	if (!isToken(p.recoveryCodeHash)) return refuse('invalid-payload', { field: 'recoveryCodeHash' });
	if (!twoStep.recoveryCodeHashes.includes(p.recoveryCodeHash)) {
		return refuse('invalid-recovery-code');
	}
	const recoveryCodeHashes = twoStep.recoveryCodeHashes.filter((h) => h !== p.recoveryCodeHash);
	const next = withSecrets(self.value, { twoStep: { ...twoStep, recoveryCodeHashes } });
	d.putAccount(next);
	d.send(next, recoveryCodeUsed(next, c.at, recoveryCodeHashes.length));
	return done();
}

function current(t: TwoStep | null | undefined): t is TwoStep {
	return t !== undefined && t !== null;
}
