// The reducer: apply one change to a State. `applyInPlace` writes into the given State (the
// store's hot path, replay); `apply` leaves its input untouched and shares every Map it did
// not need to change. Both refuse atomically: a refused change writes nothing.
import { commit } from '../commit';
import type { Refusal } from '../errors';
import type { Mail } from '../model';
import { ok } from '../result';
import type { Result } from '../result';
import type { Effect, State } from '../state';
import { Draft, refuse } from './draft';
import type { Outcome } from './draft';
import { accountDelete } from './rules/account-delete';
import { accountCreate, accountResendVerification, accountVerifyEmail } from './rules/accounts';
import { appPasswordCreate, appPasswordRevoke, appPasswordUse } from './rules/app-passwords';
import { productUserAdd, productUserRemove, siteUpgradeUsers } from './rules/product-users';
import { supportAccountAdd, supportLinkConfirm, supportLinkStart } from './rules/support-link';
import {
	supportAnswer,
	supportReopen,
	supportReply,
	supportResolve
} from './rules/support-requests';
import { customerAdd, customerMigrate, customerRemove, customerRename } from './rules/desk';
import { deviceEnroll } from './rules/devices';
import { accountSetKeys } from './rules/keys';
import { billingMakeMe, contactAdd, contactDelete, contactMakePrimary } from './rules/contacts';
import { handover } from './rules/handover';
import { licenseStart, renewalRemind, siteCreate, supportRequest } from './rules/licenses';
import {
	domainAdd,
	domainMailCheck,
	domainRemove,
	domainVerify,
	organizationAddAdmin,
	organizationCreate,
	organizationRemoveAdmin
} from './rules/organizations';
import {
	managedChangeEmail,
	managedChangeName,
	managedDeactivate,
	managedDelete,
	managedReactivate,
	managedResetTwoStep
} from './rules/managed';
import { directoryPut, directoryRemove, googleSync, organizationSetSignIn } from './rules/sso';
import { accountRequestReset, accountSetPassword } from './rules/passwords';
import {
	accountRegenerateRecoveryCodes,
	organizationSetPasswordPolicy,
	organizationSetTwoStepPolicy
} from './rules/policies';
import { billingSetDetails, licenseRenew } from './rules/billing';
import {
	accountConfirmEmailChange,
	accountRequestEmailChange,
	accountUpdateProfile
} from './rules/profile';
import {
	accountDisableTwoStep,
	accountEnableTwoStep,
	accountUseRecoveryCode,
	accountUseTotpStep
} from './rules/two-step';
import type { Change, HandoverReport } from './types';

export interface Applied {
	readonly state: State;
	/** Record writes to persist, in order. */
	readonly effects: readonly Effect[];
	/** Mail filed by this change (also among the effects). */
	readonly mail: readonly Mail[];
	/** Only for handover (C11). */
	readonly report?: HandoverReport;
}

export type ApplyResult = Result<Applied, Refusal>;

