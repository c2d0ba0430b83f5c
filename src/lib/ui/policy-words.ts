// O3/O4 words: why a typed password breaks an organization's password policy (said on the
// Password field), and the policy sections' own messages. The organization's name is someone's
// text inside a plain-text field message, so it is quoted (bidi controls shown, cut, X4).
import type { PasswordPolicyProblem, PasswordRules } from '$lib/core';
import type { PasswordPolicyInput } from '$lib/app/command-types';
import { quoted } from './phrase';

export const STRENGTH_WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export function passwordPolicyWords(problem: PasswordPolicyProblem): string {
	const org = quoted(problem.organization);
	return problem.code === 'password-too-short'
		? `At least ${problem.minLength} characters, required by ${org}’s password policy.`
		: `Too easy to guess: ${org} requires strength ${problem.minStrength} of 4 (${STRENGTH_WORDS[problem.minStrength] ?? ''}). Add a few unrelated words.`;
}

/** O3: announced once the policy is saved. */
export function passwordPolicySavedWords(p: PasswordPolicyInput): string {
	const expiry =
		p.maxAgeDays === null
			? 'Passwords never expire.'
			: `Passwords expire after ${p.maxAgeDays} day${p.maxAgeDays === 1 ? '' : 's'}.`;
	return `Password policy saved: at least ${p.minLength} characters and strength ${p.minStrength} of 4. ${expiry}`;
}

/** O4: announced once the setting is saved. */
export function twoStepPolicySavedWords(required: boolean): string {
	return required
		? 'Two-step verification is now required: managed accounts without it set it up at their next log in.'
		: 'Two-step verification is no longer required.';
}

/** O3: why a policy field is refused (the form's check and the core's bounds agree). */
export const POLICY_FIELD_WORDS = {
	minStrength: 'Choose a strength from 0 (any) to 4 (very strong).',
	minLength: 'Enter a whole number of characters from 8 to 64.',
	maxAgeDays: 'Enter a whole number of days from 0 to 3650, or leave it empty for never.'
} as const;

/** O3: what the policy asks, said under the Password field before anything is typed. */
export function passwordPolicyHint(rules: PasswordRules | null): string | undefined {
	if (rules === null) return undefined;
	return `${quoted(rules.organization)} asks for at least ${rules.minLength} characters and strength ${rules.minStrength} of 4.`;
}
