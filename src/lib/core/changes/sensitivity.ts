// Which change types deserve a second look before a file is applied (S9, X6): the ones that
// can take over an account or move licenses to someone else. The import preview lists them
// first and marks them. One line per change type, so a new type (a device enrolment, an
// organization admin action) is a compile error here until someone decides: when in doubt,
// sensitive (when unsure, err on the side of caution).
import type { Change, ChangeType } from './types';

/** What a sensitive change can do, for the words beside its mark. */
export type SensitiveTopic =
	| 'password'
	| 'email'
	| 'two-step'
	| 'recovery-code'
	| 'account-deletion'
	| 'handover'
	| 'device'
	| 'signing-key'
	| 'organization';

/** The topic of each sensitive change type; null for the others. */
export const SENSITIVITY = Object.freeze({
	'account.create': null,
	'license.start': null,
	'site.create': null,
	'contact.add': null,
	'contact.makePrimary': null,
	'contact.delete': null,
	'billing.makeMe': null,
	'support.request': null,
	'billing.setDetails': null,
	'license.renew': null,
	// Moves every license a person holds to someone else (C11).
	handover: 'handover',
	'renewal.remind': null,
	'account.verifyEmail': null,
	'account.resendVerification': null,
	// Carries the reset token that a later account.setPassword presents (A4).
	'account.requestReset': 'password',
	'account.setPassword': 'password',
	'account.updateProfile': null,
	// Carries the token that confirms the new address (A5).
	'account.requestEmailChange': 'email',
	'account.confirmEmailChange': 'email',
	'account.enableTwoStep': 'two-step',
	'account.disableTwoStep': 'two-step',
	'account.useTotpStep': null,
	'account.useRecoveryCode': 'recovery-code',
	'account.delete': 'account-deletion',
	// Lets a device act for the account from now on (X6).
	'device.enroll': 'device',
	// Gives an account from before X6 its first signing key (sealed under its password).
	'account.setKeys': 'signing-key',
	// O1/O2: who administers an organization, and which accounts it manages.
	'organization.create': 'organization',
	'organization.addAdmin': 'organization',
	'organization.removeAdmin': 'organization',
	'domain.add': 'organization',
	'domain.mailCheck': 'organization',
	'domain.verify': 'organization',
	'domain.remove': 'organization',
	// O3/O4: what every managed account must do to log in.
	'organization.setPasswordPolicy': 'organization',
	'organization.setTwoStepPolicy': 'organization',
	// A13: replaces the codes that stand in for the second factor.
	'account.regenerateRecoveryCodes': 'recovery-code',
	// A6/O2: an admin acts on a managed account (its address, its log in, its second step).
	'managed.changeEmail': 'email',
	'managed.changeName': 'organization',
	'managed.deactivate': 'organization',
	'managed.reactivate': 'organization',
	'managed.delete': 'account-deletion',
	'managed.resetTwoStep': 'two-step',
	// O5: how managed accounts sign in, who is in the directory, which accounts exist.
	'organization.setSignIn': 'organization',
	// A directory person carries a provider password; with sign-in None it is pushed (password sync).
	'directory.put': 'password',
	'directory.remove': 'organization',
	'google.sync': 'organization',
	// A9: portal-only customers; a migration makes an invited account, as C4 does.
	'customer.add': null,
	'customer.rename': null,
	'customer.remove': null,
	'customer.migrate': null,
	// A11: an upgrade makes invited accounts, as C4 does.
	'productUser.add': null,
	'productUser.remove': null,
	'site.upgradeUsers': null,
	// A14: a password for a site, usable without the account's password.
	'appPassword.create': 'password',
	'appPassword.revoke': 'password',
	'appPassword.use': null,
	// A10: a legacy support account is recorded unlinked; the start carries the mailed token.
	'supportAccount.add': null,
	'supportAccount.requestChange': null,
	'supportAccount.confirmChange': null,
	// C15: a request's thread and status.
	'support.answer': null,
	'support.reply': null,
	'support.resolve': null,
	'support.reopen': null
} as const satisfies Readonly<Record<ChangeType, SensitiveTopic | null>>);

/** The change's topic when it is sensitive, else null. */
export function sensitiveTopic(change: Pick<Change, 'type'>): SensitiveTopic | null {
	const table: Readonly<Record<ChangeType, SensitiveTopic | null>> = SENSITIVITY;
	return table[change.type];
}
