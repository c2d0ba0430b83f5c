// X6: what proves that a change comes from its actor, per change type. The actor field alone
// proves nothing; this table says what must be shown instead, and the sync reader checks it
// for every change a file (or a server) brings, with the signatures the file carries. Local
// changes were made on this device by a logged-in person (or by nobody, for the kinds anyone
// may make) and are not re-checked.
//
// Conservative default (when unsure, enforce): a change type not listed here is a compile error,
// and a kind that cannot be checked is treated as 'actor', the strictest.
import type { AccountId } from '../ids';
import type { Change } from './types';

export type Authority =
	/**
	 * Anyone may make it (sign up, the mailed-link steps that only prove an address, "Can't log
	 * in?", renewal reminders): the device's signed chain is all that is checked.
	 */
	| { readonly kind: 'anyone' }
	/** The actor acting as themself: the device must be enrolled for the actor. */
	| { readonly kind: 'actor' }
	/**
	 * A password set through a mailed link, by someone who cannot log in: the device must be
	 * enrolled for that account, or the account has no signing key yet (its first password:
	 * trust on first use, see docs/threat-model.md).
	 */
	| { readonly kind: 'account'; readonly accountId: AccountId }
	/** An enrollment proves itself: the account key's signature is inside it. */
	| { readonly kind: 'enrollment'; readonly accountId: AccountId };

export function authorityOf(change: Change): Authority {
	switch (change.type) {
		case 'account.create':
			return change.payload.mode === 'signup' ? { kind: 'anyone' } : { kind: 'actor' };
		case 'account.verifyEmail':
		case 'account.resendVerification':
		case 'account.requestReset':
		case 'renewal.remind':
		case 'appPassword.use': // A14: the site's check records a last-used time, nothing more
			return { kind: 'anyone' };
		case 'account.setPassword':
			return change.payload.reason === 'change'
				? { kind: 'actor' }
				: { kind: 'account', accountId: change.payload.accountId };
		case 'device.enroll':
			return { kind: 'enrollment', accountId: change.payload.accountId };
		case 'account.setKeys':
			// Only an account without a usable key takes one (trust on first use, like 'first').
			return { kind: 'account', accountId: change.payload.accountId };
		case 'license.start':
		case 'site.create':
		case 'contact.add':
		case 'contact.makePrimary':
		case 'contact.delete':
		case 'billing.makeMe':
		case 'support.request':
		case 'billing.setDetails': // C14: the primary billing contact
		case 'license.renew': // C14: a billing contact
		case 'handover':
		case 'account.updateProfile':
		case 'account.requestEmailChange':
		case 'account.confirmEmailChange':
		case 'account.enableTwoStep':
		case 'account.disableTwoStep':
		case 'account.useTotpStep':
		case 'account.useRecoveryCode':
		case 'account.delete':
		case 'organization.create': // O1: an admin of the organization (its creator, here)
		case 'organization.addAdmin':
		case 'organization.removeAdmin':
		case 'domain.add':
		case 'domain.mailCheck':
		case 'domain.verify':
		case 'domain.remove':
		case 'organization.setPasswordPolicy': // O3: an admin of the organization
		case 'organization.setTwoStepPolicy': // O4: an admin of the organization
		case 'account.regenerateRecoveryCodes': // A13: the holder
		case 'managed.changeEmail': // A6: an admin of the managing organization, as themself
		case 'managed.changeName':
		case 'managed.deactivate':
		case 'managed.reactivate':
		case 'managed.delete':
		case 'managed.resetTwoStep':
		case 'organization.setSignIn': // O5: an admin of the organization
		case 'directory.put':
		case 'directory.remove':
		case 'google.sync':
		case 'customer.add': // A9: an admin of the site
		case 'customer.rename':
		case 'customer.remove':
		case 'customer.migrate':
		case 'productUser.add': // A11: an admin of the site
		case 'productUser.remove':
		case 'site.upgradeUsers':
		case 'appPassword.create': // A14: the holder
		case 'appPassword.revoke': // A14: the holder or an admin of the managing organization
		case 'supportAccount.add': // A10: recorded unlinked; only the mailed link links one
		case 'supportAccount.requestChange': // A10: the holder
		case 'supportAccount.confirmChange':
		case 'support.answer': // C15: the requester's (or a technical contact's) device
		case 'support.reply':
		case 'support.resolve':
		case 'support.reopen':
			return { kind: 'actor' };
		default:
			change satisfies never;
			return { kind: 'actor' };
	}
}
