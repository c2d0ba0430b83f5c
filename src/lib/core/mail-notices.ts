// A13: the security notices mailed to an account's holder when its password, two-step
// settings or recovery codes change, or when a recovery code is used (the email change's
// notice is emailChanged in mail-accounts.ts). Each says what happened, when, and what to do
// if it was not the holder. Plain text only (X4); the time in UTC minutes, the same everywhere.
import type { MailContent } from './mail';
import { minute } from './mail-accounts';
import type { Account, MailLink } from './model';

const PROFILE: MailLink = { label: 'Open Profile', href: '/profile' };

const NOT_YOU =
	'If this was not you, choose a new password through "Can\'t log in?" at once and tell your administrator.';

/** A13: the password changed (by the holder, through a reset link, or at first use). */
export function passwordChanged(account: Account, at: number): MailContent {
	return {
		kind: 'password-changed',
		subject: 'Your password was changed',
		body: `Hello ${account.name},\n\nThe password of ${account.email} was changed on ${minute(at)}. ${NOT_YOU}`,
		links: [
			{ label: "Can't log in?", href: `/cant-log-in?email=${encodeURIComponent(account.email)}` }
		]
	};
}

/** A13: two-step verification was turned on, with a fresh set of recovery codes. */
export function twoStepOn(account: Account, at: number): MailContent {
	return {
		kind: 'two-step-on',
		subject: 'Two-step verification is on',
		body: `Hello ${account.name},\n\nTwo-step verification was turned on for ${account.email} on ${minute(at)}: logging in now asks for a code from your authenticator app. Keep your recovery codes somewhere safe. ${NOT_YOU}`,
		links: [PROFILE]
	};
}

/** A13: the holder turned two-step verification off. */
export function twoStepOff(account: Account, at: number): MailContent {
	return {
		kind: 'two-step-off',
		subject: 'Two-step verification is off',
		body: `Hello ${account.name},\n\nTwo-step verification was turned off for ${account.email} on ${minute(at)}; its recovery codes no longer work. ${NOT_YOU}`,
		links: [PROFILE]
	};
}

/** A13: new recovery codes; the earlier ones stopped working. */
export function recoveryCodesChanged(account: Account, at: number, count: number): MailContent {
	return {
		kind: 'recovery-codes-changed',
		subject: 'You have new recovery codes',
		body: `Hello ${account.name},\n\n${count} new recovery codes were made for ${account.email} on ${minute(at)}. The earlier codes no longer work. ${NOT_YOU}`,
		links: [PROFILE]
	};
}

/** A13: a recovery code was spent (at log in, or to reset the password). */
export function recoveryCodeUsed(account: Account, at: number, left: number): MailContent {
	const few = left <= 3 ? ' Make new ones in Profile → Security soon.' : '';
	return {
		kind: 'recovery-code-used',
		subject: 'A recovery code was used',
		body: `Hello ${account.name},\n\nOne of the recovery codes of ${account.email} was used on ${minute(at)}. ${left} unused code${left === 1 ? '' : 's'} left.${few} ${NOT_YOU}`,
		links: [PROFILE]
	};
}
