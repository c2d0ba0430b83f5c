// Words for the account pages (A1–A15, X2), made from stable codes in one place: core
// refusals of account changes, and the outcomes only the app knows (a
// wrong password, a wrong code, throttling, sudo mode). Other refusals go to refusals.ts.
import { helpCenterOf } from '$lib/core';
import type { PrimaryContactRefusal, RefusalCode } from '$lib/core';
import type { AccountProblem } from '$lib/app/accounts';
import { passwordPolicyWords } from './policy-words';
import { quoted } from './phrase';
import { describeRefusal } from './refusals';

const WORDS: Partial<Record<RefusalCode, string>> = {
	'email-taken':
		'Another account already uses this email address. Log in to it, or use “Can\u2019t log in?” if it is yours.',
	'invalid-email': 'Enter an email address like name@example.com.',
	'name-required': 'Enter your full name.',
	'invalid-token':
		'This link is not valid any more: a newer one may have been sent. Ask for a new link.',
	'token-used': 'This link was already used. Ask for a new one if you still need it.',
	'token-expired': 'This link has expired (links work for one hour). Ask for a new one.',
	'already-verified': 'This email address is already verified. You can log in.',
	'managed-by-idp':
		'This account signs in through Google or single sign-on: change that there, or ask your administrator.',
	'password-already-set':
		'This account already has a password: use “Can\u2019t log in?” to reset it.',
	'two-step-already-enabled': 'Two-step verification is already on.',
	'two-step-not-enabled': 'Two-step verification is off.',
	'code-reused': 'That code was already used. Wait for the next code in your app.',
	'invalid-recovery-code': 'That recovery code is not valid or was already used.',
	'recovery-code-required':
		'Two-step verification is on for this account: enter one of your recovery codes to reset the password.',
	'account-inactive': 'This account is deactivated or deleted.',
	'not-allowed': 'Only the account holder can do that. Log in to this account first.'
};

/** "in 3 seconds", "at 14:05": when a throttled attempt may be made again. */
export function retryWords(retryAt: number, now: number): string {
	const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
	if (seconds < 90) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
	const time = new Date(retryAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
	return `at ${time} (in about ${Math.ceil(seconds / 60)} minutes)`;
}

export function throttleWords(
	t: { readonly retryAt: number; readonly reason: 'slow-down' | 'locked' },
	now: number
): string {
	return t.reason === 'locked'
		? `Too many failed attempts: this account is locked on this device. Try again ${retryWords(t.retryAt, now)}, or use “Can\u2019t log in?”.`
		: `Too many failed attempts. Wait a moment and try again ${retryWords(t.retryAt, now)}.`;
}

/** A9: a service-desk customer has no Tessera account: where it goes instead. */
export function deskCustomerWords(sites: readonly string[]): string {
	const names = sites.map((s) => quoted(s, 80)).join(', ');
	const where = sites.map((s) => helpCenterOf({ name: s })).join(' or ');
	return `This email is a service-desk customer of ${names}, not a Tessera account: customers sign in to the help center at ${where}. To get an account, ask a site admin to migrate you, or sign up.`;
}

export const WRONG_PAIR =
	'That email and password do not match an account. Check both and try again.';
export const WRONG_CODE =
	'That code is not right. Check your authenticator app (its clock must be right), or use a recovery code.';
export const REUSED_CODE = 'That code was already used. Wait for the next code in your app.';

export function describeAccountProblem(problem: AccountProblem, now: number): string {
	switch (problem.code) {
		case 'wrong-password':
			return 'That password is not right.';
		case 'wrong-code':
			return problem.reused ? REUSED_CODE : WRONG_CODE;
		case 'throttled':
			return throttleWords(problem, now);
		case 'reauth-required':
			return 'For your security, enter your password again to make this change.';
		case 'no-account':
			return 'This account is no longer on this device. Log in again.';
		case 'identity-provider':
			return `This account signs in through ${problem.source === 'google' ? 'Google' : 'your organization’s single sign-on'}, not with a Tessera password.`;
		case 'deactivated':
			return deactivatedWords(problem.organization);
		case 'desk-customer':
			return deskCustomerWords(problem.sites);
		case 'key-unreadable':
			return 'Your password is right, but your account key could not be opened with it. Use “Can’t log in?” to set a new password.';
		case 'login-expired':
			return 'Your account changed on this device meanwhile. Log in again.';
		case 'primary-contact':
			return primaryContactWords(problem);
		case 'primary-domain-mismatch':
			return describeRefusal(problem);
		case 'password-too-short':
		case 'password-too-weak':
			return passwordPolicyWords(problem);
		default:
			return WORDS[problem.code] ?? describeRefusal(problem);
	}
}

/** A6: why a deactivated account cannot log in, and whom to ask. */
export function deactivatedWords(organization: string | null): string {
	if (organization === null) return 'This account is deactivated, so it cannot log in.';
	const name = quoted(organization);
	return `This account was deactivated by an admin of ${name}, so it cannot log in. Ask an admin of ${name} to reactivate it.`;
}

/** A8: why the account cannot be deleted yet; the page lists the licenses with links. */
export function primaryContactWords(refusal: PrimaryContactRefusal): string {
	const count = new Set(refusal.licenses.map((l) => l.licenseId)).size;
	return (
		`Your account can’t be deleted yet: you are a primary contact of ${count} license` +
		`${count === 1 ? '' : 's'}. Make someone else primary there (or hand your licenses over), then try again.`
	);
}

export function roleWords(role: {
	readonly role: 'billing' | 'technical';
	readonly soleContact: boolean;
}) {
	const what = role.role === 'billing' ? 'primary billing contact' : 'primary technical contact';
	const how = role.soleContact
		? 'add someone else, then make them primary'
		: 'make one of the other contacts primary';
	return `${what}: ${how}`;
}
