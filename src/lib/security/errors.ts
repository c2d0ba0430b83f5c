/**
 * The one error class the security modules throw. Expected outcomes (a wrong password, a
 * reused code, an expired token) are returned as values; this is only for broken invariants,
 * such as a stored hash whose parameters we refuse to run, so callers can branch on `code`.
 */

export type SecurityErrorCode = 'invalid-password-hash' | 'invalid-argument';

export class SecurityError extends Error {
	readonly code: SecurityErrorCode;

	constructor(code: SecurityErrorCode, message: string) {
		super(message);
		this.name = 'SecurityError';
		this.code = code;
	}
}
