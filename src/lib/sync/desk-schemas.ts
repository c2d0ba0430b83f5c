// One schema per service-desk change of src/lib/core/changes/desk-types.ts (A9), strict like
// every change schema.
import { accountId, siteId } from '$lib/core';
import { LIMITS, change, id, text, z } from './schema-base';

const target = { siteId: id(siteId), email: text(LIMITS.email) };

export const DESK_SCHEMAS = [
	change(
		'customer.add',
		z.strictObject({ ...target, name: text(LIMITS.name) }),
		'A site admin adds a portal-only customer to the site’s service desk (A9)'
	),
	change(
		'customer.rename',
		z.strictObject({ ...target, name: text(LIMITS.name) }),
		'A site admin changes the full name of a service-desk customer (A9)'
	),
	change(
		'customer.remove',
		z.strictObject(target),
		'A site admin removes a service-desk customer (A9)'
	),
	change(
		'customer.migrate',
		z.strictObject({ ...target, accountId: id(accountId) }),
		'A site admin makes an invited account of a service-desk customer, who leaves the desk (A9, C4)'
	)
] as const;
