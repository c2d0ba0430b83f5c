// The words of the account mail (A1 verification, A4 reset, A5 email change, A8 deletion).
// Links carry the plain token, which is why a change that mails one is exported only
// encrypted (S3); the account itself keeps only the token's hash. Plain text only (X4).
import type { MailContent } from './mail';
import type { Account, MailLink } from './model';

export const link = (
	label: string,
	path: string,
	params: Readonly<Record<string, string>>
): MailLink => ({
	label,
	href: `${path}?${Object.entries(params)
		.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
		.join('&')}`
});

/** Minutes precision, UTC, so the text reads the same on every device. */
export function minute(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function providerName(account: Account): string {
	return account.source === 'google' ? 'Google' : "your organization's single sign-on";
}

/** A1: sign-up and "resend". */
export function verifyEmail(account: Account, token: string): MailContent {
	return {
		kind: 'verify-email',
		subject: 'Verify your email address',
		body: `Hello ${account.name},\n\nPlease confirm that ${account.email} is your address.`,
		links: [link('Verify email', '/verify', { token, email: account.email })]
	};
}

/** A4: "Can't log in?"; also how an invited account (C4) gets its first password. */
export function passwordReset(account: Account, token: string, expiresAt: number): MailContent {
	return {
		kind: 'password-reset',
		subject: 'Choose a new password',
		body:
			`Hello ${account.name},\n\nSomeone asked to reset the password of ${account.email}. ` +
			`The link below works once, until ${minute(expiresAt)}. If it was not you, ignore ` +
			`this mail: your password stays as it is.`,
		links: [link('Choose a new password', '/reset', { token })]
	};
}

/** A4 + A7: the password belongs to the identity provider, so no link. */
export function passwordResetIdp(account: Account): MailContent {
	return {
		kind: 'password-reset-idp',
		subject: 'Your password is managed elsewhere',
		body:
			`Hello ${account.name},\n\nSomeone asked to reset the password of ${account.email}. ` +
			`This account signs in through ${providerName(account)}: change the password there, ` +
			`or ask your administrator.`,
		links: []
	};
}

/**
 * X6/A4: a reset spent a recovery code and turned two-step verification off (the secret was
 * sealed under the old password). Says so, and how to turn it on again.
 */
export function twoStepOffByReset(account: Account): MailContent {
	return {
		kind: 'two-step-off',
		subject: 'Two-step verification is off',
		body:
			`Hello ${account.name},\n\nThe password of ${account.email} was reset with one of its ` +
			`recovery codes, which turned two-step verification off: your other recovery codes no ` +
			`longer work. Turn it on again in Profile → Security. If you did not reset your ` +
			`password, reset it again now and tell your administrator.`,
		links: [{ label: 'Open Profile', href: '/profile' }]
	};
}

/** A5: sent to the NEW address; nothing changes until the link is used. */
export function confirmEmail(account: Account, newEmail: string, token: string): MailContent {
	return {
		kind: 'confirm-email',
		subject: 'Confirm your new email address',
		body:
			`Hello ${account.name},\n\nPlease confirm that ${newEmail} should become the address ` +
			`of your account (now ${account.email}). Until you do, nothing changes.`,
		links: [link('Confirm new address', '/confirm-email', { token })]
	};
}

/** A5: a notice to the OLD address once the change took effect. */
export function emailChanged(account: Account, newEmail: string): MailContent {
	return {
		kind: 'email-changed',
		subject: 'Your account has a new email address',
		body:
			`Hello ${account.name},\n\nThe address of your account changed from ${account.email} ` +
			`to ${newEmail}. From now on, log in with ${newEmail}.`,
		links: []
	};
}

/** A8: the last mail to a deleted account. */
export function accountDeleted(account: Account, removedRoles: number): MailContent {
	const roles =
		removedRoles === 0
			? ''
			: ` You were removed from ${removedRoles} license contact role(s) with it.`;
	return {
		kind: 'account-deleted',
		subject: 'Your account was deleted',
		body: `Hello ${account.name},\n\nThe account ${account.email} was deleted.${roles} The address can be used for a new account.`,
		links: []
	};
}
