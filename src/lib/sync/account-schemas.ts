// One schema per account change of src/lib/core/changes/account-types.ts (A1–A8, X1–X2).
// Their payloads carry tokens, hashes, TOTP secrets and sealed vaults, which is why a file holding them is
// encrypted (S3, crypto.ts `containsSecrets`); the shapes are checked here, the rules decide.
import { accountId } from '$lib/core';
import { passwordHash, publicKey, vault } from './change-schemas';
import { LIMITS, change, count, epochMs, id, text, token, z } from './schema-base';

const account = { accountId: id(accountId) };

export const ACCOUNT_SCHEMAS = [
	change(
		'account.verifyEmail',
		z.strictObject({ ...account, tokenHash: token }),
		'Verify an email address with the mailed link (A1)'
	),
	change(
		'account.resendVerification',
		z.strictObject({ ...account, token, tokenHash: token }),
		'Send a new verification link (A1)'
	),
	change(
		'account.requestReset',
		z.strictObject({ email: text(LIMITS.email), token, tokenHash: token, expiresAt: epochMs }),
		"Can't log in? (A4)"
	),
	change(
		'account.setPassword',
		z.strictObject({
			...account,
			passwordHash,
			reason: z.enum(['reset', 'change', 'first']),
			resetTokenHash: token.optional(),
			signingKey: publicKey.optional(),
			vault: vault.optional(),
			recoveryCodeHash: token.optional()
		}),
		'Set a password (A4, A5)'
	),
	change(
		'account.updateProfile',
		z.strictObject({
			...account,
			name: text(LIMITS.name).optional(),
			avatar: text(LIMITS.avatar).nullable().optional()
		}),
		'Change name or avatar (A5)'
	),
	change(
		'account.requestEmailChange',
		z.strictObject({ ...account, newEmail: text(LIMITS.email), token, tokenHash: token }),
		'Ask to change the email address (A5)'
	),
	change(
		'account.confirmEmailChange',
		z.strictObject({ ...account, tokenHash: token }),
		'Confirm a new email address (A5)'
	),
	change(
		'account.enableTwoStep',
		z.strictObject({
			...account,
			totpSecret: token.optional(),
			vault: vault.optional(),
			recoveryCodeHashes: z.array(token).max(LIMITS.recoveryCodes).readonly(),
			verifiedStep: count
		}),
		'Enable two-step verification (A2, A5)'
	),
	change(
		'account.disableTwoStep',
		z.strictObject({ ...account }),
		'Disable two-step verification (A5)'
	),
	change(
		'account.useTotpStep',
		z.strictObject({ ...account, step: count }),
		'Spend a TOTP time step (X2)'
	),
	change(
		'account.useRecoveryCode',
		z.strictObject({ ...account, recoveryCodeHash: token }),
		'Spend a recovery code (A2)'
	),
	change('account.delete', z.strictObject({ ...account }), 'Delete an account (A8)'),
	change(
		'device.enroll',
		z.strictObject({
			...account,
			devicePublicKey: publicKey,
			accountPublicKey: publicKey,
			signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/)
		}),
		'Enroll a device to act for an account, signed by the account key (X6)'
	),
	change(
		'account.setKeys',
		z.strictObject({ ...account, signingKey: publicKey, vault }),
		'Give an account without a usable key its signing key and vault (X6)'
	)
] as const;
