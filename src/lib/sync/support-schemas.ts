// One schema per change of src/lib/core/changes/support-types.ts (A10 support-account link,
// C15 support threads), strict like every change schema. supportAccount.requestChange carries the
// mailed token, so a file holding it is encrypted (S3, crypto.ts's key names).
import { accountId, licenseId, supportAccountId, supportRequestId } from '$lib/core';
import { LIMITS, change, epochMs, id, text, token, z } from './schema-base';

const request = { licenseId: id(licenseId), requestId: id(supportRequestId) };

export const SUPPORT_SCHEMAS = [
	change(
		'supportAccount.add',
		z.strictObject({
			supportAccountId: id(supportAccountId),
			email: text(LIMITS.email),
			name: text(LIMITS.name)
		}),
		'The simulated support system records a legacy support account, unlinked (A10)'
	),
	change(
		'supportAccount.requestChange',
		z.strictObject({
			accountId: id(accountId),
			email: text(LIMITS.email),
			token,
			tokenHash: token,
			expiresAt: epochMs
		}),
		'Mail an address the support accounts it has, to link one (A10)'
	),
	change(
		'supportAccount.confirmChange',
		z.strictObject({
			accountId: id(accountId),
			tokenHash: token,
			supportAccountId: id(supportAccountId)
		}),
		'Link one support account of the mailed address to the account (A10)'
	),
	change(
		'support.answer',
		z.strictObject(request),
		'The simulated support desk answers a new support request, once (C15)'
	),
	change(
		'support.reply',
		z.strictObject({ ...request, text: text(LIMITS.description) }),
		'The requester or a technical contact replies on a support request (C15)'
	),
	change('support.resolve', z.strictObject(request), 'Resolve a support request (C15)'),
	change('support.reopen', z.strictObject(request), 'Reopen a resolved support request (C15)')
] as const;
