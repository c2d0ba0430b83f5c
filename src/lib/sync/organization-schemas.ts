// One schema per organization change of src/lib/core/changes/organization-types.ts (O1, O2),
// strict like every change schema.
import { accountId, organizationId } from '$lib/core';
import { passwordHash } from './change-schemas';
import { LIMITS, change, epochMs, id, text, token, z } from './schema-base';

const domain = text(LIMITS.host);

export const ORGANIZATION_SCHEMAS = [
	change(
		'organization.create',
		z.strictObject({ organizationId: id(organizationId), name: text(LIMITS.name) }),
		'Create an organization; its creator is the first admin (O1)'
	),
	change(
		'organization.addAdmin',
		z.strictObject({ organizationId: id(organizationId), accountId: id(accountId) }),
		'Make an account an admin of an organization (O1)'
	),
	change(
		'organization.removeAdmin',
		z.strictObject({ organizationId: id(organizationId), accountId: id(accountId) }),
		'Remove an admin of an organization, never the last (O1)'
	),
	change(
		'domain.add',
		z.strictObject({ organizationId: id(organizationId), domain, tokenHash: token }),
		'Add a domain to an organization, pending until verified (O1)'
	),
	change(
		'domain.mailCheck',
		z.strictObject({
			organizationId: id(organizationId),
			domain,
			address: text(LIMITS.email),
			token,
			tokenHash: token,
			expiresAt: epochMs
		}),
		'Mail a verification link to an address at a pending domain (O1)'
	),
	change(
		'domain.verify',
		z.strictObject({
			organizationId: id(organizationId),
			domain,
			method: z.enum(['dns', 'mail']),
			tokenHash: token
		}),
		'Verify a pending domain: its DNS TXT record was found, or the mailed link was opened (O1, O2)'
	),
	change(
		'domain.remove',
		z.strictObject({ organizationId: id(organizationId), domain }),
		'Remove a domain; its accounts are no longer managed (O2)'
	),
	change(
		'organization.setSignIn',
		z.strictObject({
			organizationId: id(organizationId),
			provider: z.enum(['none', 'saml', 'google'])
		}),
		'Choose how managed accounts sign in: their password, SAML or Google (O5, A7)'
	),
	change(
		'directory.put',
		z.strictObject({
			organizationId: id(organizationId),
			email: text(LIMITS.email),
			name: text(LIMITS.name),
			passwordHash,
			groups: z.array(text(100)).max(50).readonly()
		}),
		'Add or edit a person of the simulated provider directory (O5)'
	),
	change(
		'directory.remove',
		z.strictObject({ organizationId: id(organizationId), email: text(LIMITS.email) }),
		'Remove a person from the simulated provider directory (O5)'
	),
	change(
		'google.sync',
		z.strictObject({
			organizationId: id(organizationId),
			groups: z.array(text(100)).min(1).max(50).readonly()
		}),
		'Provision, rename and deactivate accounts from the selected Google groups (O5)'
	)
] as const;
