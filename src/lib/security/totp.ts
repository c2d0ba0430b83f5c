/**
 * Two-step verification codes (A2, X2): RFC 6238 TOTP with the settings every
 * authenticator app understands (SHA1, 6 digits, 30-second steps). A code is accepted for
 * the current step or one step either side, to forgive clock drift, and only once: the caller
 * stores the returned `step` and passes it back as `lastUsedStep`, and any code for that step
 * or an earlier one is refused as 'reused', so a code seen over someone's shoulder is useless.
 */
import { Secret, TOTP } from 'otpauth';
import { SecurityError } from './errors';
import { randomBytes, timingSafeEqualText } from './encoding';

export const TOTP_ISSUER = 'Tessera';
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Steps accepted either side of the current one. */
export const TOTP_WINDOW = 1;
const ALGORITHM = 'SHA1';
const SECRET_BYTES = 20;

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'reused' };

/** A new shared secret, base32 as authenticator apps expect (20 bytes, RFC 4226 §4). */
export function newTotpSecret(): string {
	return new Secret({ buffer: randomBytes(SECRET_BYTES).buffer }).base32;
}

/** The otpauth:// URI an authenticator app scans from the enrolment QR code. */
export function totpUri({
	secret,
	account,
	issuer = TOTP_ISSUER
}: {
	secret: string;
	account: string;
	issuer?: string;
}): string {
	return new TOTP({
		issuer,
		label: account,
		secret: parseSecret(secret),
		algorithm: ALGORITHM,
		digits: TOTP_DIGITS,
		period: TOTP_PERIOD_SECONDS
	}).toString();
}

/** The time step (RFC 6238 "T") that `now` (ms since the epoch) falls in. */
export function totpStep(now: number): number {
	return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now });
}

/** The code an authenticator shows at `now`; `digits` other than 6 exist for RFC test vectors. */
export function generateTotp(secret: string, now: number, digits: number = TOTP_DIGITS): string {
	return codeForStep(parseSecret(secret), totpStep(now), digits);
}

export function verifyTotp({
	secret,
	code,
	now,
	lastUsedStep
}: {
	secret: string;
	code: string;
	now: number;
	lastUsedStep: number | null;
}): TotpCheck {
	const key = parseSecret(secret);
	// People paste codes as "123 456"; anything else that is not six digits cannot match.
	const typed = code.replace(/\s+/g, '');
	if (!/^\d+$/.test(typed) || typed.length !== TOTP_DIGITS) return { ok: false, reason: 'invalid' };

	const current = totpStep(now);
	let accepted: number | null = null;
	let reused = false;
	// Every step in the window is checked, without stopping early, so timing says nothing
	// about which step matched.
	for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
		if (step < 0) continue;
		if (!timingSafeEqualText(codeForStep(key, step, TOTP_DIGITS), typed)) continue;
		if (lastUsedStep !== null && step <= lastUsedStep) reused = true;
		else accepted ??= step;
	}
	if (accepted !== null) return { ok: true, step: accepted };
	return { ok: false, reason: reused ? 'reused' : 'invalid' };
}

function codeForStep(secret: Secret, step: number, digits: number): string {
	return TOTP.generate({
		secret,
		algorithm: ALGORITHM,
		digits,
		period: TOTP_PERIOD_SECONDS,
		timestamp: step * TOTP_PERIOD_SECONDS * 1000
	});
}

function parseSecret(secret: string): Secret {
	const normalised = secret.replace(/[\s=]+/g, '').toUpperCase();
	if (!/^[A-Z2-7]+$/.test(normalised)) {
		throw new SecurityError('invalid-argument', 'TOTP secret is not base32');
	}
	return Secret.fromBase32(normalised);
}
