// The account changes (A1–A8, X1–X3). Everything random or slow is made before the
// change and travels inside it (S1): ids, tokens and their SHA-256 hashes, PBKDF2 hashes, TOTP
// secrets, recovery-code hashes. The core never hashes or compares against a password.
//
// Secrets in payloads. A mailed link needs the plain token, so a change that sends one carries
// both `token` (plain, used only for the mail's link) and `tokenHash` (the only form the
// account keeps). Changes that present a token (verify, reset, confirm) carry only its hash.
// The sync layer must encrypt any file whose payloads hold such keys (S3): `token`,
// `tokenHash`, `resetTokenHash`, `passwordHash`, `totpSecret`, `recoveryCodeHashes`,
// `recoveryCodeHash`, `vault` (it matches /password|secret|token|recovery|otp|vault/i on key
// names).
//
// Who may act (X3, S6): the account itself for every change here, except the ones a person
// who cannot log in must be able to make, where the token is the authority and the actor is
// ignored: account.verifyEmail, account.resendVerification, account.requestReset and
// account.setPassword with reason 'reset'. (account.create is in types.ts: signup by anyone,
// invited by an active account.) Organization admins (A6, O-rules) come later.
import type { AccountId } from '../ids';
import type { PasswordHash, SealedVault } from '../model';
import type { Envelope } from './envelope';

/** A1: the token hash the person presented, from the mailed link. Any actor. */
export type AccountVerifyEmail = Envelope<
	'account.verifyEmail',
	{ readonly accountId: AccountId; readonly tokenHash: string }
>;

/** A1: a new verification link; earlier links stop working. Any actor. */
export type AccountResendVerification = Envelope<
	'account.resendVerification',
	{ readonly accountId: AccountId; readonly token: string; readonly tokenHash: string }
>;

/**
 * A4 "Can't log in?". An address with no active account is accepted and does nothing, so
 * the change reveals nothing about who has an account. Any actor.
 */
export type AccountRequestReset = Envelope<
	'account.requestReset',
	{
		readonly email: string;
		readonly token: string;
		readonly tokenHash: string;
		readonly expiresAt: number;
	}
>;

/**
 * A4/A5: 'reset' through the mailed link (any actor; needs `resetTokenHash`), 'change' by
 * the holder, 'first' by the holder of an account with no password yet.
 *
 * X6: `signingKey` + `vault` (both or neither): for 'reset' and 'first' a NEW account key (the
 * old vault cannot be opened without the old password), for 'change' the current key
 * rewrapped under the new password. Changes from before X6 carry neither and leave the
 * account without a usable vault until its next log in. A reset of an account with two-step
 * verification on needs one of its recovery codes (`recoveryCodeHash`): the TOTP secret is
 * lost with the old vault, so the reset turns two-step verification off.
 */
export type AccountSetPassword = Envelope<
	'account.setPassword',
	{
		readonly accountId: AccountId;
		readonly passwordHash: PasswordHash;
		readonly reason: 'reset' | 'change' | 'first';
		readonly resetTokenHash?: string;
		readonly signingKey?: string;
		readonly vault?: SealedVault;
		readonly recoveryCodeHash?: string;
	}
>;

/**
 * X6: the first account key of an account that has none (made before X6, or left without a
 * usable vault by a reset from before X6), made by the app at the holder's log in. A clear
 * TOTP secret from before X6 is sealed in this vault, so the rule drops the clear one.
 */
export type AccountSetKeys = Envelope<
	'account.setKeys',
	{ readonly accountId: AccountId; readonly signingKey: string; readonly vault: SealedVault }
>;

/** A5: omitted fields stay as they are; `avatar: null` removes the picture. */
export type AccountUpdateProfile = Envelope<
	'account.updateProfile',
	{ readonly accountId: AccountId; readonly name?: string; readonly avatar?: string | null }
>;

/** A5: mails a confirmation link to the new address; nothing changes until it is used. */
export type AccountRequestEmailChange = Envelope<
	'account.requestEmailChange',
	{
		readonly accountId: AccountId;
		readonly newEmail: string;
		readonly token: string;
		readonly tokenHash: string;
	}
>;

export type AccountConfirmEmailChange = Envelope<
	'account.confirmEmailChange',
	{ readonly accountId: AccountId; readonly tokenHash: string }
>;

/**
 * A2/A5: `verifiedStep` is the TOTP step of the code that proved the enrolment (X2). X6: the
 * secret travels sealed in the account's resealed `vault`; a clear `totpSecret` is what
 * devices from before X6 recorded, still applied. Exactly one of the two.
 */
export type AccountEnableTwoStep = Envelope<
	'account.enableTwoStep',
	{
		readonly accountId: AccountId;
		readonly totpSecret?: string;
		readonly vault?: SealedVault;
		readonly recoveryCodeHashes: readonly string[];
		readonly verifiedStep: number;
	}
>;

export type AccountDisableTwoStep = Envelope<
	'account.disableTwoStep',
	{ readonly accountId: AccountId }
>;

/** X2: the app checked a TOTP code at login; this records its step so it works once. */
export type AccountUseTotpStep = Envelope<
	'account.useTotpStep',
	{ readonly accountId: AccountId; readonly step: number }
>;

/** A2: the app matched a recovery code at login; this spends it. */
export type AccountUseRecoveryCode = Envelope<
	'account.useRecoveryCode',
	{ readonly accountId: AccountId; readonly recoveryCodeHash: string }
>;

/** A8. */
export type AccountDelete = Envelope<'account.delete', { readonly accountId: AccountId }>;

/**
 * X6: this device may act for the account. `signature` is the account key's signature over
 * the enrollment statement (account, device, device key); the sync reader verifies it with
 * `accountPublicKey`, and the rule checks that key is one of the account's. A device keeps one
 * key for every account it enrolls.
 */
export type DeviceEnroll = Envelope<
	'device.enroll',
	{
		readonly accountId: AccountId;
		readonly devicePublicKey: string;
		readonly accountPublicKey: string;
		readonly signature: string;
	}
>;

export type AccountChange =
	| AccountVerifyEmail
	| AccountResendVerification
	| AccountRequestReset
	| AccountSetPassword
	| AccountUpdateProfile
	| AccountRequestEmailChange
	| AccountConfirmEmailChange
	| AccountEnableTwoStep
	| AccountDisableTwoStep
	| AccountUseTotpStep
	| AccountUseRecoveryCode
	| AccountDelete
	| DeviceEnroll
	| AccountSetKeys;

export const ACCOUNT_CHANGE_TYPES = [
	'account.verifyEmail',
	'account.resendVerification',
	'account.requestReset',
	'account.setPassword',
	'account.updateProfile',
	'account.requestEmailChange',
	'account.confirmEmailChange',
	'account.enableTwoStep',
	'account.disableTwoStep',
	'account.useTotpStep',
	'account.useRecoveryCode',
	'account.delete',
	'device.enroll',
	'account.setKeys'
] as const satisfies readonly AccountChange['type'][];
