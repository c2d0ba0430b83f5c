// The account form fields (UI vocabulary labels: Email, Full name, Password, Verification code) as
// valibot schemas. Emails use the core's own normal form, so the form never accepts an
// address the rules would refuse. Passwords follow NIST SP 800-63B: a minimum length, a
// generous maximum, every character allowed, no composition rules, never trimmed.
import * as v from 'valibot';
import { normaliseEmail } from '$lib/core';
import { MAX_NAME } from '$lib/core/changes/guards';

export const PASSWORD_MIN = 8;
/** NIST asks that at least 64 be allowed; 256 still bounds the work of hashing. */
export const PASSWORD_MAX = 256;

/** NIST counts each Unicode code point as one character, after NFKC (as the hash does). */
export function passwordLength(password: string): number {
	return [...password.normalize('NFKC')].length;
}

export const emailField = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('Enter an email address.'),
	v.check(
		(s: string) => normaliseEmail(s) !== null,
		'Enter an email address like name@example.com.'
	)
);

export const nameField = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('Enter your full name.'),
	v.maxLength(MAX_NAME, `Use at most ${MAX_NAME} characters.`)
);

/** A password being chosen (sign up, reset, change). */
export const newPasswordField = v.pipe(
	v.string(),
	v.nonEmpty('Choose a password.'),
	v.check(
		(s: string) => passwordLength(s) >= PASSWORD_MIN,
		`Use at least ${PASSWORD_MIN} characters. Any characters work, spaces too.`
	),
	v.check(
		(s: string) => passwordLength(s) <= PASSWORD_MAX,
		`Use at most ${PASSWORD_MAX} characters.`
	)
);

/** A password being entered (log in, confirming it is you): only presence is checked. */
export const currentPasswordField = v.pipe(v.string(), v.nonEmpty('Enter your password.'));

const TOTP_CODE = /^\d{6}$/;
// Recovery codes: 12 letters and digits, typed with or without dashes and spaces.
const RECOVERY_CODE = /^[a-z0-9]{12}$/;

/** What kind of code a person typed into the Verification code field. */
export function codeKind(code: string): 'totp' | 'recovery' | null {
	const squeezed = code.replace(/[\s-]+/g, '').toLowerCase();
	if (TOTP_CODE.test(squeezed)) return 'totp';
	if (RECOVERY_CODE.test(squeezed)) return 'recovery';
	return null;
}

/** A2: the 6-digit code from the app, or (where allowed) a recovery code. */
export const verificationCodeField = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('Enter the 6-digit code from your authenticator app.'),
	v.check(
		(s: string) => codeKind(s) !== null,
		'Enter the 6-digit code from your authenticator app, or one of your recovery codes.'
	)
);

/** Enrolment accepts only a code from the app: recovery codes do not exist yet. */
export const totpCodeField = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('Enter the 6-digit code from your authenticator app.'),
	v.check(
		(s: string) => codeKind(s) === 'totp',
		'Enter the 6 digits your authenticator app shows for Tessera.'
	)
);

/** X6/A4: a password reset of an account with two-step verification on needs a recovery code. */
export const recoveryCodeField = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('Enter one of your recovery codes.'),
	v.check(
		(s: string) => codeKind(s) === 'recovery',
		'Enter one of your recovery codes: 12 letters and digits, dashes allowed.'
	)
);
