// The account commands of the command map (A1–A5, A7, A8, A12; X1, X2, X6): their inputs and
// outputs, declared once. A command that acts for a session carries it (`AsSession`): the
// logged-in one, or, for the required actions of a log in (A12), the log in's own record
// before the session begins. What only the app can know (a wrong password or code,
// throttling, "Confirm it's you") comes back as a typed refusal (accounts/types.ts).
import type { Account, AccountId } from '$lib/core';
import type { Committed } from '$lib/store/types';
import type { Enrolment, LoggedIn, PendingLogin, SignUpInput } from './accounts';
import type { SessionRecord } from './session';

export interface AsSession {
	readonly session: SessionRecord;
}

/** A4: what a reset link stands for, before the new password is typed. */
export type ResetLinkView =
	| {
			readonly ok: true;
			readonly account: Pick<Account, 'id' | 'email' | 'name'>;
			/** X6: two-step verification is on, so the reset asks for a recovery code. */
			readonly needsRecoveryCode: boolean;
	  }
	| { readonly ok: false; readonly code: 'invalid-token' | 'token-used' | 'token-expired' };

/** A2: the password was right: either the second step is asked, or the log in is done. */
export type LogInOutput =
	LoggedIn | { readonly kind: 'second-step'; readonly pending: PendingLogin };

export interface AccountInputs {
	/** A1 (X1, X6: hashed and keyed before the change). */
	'account.signUp': SignUpInput;
	/** A1: the mailed link; whoever holds it may use it. */
	'account.verifyEmail': { readonly email: string; readonly token: string };
	/** A1: a new link; only the newest works. */
	'account.resendVerification': { readonly accountId: AccountId };
	/** A2 (X2 throttled). */
	'account.logIn': { readonly email: string; readonly password: string };
	/** O5/A7: the simulated provider's page: the provider password (X2 throttled, X6 keys). */
	'account.providerLogIn': { readonly email: string; readonly password: string };
	/** A2: the code from the authenticator app, or a recovery code. */
	'account.secondStep': { readonly pending: PendingLogin; readonly code: string };
	/** A12 "Confirm it's you": the password again (X6: this tab holds the vault key after). */
	'account.reauthenticate': AsSession & { readonly password: string };
	/** A4 "Can't log in?": always "sent". */
	'account.requestReset': { readonly email: string };
	/** A4: what the link stands for (nothing is recorded). */
	'account.resetLink': { readonly token: string };
	/** A4 (X6: a new key; with two-step on, a recovery code). */
	'account.resetPassword': {
		readonly token: string;
		readonly password: string;
		readonly recoveryCode?: string;
	};
	/** A5 + A12. */
	'account.changePassword': AsSession & { readonly password: string };
	/** A5: name or avatar (`avatar: null` removes it). */
	'account.updateProfile': AsSession & {
		readonly name?: string;
		readonly avatar?: string | null;
	};
	/** A5 + A12: a link to the new address. */
	'account.requestEmailChange': AsSession & { readonly email: string };
	/** A5: the link from the new address. */
	'account.confirmEmailChange': AsSession & { readonly token: string };
	/** A8: whether the account can be deleted now (nothing is recorded). */
	'account.checkDeletion': AsSession;
	/** A8 */
	'account.delete': AsSession;
	/** A2: a fresh secret to scan (nothing is recorded until a code proves it). */
	'twoStep.start': { readonly email: string };
	/** A2 + A12 */
	'twoStep.enable': AsSession & { readonly secret: string; readonly code: string };
	/** A2 + A12 */
	'twoStep.disable': AsSession & { readonly code: string };
	/** A13 + A12: new recovery codes; the old ones stop working. */
	'twoStep.regenerateCodes': AsSession;
	/** A3: ends this device's session. */
	'session.logOut': { readonly reason?: 'switch' };
}

export interface AccountOutputs {
	'account.signUp': Committed & { readonly accountId: AccountId };
	'account.verifyEmail': Committed;
	'account.resendVerification': Committed;
	'account.logIn': LogInOutput;
	'account.providerLogIn': LoggedIn;
	'account.secondStep': LoggedIn;
	/** When the password was entered (the session's new authAt). */
	'account.reauthenticate': { readonly at: number };
	'account.requestReset': Committed;
	'account.resetLink': ResetLinkView;
	'account.resetPassword': { readonly email: string; readonly twoStepOff: boolean };
	'account.changePassword': Committed;
	'account.updateProfile': Committed;
	'account.requestEmailChange': Committed;
	/** The account with its new address. */
	'account.confirmEmailChange': { readonly account: Account | null };
	'account.checkDeletion': null;
	'account.delete': Committed;
	'twoStep.start': Enrolment;
	'twoStep.enable': { readonly recoveryCodes: readonly string[] };
	'twoStep.disable': null;
	'twoStep.regenerateCodes': { readonly recoveryCodes: readonly string[] };
	'session.logOut': null;
}

export type AccountCommandName = keyof AccountInputs;
