// One schema per managed-account change of src/lib/core/changes/managed-types.ts (O2, A6),
// strict like every change schema.
import { accountId, organizationId } from '$lib/core';
import { LIMITS, change, id, text, z } from './schema-base';

const target = { organizationId: id(organizationId), accountId: id(accountId) };

export const MANAGED_SCHEMAS = [
	change(
		'managed.changeEmail',
		z.strictObject({ ...target, email: text(LIMITS.email) }),
		'An organization admin changes the email address of a managed account (A6)'
	),
	change(
		'managed.changeName',
		z.strictObject({ ...target, name: text(LIMITS.name) }),
		'An organization admin changes the full name of a managed account (O2)'
	),
	change(
		'managed.deactivate',
		z.strictObject(target),
		'An organization admin deactivates a managed account (A6, A8)'
	),
	change(
		'managed.reactivate',
		z.strictObject(target),
		'An organization admin reactivates a managed account (O2)'
	),
	change(
		'managed.delete',
		z.strictObject(target),
		'An organization admin deletes a managed account (A6, A8)'
	),
	change(
		'managed.resetTwoStep',
		z.strictObject(target),
		'An organization admin turns off the two-step verification of a managed account (O2)'
	)
] as const;