function decide(d: Draft, change: Change): Outcome {
	switch (change.type) {
		case 'account.create':
			return accountCreate(d, change);
		case 'license.start':
			return licenseStart(d, change);
		case 'site.create':
			return siteCreate(d, change);
		case 'contact.add':
			return contactAdd(d, change);
		case 'contact.makePrimary':
			return contactMakePrimary(d, change);
		case 'contact.delete':
			return contactDelete(d, change);
		case 'billing.makeMe':
			return billingMakeMe(d, change);
		case 'support.request':
			return supportRequest(d, change);
		case 'handover':
			return handover(d, change);
		case 'renewal.remind':
			return renewalRemind(d, change);
		case 'billing.setDetails':
			return billingSetDetails(d, change);
		case 'license.renew':
			return licenseRenew(d, change);
		case 'account.verifyEmail':
			return accountVerifyEmail(d, change);
		case 'account.resendVerification':
			return accountResendVerification(d, change);
		case 'account.requestReset':
			return accountRequestReset(d, change);
		case 'account.setPassword':
			return accountSetPassword(d, change);
		case 'account.updateProfile':
			return accountUpdateProfile(d, change);
		case 'account.requestEmailChange':
			return accountRequestEmailChange(d, change);
		case 'account.confirmEmailChange':
			return accountConfirmEmailChange(d, change);
		case 'account.enableTwoStep':
			return accountEnableTwoStep(d, change);
		case 'account.disableTwoStep':
			return accountDisableTwoStep(d, change);
		case 'account.useTotpStep':
			return accountUseTotpStep(d, change);
		case 'account.useRecoveryCode':
			return accountUseRecoveryCode(d, change);
		case 'account.delete':
			return accountDelete(d, change);
		case 'device.enroll':
			return deviceEnroll(d, change);
		case 'account.setKeys':
			return accountSetKeys(d, change);
		case 'organization.create':
			return organizationCreate(d, change);
		case 'organization.addAdmin':
			return organizationAddAdmin(d, change);
		case 'organization.removeAdmin':
			return organizationRemoveAdmin(d, change);
		case 'domain.add':
			return domainAdd(d, change);
		case 'domain.mailCheck':
			return domainMailCheck(d, change);
		case 'domain.verify':
			return domainVerify(d, change);
		case 'domain.remove':
			return domainRemove(d, change);
		case 'organization.setPasswordPolicy':
			return organizationSetPasswordPolicy(d, change);
		case 'organization.setTwoStepPolicy':
			return organizationSetTwoStepPolicy(d, change);
		case 'account.regenerateRecoveryCodes':
			return accountRegenerateRecoveryCodes(d, change);
		case 'managed.changeEmail':
			return managedChangeEmail(d, change);
		case 'managed.changeName':
			return managedChangeName(d, change);
		case 'managed.deactivate':
			return managedDeactivate(d, change);
		case 'managed.reactivate':
			return managedReactivate(d, change);
		case 'managed.delete':
			return managedDelete(d, change);
		case 'managed.resetTwoStep':
			return managedResetTwoStep(d, change);
		case 'organization.setSignIn':
			return organizationSetSignIn(d, change);
		case 'directory.put':
			return directoryPut(d, change);
		case 'directory.remove':
			return directoryRemove(d, change);
		case 'google.sync':
			return googleSync(d, change);
		case 'customer.add':
			return customerAdd(d, change);
		case 'customer.rename':
			return customerRename(d, change);
		case 'customer.remove':
			return customerRemove(d, change);
		case 'customer.migrate':
			return customerMigrate(d, change);
		case 'productUser.add':
			return productUserAdd(d, change);
		case 'productUser.remove':
			return productUserRemove(d, change);
		case 'site.upgradeUsers':
			return siteUpgradeUsers(d, change);
		case 'appPassword.create':
			return appPasswordCreate(d, change);
		case 'appPassword.revoke':
			return appPasswordRevoke(d, change);
		case 'appPassword.use':
			return appPasswordUse(d, change);
		case 'supportAccount.add':
			return supportAccountAdd(d, change);
		case 'supportAccount.requestChange':
			return supportLinkStart(d, change);
		case 'supportAccount.confirmChange':
			return supportLinkConfirm(d, change);
		case 'support.answer':
			return supportAnswer(d, change);
		case 'support.reply':
			return supportReply(d, change);
		case 'support.resolve':
			return supportResolve(d, change);
		case 'support.reopen':
			return supportReopen(d, change);
		default:
			// A type from a newer version (or a hand-made file): kept as a conflict, not applied.
			return refuse('unknown-change-type');
	}
}

function run(state: State, change: Change, inPlace: boolean): ApplyResult {
	const draft = new Draft(state, change);
	const outcome = decide(draft, change);
	if (!outcome.ok) return outcome;
	const next = commit(state, draft.pending, inPlace);
	const applied: Applied = { state: next.state, effects: next.effects, mail: draft.sent };
	const report = outcome.value.report;
	return ok(report === undefined ? applied : { ...applied, report });
}

/** Applies without touching `state`; the result shares the Maps the change did not touch. */
export function apply(state: State, change: Change): ApplyResult {
	return run(state, change, false);
}

/**
 * Applies by writing into `state` (the result's state is the same object). Only for a State
 * the caller owns outright: not one that still shares Maps with a state `apply` returned
 * and that is still in use.
 */
export function applyInPlace(state: State, change: Change): ApplyResult {
	return run(state, change, true);
}
