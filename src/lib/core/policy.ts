// O3/O4: the authentication policy that applies to an account, and O3's password rule as a
// pure judgement of what the form measured (its length, its zxcvbn score): the core never sees
// a password, so the form and the app command judge the typed password with this one rule.
import { normaliseEmail } from './domains';
import type { AccountId } from './ids';
import type { Organization, PasswordPolicy } from './model';
import { managedBy } from './organization-queries';
import type { AccountPolicy } from './required-actions';
import type { State } from './state';

/** O3's bounds: zxcvbn scores, lengths a person can still type, expiry up to ten years. */
export const POLICY_LIMITS = Object.freeze({
	minStrength: { min: 0, max: 4 },
	minLength: { min: 8, max: 64 },
	maxAgeDays: { min: 0, max: 3650 }
});

/** The password rules of the organization that manages an address, with its name. */
export interface PasswordRules extends PasswordPolicy {
	readonly organization: string;
}

/** Why a typed password breaks the organization's policy (O3), with what the words need. */
export type PasswordPolicyProblem =
	| {
			readonly code: 'password-too-short';
			readonly minLength: number;
			readonly organization: string;
	  }
	| {
			readonly code: 'password-too-weak';
			readonly minStrength: number;
			readonly organization: string;
	  };

const inRange = (n: unknown, r: { min: number; max: number }): n is number =>
	typeof n === 'number' && Number.isSafeInteger(n) && n >= r.min && n <= r.max;

/** O3: which field of a policy is out of bounds, or null when all are fine. */
export function invalidPolicyField(
	p: Pick<PasswordPolicy, 'minStrength' | 'minLength' | 'maxAgeDays'>
): 'minStrength' | 'minLength' | 'maxAgeDays' | null {
	if (!inRange(p.minStrength, POLICY_LIMITS.minStrength)) return 'minStrength';
	if (!inRange(p.minLength, POLICY_LIMITS.minLength)) return 'minLength';
	if (p.maxAgeDays !== null && !inRange(p.maxAgeDays, POLICY_LIMITS.maxAgeDays)) {
		return 'maxAgeDays';
	}
	return null;
}

function rulesOf(org: Organization | null): PasswordRules | null {
	const policy = org?.passwordPolicy;
	if (org === null || policy === undefined || policy === null) return null;
	return { ...policy, organization: org.name };
}

/** O2/O3: the password rules for an account: its managing organization's, or null. */
export function passwordRulesFor(state: State, id: AccountId): PasswordRules | null {
	return rulesOf(managedBy(state, id));
}

/**
 * O3 at sign up and reset: the rules for an address (its domain verified by an organization),
 * before or whether or not an account has it. Null when the domain is not verified anywhere.
 */
export function passwordRulesForEmail(state: State, email: string): PasswordRules | null {
	const address = normaliseEmail(email);
	if (address === null) return null;
	const orgId = state.organizationIdByDomain.get(address.domain);
	return rulesOf(orgId === undefined ? null : (state.organizations.get(orgId) ?? null));
}

/** O3: the typed password's length and zxcvbn score against the rules; null: acceptable. */
export function passwordPolicyProblem(
	rules: PasswordRules | null,
	measured: { readonly length: number; readonly score: number }
): PasswordPolicyProblem | null {
	if (rules === null) return null;
	const { organization } = rules;
	if (measured.length < rules.minLength) {
		return { code: 'password-too-short', minLength: rules.minLength, organization };
	}
	if (measured.score < rules.minStrength) {
		return { code: 'password-too-weak', minStrength: rules.minStrength, organization };
	}
	return null;
}

/**
 * A12 with O3/O4: what the required actions at log in are judged against: the policy of the
 * organization that manages the account (O2), none for an unmanaged account.
 */
export function accountPolicy(state: State, id: AccountId): AccountPolicy {
	const org = managedBy(state, id);
	if (org === null) return {};
	const maxAge = org.passwordPolicy?.maxAgeDays ?? null;
	return {
		...(maxAge === null ? {} : { passwordMaxAgeDays: maxAge }),
		...(org.requireTwoStep === true ? { requireTwoStep: true } : {})
	};
}
