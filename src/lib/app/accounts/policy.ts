// O3: a new password is judged against the password policy of the organization that manages
// the account (or, at sign up, the address's verified domain) where it is still in clear: here
// and in the form. The core never sees a password, only its hash, so this is the one place a
// command can refuse it; the form runs the same rule first (core's passwordPolicyProblem).
import { err, ok, passwordPolicyProblem } from '$lib/core';
import type { PasswordRules, Result } from '$lib/core';
import { passwordLength } from '$lib/forms/fields';
import type { AccountProblem } from './types';

export async function checkPasswordPolicy(
	rules: PasswordRules | null,
	password: string,
	userInputs: readonly string[]
): Promise<Result<true, AccountProblem>> {
	if (rules === null) return ok(true);
	const length = passwordLength(password);
	// Only measure strength when the policy asks for more than the A1 floor.
	let score = 4;
	if (rules.minStrength > 0) {
		const { passwordStrength } = await import('$lib/security/strength');
		score = (await passwordStrength(password, [...userInputs])).score;
	}
	const problem = passwordPolicyProblem(rules, { length, score });
	return problem === null ? ok(true) : err(problem);
}
