// O3/O4: an organization's authentication policies, set by its admins only (S6, like every
// organization change), and A13's regenerated recovery codes, by the holder only.
import { recoveryCodesChanged } from '../../mail-notices';
import { invalidPolicyField } from '../../policy';
import { isRecoveryCodeHashes, requireSelf, withSecrets } from '../account-guards';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import type {
	AccountRegenerateRecoveryCodes,
	OrganizationSetPasswordPolicy,
	OrganizationSetTwoStepPolicy
} from '../policy-types';
import { requireAdmin } from './organizations';

/** O3: strength 0–4, length 8–64, expiry 0–3650 days or never (null). */
export function organizationSetPasswordPolicy(d: Draft, c: OrganizationSetPasswordPolicy): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const policy = { minStrength: p.minStrength, minLength: p.minLength, maxAgeDays: p.maxAgeDays };
	const field = invalidPolicyField(policy);
	if (field !== null) return refuse('invalid-payload', { field });
	d.putOrganization({ ...admin.value.org, passwordPolicy: policy });
	return done();
}

/** O4: managed accounts without two-step verification enroll at their next log in. */
export function organizationSetTwoStepPolicy(d: Draft, c: OrganizationSetTwoStepPolicy): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	if (typeof p.required !== 'boolean') return refuse('invalid-payload', { field: 'required' });
	d.putOrganization({ ...admin.value.org, requireTwoStep: p.required });
	return done();
}

/**
 * A13: new recovery codes (hashes only, X1) replace the unused ones, which stop working; the
 * holder is mailed. Only with two-step verification on, and only by the holder (the app asks
 * for the password again first when the log in is older than ten minutes, A12).
 */
export function accountRegenerateRecoveryCodes(
	d: Draft,
	c: AccountRegenerateRecoveryCodes
): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	const twoStep = self.value.secrets.twoStep;
	if (twoStep === undefined || twoStep === null) return refuse('two-step-not-enabled');
	if (!isRecoveryCodeHashes(p.recoveryCodeHashes)) {
		return refuse('invalid-payload', { field: 'recoveryCodeHashes' });
	}
	const next = withSecrets(self.value, {
		twoStep: { ...twoStep, recoveryCodeHashes: [...p.recoveryCodeHashes] }
	});
	d.putAccount(next);
	d.send(next, recoveryCodesChanged(next, c.at, p.recoveryCodeHashes.length));
	return done();
}
