// One schema per change of src/lib/core/changes/policy-types.ts (O3, O4, A13), strict like
// every change schema. Bounds are the core's (POLICY_LIMITS): a file cannot carry a policy the
// form could not set.
import { POLICY_LIMITS, accountId, organizationId } from '$lib/core';
import { LIMITS, change, id, token, z } from './schema-base';

const bounded = (r: { readonly min: number; readonly max: number }) =>
	z.number().int().min(r.min).max(r.max);

export const POLICY_SCHEMAS = [
	change(
		'organization.setPasswordPolicy',
		z.strictObject({
			organizationId: id(organizationId),
			minStrength: bounded(POLICY_LIMITS.minStrength),
			minLength: bounded(POLICY_LIMITS.minLength),
			maxAgeDays: bounded(POLICY_LIMITS.maxAgeDays).nullable()
		}),
		'Set the password policy of an organization’s managed accounts (O3)'
	),
	change(
		'organization.setTwoStepPolicy',
		z.strictObject({ organizationId: id(organizationId), required: z.boolean() }),
		'Require two-step verification of an organization’s managed accounts, or not (O4)'
	),
	change(
		'account.regenerateRecoveryCodes',
		z.strictObject({
			accountId: id(accountId),
			recoveryCodeHashes: z.array(token).min(1).max(LIMITS.recoveryCodes).readonly()
		}),
		'Replace the recovery codes of an account; the old ones stop working (A13)'
	)
] as const;
