// One schema per change of src/lib/core/changes/types.ts (licenses, contacts, sites, support,
// handover, and account.create), strict like every change schema: a field the core does not
// know would be stored, hashed and compared differently on the other device (X5).
import { accountId, licenseId, productId, siteId, supportRequestId } from '$lib/core';
import { LIMITS, change, count, epochMs, id, text, token, z } from './schema-base';

const role = z.enum(['billing', 'technical']);
const newAccount = z.strictObject({ accountId: id(accountId), name: text(LIMITS.name) });

/** X1: a PBKDF2 hash as the security layer makes it, parameters included. */
export const passwordHash = z.strictObject({
	alg: z.string().min(1).max(LIMITS.id),
	iterations: count,
	salt: token,
	hash: token,
	length: count
});

/** X6: a raw Ed25519 public key, base64url. */
export const publicKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** X6: the account vault as the security layer seals it; the core checks X1's parameters. */
export const vault = z.strictObject({
	v: z.literal(1),
	iterations: count,
	salt: token,
	iv: token,
	data: z.string().min(1).max(LIMITS.vault)
});

export const NEW_ACCOUNT_SCHEMA = newAccount;

export const CHANGE_SCHEMAS = [
	change(
		'account.create',
		z.strictObject({
			accountId: id(accountId),
			email: text(LIMITS.email),
			name: text(LIMITS.name),
			mode: z.enum(['signup', 'invited']),
			source: z.enum(['password', 'google', 'saml']),
			passwordHash: passwordHash.optional(),
			token: token.optional(),
			tokenHash: token.optional(),
			signingKey: publicKey.optional(),
			vault: vault.optional()
		}),
		'Create an account (A1, C4)'
	),
	change(
		'license.start',
		z.strictObject({
			licenseId: id(licenseId),
			sen: text(LIMITS.id),
			productId: id(productId),
			hosting: z.enum(['server', 'cloud']),
			siteId: id(siteId).nullable(),
			tier: count,
			expiresAt: epochMs
		}),
		'Start a license (C0)'
	),
	change(
		'site.create',
		z.strictObject({
			siteId: id(siteId),
			name: text(LIMITS.host),
			productIds: z.array(id(productId)).max(LIMITS.productIds).readonly()
		}),
		'Create a cloud site (C0)'
	),
	change(
		'contact.add',
		z.strictObject({
			licenseId: id(licenseId),
			role,
			email: text(LIMITS.email),
			newAccount: newAccount.optional()
		}),
		'Add a contact (C4)'
	),
	change(
		'contact.makePrimary',
		z.strictObject({ licenseId: id(licenseId), role, accountId: id(accountId) }),
		'Make a contact primary (C5, C6)'
	),
	change(
		'contact.delete',
		z.strictObject({ licenseId: id(licenseId), role, accountId: id(accountId) }),
		'Delete a contact (C7)'
	),
	change('billing.makeMe', z.strictObject({ siteId: id(siteId) }), 'Make me billing contact (C10)'),
	change(
		'support.request',
		z.strictObject({
			requestId: id(supportRequestId),
			licenseId: id(licenseId),
			subject: text(LIMITS.subject),
			description: text(LIMITS.description)
		}),
		'Request support (C9)'
	),
	change(
		'handover',
		z.strictObject({
			from: id(accountId),
			to: text(LIMITS.email),
			newAccount: newAccount.optional()
		}),
		'Hand over every license of one person to another (C11)'
	),
	change('renewal.remind', z.strictObject({}), 'Send renewal reminders (C9)')
] as const;
