// One schema per product-user and app-password change of src/lib/core/changes/product-types.ts
// (A11, A14), strict like every change schema. appPassword.create's secretHash is a
// secret-named field: a file carrying it is encrypted (S3).
import { accountId, productId, siteId } from '$lib/core';
import { LIMITS, change, id, text, token, z } from './schema-base';

/** A bot is used on at most this many sites (the core's MAX_USED_ON). */
const MAX_USED_ON = 50;

export const PRODUCT_SCHEMAS = [
	change(
		'productUser.add',
		z.strictObject({
			siteId: id(siteId),
			email: text(LIMITS.email),
			name: text(LIMITS.name),
			productIds: z.array(id(productId)).max(LIMITS.productIds).readonly(),
			bot: z.boolean(),
			usedOn: z.array(text(LIMITS.host)).max(MAX_USED_ON).readonly()
		}),
		'A site admin adds a user local to some of the site’s products (A11)'
	),
	change(
		'productUser.remove',
		z.strictObject({ siteId: id(siteId), userId: text(LIMITS.id) }),
		'A site admin removes a product user (A11)'
	),
	change(
		'site.upgradeUsers',
		z.strictObject({ siteId: id(siteId) }),
		'A site admin upgrades the site’s product users to accounts, one per email (A11, C4)'
	),
	change(
		'appPassword.create',
		z.strictObject({ name: text(LIMITS.name), siteId: id(siteId), secretHash: token }),
		'An account creates an app password for one site; only its SHA-256 travels (A14)'
	),
	change(
		'appPassword.revoke',
		z.strictObject({ accountId: id(accountId), entryId: text(LIMITS.id) }),
		'The holder or an admin of the managing organization revokes an app password (A14)'
	),
	change(
		'appPassword.use',
		z.strictObject({ accountId: id(accountId), entryId: text(LIMITS.id) }),
		'A basic-authentication check accepted an app password: its last-used time (A14)'
	)
] as const;
