/**
 * The security toolkit app commands use: password hashing, the account vault (X6), TOTP,
 * one-time tokens and login throttling. qr.ts and strength.ts are left out on purpose: they pull in heavy libraries and
 * the UI loads them with `import()` only on the pages that need them.
 */
export { SecurityError } from './errors';
export type { SecurityErrorCode } from './errors';
export {
	PBKDF2_ITERATIONS,
	PBKDF2_MAX_ITERATIONS,
	hashPassword,
	needsRehash,
	verifyPassword
} from './password';
export type { HashPasswordOptions, PasswordHash } from './password';
export { deriveVaultKey, keyForVault, openVault, sealVault, unlockVault } from './vault';
export type { SealedVault, VaultContents, VaultKey, VaultKeyOptions } from './vault';
export {
	TOTP_DIGITS,
	TOTP_ISSUER,
	TOTP_PERIOD_SECONDS,
	TOTP_WINDOW,
	generateTotp,
	newTotpSecret,
	totpStep,
	totpUri,
	verifyTotp
} from './totp';
export type { TotpCheck } from './totp';
export {
	RESET_TOKEN_TTL_MS,
	checkResetToken,
	hashRecoveryCode,
	markResetTokenUsed,
	newRecoveryCodes,
	newResetToken,
	normaliseRecoveryCode,
	randomToken,
	sha256Base64url,
	useRecoveryCode
} from './tokens';
export type { ResetTokenCheck, ResetTokenRecord } from './tokens';
export {
	FORGET_AFTER_MS,
	LOCK_AT_FAILURES,
	LOCK_MS,
	MAX_DELAY_MS,
	checkThrottle,
	delayAfter,
	initialThrottleState,
	recordFailure,
	recordSuccess
} from './throttle';
export type { ThrottleCheck, ThrottleState } from './throttle';
export { sha256Text } from './hash';
export { timingSafeEqualText } from './encoding';
