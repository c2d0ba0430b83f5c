// The words of the account commands (app/account-command-types.ts), in one place: what each
// says when it is done, which form field a refusal belongs on, and the words of a refusal,
// which for accounts say more than the license pages' (account-words.ts). command-words.ts
// merges these into the command map's words.
import type {
	AccountCommandName,
	AccountInputs,
	AccountOutputs,
	CommandRefusal
} from '$lib/app/command-types';
import type { AccountProblem } from '$lib/app/accounts';
import { describeAccountProblem, WRONG_PAIR } from './account-words';
import { announcement } from './announcement';
import type { Announcement } from './announcement';
import { userText } from './phrase';

type Words<N extends AccountCommandName> = (
	output: AccountOutputs[N],
	input: AccountInputs[N]
) => Announcement | null;

const success = (words: Parameters<typeof announcement>[0]) => announcement(words, 'success');

export const RESET_SENT = (email: string): string =>
	`If an account uses ${email}, we sent it a link to choose a password.`;

export const ACCOUNT_DONE: { readonly [N in AccountCommandName]: Words<N> } = {
	'account.signUp': (_c, input) =>
		success(['Account created. We sent a verification link to ', userText(input.email), '.']),
	'account.verifyEmail': (_c, input) =>
		success(['Your email address ', userText(input.email), ' is verified. You can log in now.']),
	'account.resendVerification': (c, input) => {
		const email = c.applied.state.accounts.get(input.accountId)?.email ?? '';
		return success([
			'We sent a new verification link to ',
			userText(email),
			'. Earlier links no longer work.'
		]);
	},
	// A log in is announced when its session begins (state/login-flow), after any required step.
	'account.logIn': () => null,
	'account.providerLogIn': () => null,
	'account.secondStep': () => null,
	'account.reauthenticate': () => null,
	'account.requestReset': (_c, input) => success(RESET_SENT(input.email)),
	'account.resetLink': () => null,
	'account.resetPassword': (o) =>
		success(
			o.twoStepOff
				? 'Your password is saved and two-step verification is off. Log in, then turn it on again in Profile.'
				: 'Your password is saved. Log in with it now.'
		),
	'account.changePassword': () =>
		success('Your password is changed. Use it the next time you log in.'),
	'account.updateProfile': (_c, input) => {
		if (input.name !== undefined) {
			return success(['Your full name is now ', userText(input.name), '.']);
		}
		return success(input.avatar === null ? 'Your avatar was removed.' : 'Your avatar is saved.');
	},
	'account.requestEmailChange': (_c, input) =>
		success([
			'We sent a confirmation link to ',
			userText(input.email),
			'. Your address changes when you open it.'
		]),
	'account.confirmEmailChange': (o) =>
		success(
			o.account === null
				? 'Your email address is changed.'
				: ['Your email address is now ', userText(o.account.email), '.']
		),
	'account.checkDeletion': () => null,
	'account.delete': (_c, input) =>
		success(['The account ', userText(input.session.email), ' was deleted. You are logged out.']),
	'twoStep.start': () => null,
	'twoStep.enable': () => success('Two-step verification is on. Save your recovery codes now.'),
	'twoStep.disable': () =>
		success('Two-step verification is off. Your recovery codes no longer work.'),
	'twoStep.regenerateCodes': () =>
		success('You have new recovery codes: the old ones no longer work. Save the new ones now.'),
	'session.logOut': (_o, input) =>
		announcement(
			input.reason === 'switch'
				? 'You are logged out. Log in to your other account.'
				: 'You are logged out.',
			'info'
		)
};

/** A4: why a reset link cannot be used. */
export function resetLinkWords(code: 'invalid-token' | 'token-used' | 'token-expired'): string {
	return describeAccountProblem({ code }, 0);
}

const ACCOUNT_NAMES: ReadonlySet<string> = new Set(Object.keys(ACCOUNT_DONE));

export function isAccountCommand(name: string): name is AccountCommandName {
	return ACCOUNT_NAMES.has(name);
}

/** The words of an account command's refusal (a log in says a little more). */
export function accountRefusalWords(
	name: AccountCommandName,
	refusal: AccountProblem,
	now: number
): string {
	if (
		(name === 'account.logIn' || name === 'account.providerLogIn') &&
		refusal.code === 'wrong-password'
	) {
		return WRONG_PAIR;
	}
	if (name === 'account.secondStep' && refusal.code === 'login-expired') {
		return 'That took too long. Log in again.';
	}
	if (name === 'account.requestEmailChange' && refusal.code === 'invalid-payload') {
		return 'That already is your address.';
	}
	return describeAccountProblem(refusal, now);
}

/** The form field an account command's refusal belongs on, or null (it is announced). */
export function accountField(name: AccountCommandName, refusal: CommandRefusal): string | null {
	const code = refusal.code;
	switch (name) {
		case 'account.signUp':
			if (code === 'email-taken' || code === 'invalid-email') return 'email';
			if (code === 'password-too-short' || code === 'password-too-weak') return 'password';
			return code === 'name-required' ? 'name' : null;
		case 'account.secondStep':
			return code === 'wrong-code' || code === 'throttled' ? 'code' : null;
		case 'account.reauthenticate':
			return code === 'wrong-password' || code === 'throttled' ? 'password' : null;
		case 'account.requestReset':
		case 'account.requestEmailChange':
			return 'email';
		case 'account.resetPassword':
			if (code === 'password-too-short' || code === 'password-too-weak') return 'password';
			return code === 'invalid-recovery-code' ||
				code === 'recovery-code-required' ||
				code === 'throttled'
				? 'recoveryCode'
				: null;
		case 'account.changePassword':
			return 'password';
		case 'account.updateProfile':
			return 'name';
		case 'twoStep.enable':
			return code === 'wrong-code' ? 'code' : null;
		case 'twoStep.disable':
			return 'code';
		default:
			return null;
	}
}
