// One schema per billing record change of src/lib/core/changes/billing-types.ts (C14), strict
// like every change schema. Bounds are the core's (MAX_NAME, MAX_ADDRESS, MAX_TAX_ID).
import { licenseId } from '$lib/core';
import { LIMITS, change, id, text, z } from './schema-base';

export const BILLING_SCHEMAS = [
	change(
		'billing.setDetails',
		z.strictObject({
			licenseId: id(licenseId),
			name: text(LIMITS.name),
			address: text(1000),
			taxId: text(50)
		}),
		'Set the billing name, address and tax id of a license (C14)'
	),
	change(
		'license.renew',
		z.strictObject({ licenseId: id(licenseId) }),
		'Renew a license for one term, issuing an invoice (C14)'
	)
] as const;
