// Words for what an import would do (S9): each change type counted ("2 password changes"),
// what happens to an account, and how a contact moves on a license. One table per kind of
// thing, keyed by the core's codes, so a new change type or aspect fails the type check here
// until it has words.
import type { AccountAspect, ChangeType, ContactMove, ContactRole } from '$lib/core';

const count = new Intl.NumberFormat('en-US');

/** Singular and plural of each change type, as counted in the preview. */
const KINDS: Readonly<Record<ChangeType, readonly [string, string]>> = {
	'account.create': ['new account', 'new accounts'],
	'license.start': ['license started', 'licenses started'],
	'site.create': ['site created', 'sites created'],
	'contact.add': ['contact added', 'contacts added'],
	'contact.makePrimary': ['contact made primary', 'contacts made primary'],
	'contact.delete': ['contact removed', 'contacts removed'],
	'billing.makeMe': ['“Make me billing contact” on a site', '“Make me billing contact” on sites'],
	'support.request': ['support request', 'support requests'],
	'billing.setDetails': ['billing details set', 'billing details set'],
	'license.renew': ['license renewed', 'licenses renewed'],
	handover: ['handover', 'handovers'],
	'renewal.remind': ['renewal reminder run', 'renewal reminder runs'],
	'account.verifyEmail': ['email address verified', 'email addresses verified'],
	'account.resendVerification': ['verification mail resent', 'verification mails resent'],
	'account.requestReset': ['password reset link asked for', 'password reset links asked for'],
	'account.setPassword': ['password change', 'password changes'],
	'account.updateProfile': ['profile update', 'profile updates'],
	'account.requestEmailChange': ['email change asked for', 'email changes asked for'],
	'account.confirmEmailChange': ['email change confirmed', 'email changes confirmed'],
	'account.enableTwoStep': ['two-step verification turned on', 'two-step verifications turned on'],
	'account.disableTwoStep': [
		'two-step verification turned off',
		'two-step verifications turned off'
	],
	'account.useTotpStep': ['log-in with a verification code', 'log-ins with a verification code'],
	'account.useRecoveryCode': ['recovery code used', 'recovery codes used'],
	'account.delete': ['account deletion', 'account deletions'],
	'device.enroll': ['device enrolled', 'devices enrolled'],
	'account.setKeys': ['signing key set', 'signing keys set'],
	'organization.create': ['organization created', 'organizations created'],
	'organization.addAdmin': ['organization admin added', 'organization admins added'],
	'organization.removeAdmin': ['organization admin removed', 'organization admins removed'],
	'domain.add': ['domain added', 'domains added'],
	'domain.mailCheck': ['domain verification mail', 'domain verification mails'],
	'domain.verify': ['domain verified', 'domains verified'],
	'domain.remove': ['domain removed', 'domains removed'],
	'organization.setPasswordPolicy': ['password policy set', 'password policies set'],
	'organization.setTwoStepPolicy': [
		'two-step verification policy set',
		'two-step verification policies set'
	],
	'account.regenerateRecoveryCodes': ['set of new recovery codes', 'sets of new recovery codes'],
	'managed.changeEmail': [
		'managed account’s email changed by an admin',
		'managed accounts’ emails changed by an admin'
	],
	'managed.changeName': [
		'managed account’s name changed by an admin',
		'managed accounts’ names changed by an admin'
	],
	'managed.deactivate': ['managed account deactivated', 'managed accounts deactivated'],
	'managed.reactivate': ['managed account reactivated', 'managed accounts reactivated'],
	'managed.delete': ['managed account deleted by an admin', 'managed accounts deleted by an admin'],
	'managed.resetTwoStep': [
		'two-step verification reset by an admin',
		'two-step verifications reset by an admin'
	],
	'organization.setSignIn': ['single sign-on setting', 'single sign-on settings'],
	'directory.put': ['directory person saved', 'directory people saved'],
	'directory.remove': ['directory person removed', 'directory people removed'],
	'google.sync': ['Google sync', 'Google syncs'],
	'customer.add': ['service-desk customer added', 'service-desk customers added'],
	'customer.rename': ['service-desk customer renamed', 'service-desk customers renamed'],
	'customer.remove': ['service-desk customer removed', 'service-desk customers removed'],
	'productUser.add': ['product user added', 'product users added'],
	'productUser.remove': ['product user removed', 'product users removed'],
	'site.upgradeUsers': ['upgrade to accounts', 'upgrades to accounts'],
	'appPassword.create': ['app password created', 'app passwords created'],
	'appPassword.revoke': ['app password revoked', 'app passwords revoked'],
	'appPassword.use': ['app password used', 'app passwords used'],
	'customer.migrate': [
		'service-desk customer made an account',
		'service-desk customers made accounts'
	],
	'supportAccount.add': ['legacy support account recorded', 'legacy support accounts recorded'],
	'supportAccount.requestChange': ['support-account link mailed', 'support-account links mailed'],
	'supportAccount.confirmChange': ['support account linked', 'support accounts linked'],
	'support.answer': ['support desk answer', 'support desk answers'],
	'support.reply': ['support reply', 'support replies'],
	'support.resolve': ['support request resolved', 'support requests resolved'],
	'support.reopen': ['support request reopened', 'support requests reopened']
};

/** "2 password changes". */
export function kindWords(type: ChangeType, n: number): string {
	const [one, many] = KINDS[type];
	return `${count.format(n)} ${n === 1 ? one : many}`;
}

/** What happens to an account record. */
export const ASPECT_WORDS: Readonly<Record<AccountAspect, string>> = {
	created: 'new account',
	deleted: 'account deleted',
	deactivated: 'account deactivated',
	reactivated: 'account reactivated',
	password: 'password changed',
	'reset-requested': 'a password reset link is mailed',
	email: 'email address changed',
	'email-change-requested': 'a change of email address is asked for',
	'two-step-on': 'two-step verification turned on',
	'two-step-off': 'two-step verification turned off',
	'recovery-code-used': 'a recovery code used',
	'code-used': 'logged in with a verification code',
	verified: 'email address verified',
	'verification-sent': 'a verification mail is sent',
	name: 'name changed',
	avatar: 'picture changed',
	'app-passwords': 'its app passwords change',
	'support-account': 'its linked support account changes'
};

/** How a contact moves in a role, after the person's name: "becomes the primary billing contact". */
export function moveWords(move: ContactMove, roles: readonly ContactRole[]): string {
	const which = roles.join(' and ');
	switch (move) {
		case 'joins-as-primary':
		case 'becomes-primary':
			return `becomes the primary ${which} contact`;
		case 'joins':
			return `becomes a ${which} contact`;
		case 'no-longer-primary':
			return `stays a ${which} contact, no longer primary`;
		case 'leaves':
			return `stops being a ${which} contact`;
	}
}

export function licensesWords(n: number): string {
	return `${count.format(n)} ${n === 1 ? 'license' : 'licenses'}`;
}
