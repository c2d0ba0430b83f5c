// A12: what an account must do at login before anything else: verify its address, choose a
// new password once the policy's age has passed, enroll in two-step verification where the
// policy asks for it. The mechanism only: organizations (O3, O4) will supply the policy. Sudo
// mode (asking for the password again after ten minutes) is about the session, not the
// account, and lives in the app.
import type { Account } from './model';

export type RequiredAction = 'verify-email' | 'new-password' | 'enroll-two-step';

export interface AccountPolicy {
	/** O4: a managed account without two-step verification must enroll. */
	readonly requireTwoStep?: boolean;
	/** O3: a password older than this many days must be replaced. */
	readonly passwordMaxAgeDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The actions in the order the app asks for them. An account of an identity provider (A7)
 * is never asked for a password or two-step enrolment here: both are the provider's. A
 * password never set here (an account created before passwords were recorded) ages from the
 * account's creation. An account that is not active cannot log in: nothing to ask.
 */
export function requiredActions(
	account: Account,
	policy: AccountPolicy = {},
	now: number
): readonly RequiredAction[] {
	if (account.status !== 'active') return [];
	const out: RequiredAction[] = [];
	if (!account.verified) out.push('verify-email');
	if (account.source !== 'password') return out;
	const maxAge = policy.passwordMaxAgeDays;
	if (maxAge !== undefined && Number.isFinite(maxAge) && maxAge >= 0) {
		const setAt = account.secrets.passwordChangedAt ?? account.createdAt;
		if (now >= setAt + maxAge * DAY_MS) out.push('new-password');
	}
	const twoStep = account.secrets.twoStep;
	if (policy.requireTwoStep === true && (twoStep === undefined || twoStep === null)) {
		out.push('enroll-two-step');
	}
	return out;
}
