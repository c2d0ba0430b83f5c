// The account commands of the command map (declared in account-command-types.ts): each calls
// the account command of accounts/ with the context's device throttle (X2) and keyring (X6),
// and answers its result as the map's Ran: a value, or a typed refusal (a core refusal, or
// what only the app knows: a wrong password or code, throttling, "Confirm it's you").
import type { Result } from '$lib/core';
import type { Committed } from '$lib/store/types';
import type { AccountInputs, AccountOutputs, ResetLinkView } from './account-command-types';
import {
	changePassword,
	confirmEmailChange,
	deleteAccount,
	deletionBlocker,
	disableTwoStep,
	enableTwoStep,
	inspectResetLink,
	logIn,
	logInThroughProvider,
	reauthenticate,
	regenerateRecoveryCodes,
	requestEmailChange,
	requestReset,
	resendVerification,
	resetNeedsRecoveryCode,
	resetPassword,
	signUp,
	startEnrolment,
	updateProfile,
	verifyEmail,
	verifySecondStep
} from './accounts';
import type { AccountProblem, AccountsContext } from './accounts';
import type { Command, Ran } from './command-types';
import type { AppContext } from './context';
import { accountId } from '$lib/core';

type AccountCommands = {
	readonly [N in keyof AccountInputs]: Command<AccountInputs[N], AccountOutputs[N]>;
};

/** The context with this device's throttle and this tab's keyring, which state/ supplies. */
function accountsContext(ctx: AppContext): AccountsContext {
	const { throttle, keyring } = ctx;
	if (throttle === undefined || keyring === undefined) {
		throw new Error('Account commands need the device throttle and keyring in the context');
	}
	return { ...ctx, throttle, keyring };
}

const done = <O>(value: O, committed: Committed | null = null): Ran<O> => ({
	kind: 'done',
	value,
	committed,
	undo: null
});

const refused = <O>(refusal: AccountProblem): Ran<O> => ({ kind: 'refused', refusal });

/** A command that commits one change and answers what the store committed. */
function change<I>(
	run: (ctx: AccountsContext, input: I) => Promise<Result<Committed, AccountProblem>>
): Command<I, Committed> {
	return {
		needsActor: false,
		async run(ctx, _actor, input) {
			const result = await run(accountsContext(ctx), input);
			return result.ok ? done(result.value, result.value) : refused(result.error);
		}
	};
}

function task<I, O>(
	run: (ctx: AccountsContext, input: I, actor: AppActor) => Promise<Ran<O>>
): Command<I, O> {
	return {
		needsActor: false,
		run: async (ctx, actor, input) => run(accountsContext(ctx), input, actor)
	};
}

type AppActor = Parameters<Command<unknown, unknown>['run']>[1];

const throttled = (t: { retryAt: number; reason: 'slow-down' | 'locked' }): AccountProblem => ({
	code: 'throttled',
	retryAt: t.retryAt,
	reason: t.reason
});

export const accountCommands: AccountCommands = {
	'account.signUp': task(async (ctx, input) => {
		const result = await signUp(ctx, input);
		return result.ok ? done(result.value, result.value) : refused(result.error);
	}),
	'account.verifyEmail': task(async (ctx, input, actor) => {
		const result = await verifyEmail(ctx, { ...input, actor });
		return result.ok ? done(result.value, result.value) : refused(result.error);
	}),
	'account.resendVerification': change((ctx, input) => resendVerification(ctx, input.accountId)),
	'account.logIn': task(async (ctx, input) => {
		const step = await logIn(ctx, input);
		switch (step.kind) {
			case 'invalid':
				return refused({ code: 'wrong-password' });
			case 'throttled':
				return refused(throttled(step));
			case 'identity-provider':
				return refused({ code: 'identity-provider', source: step.source });
			case 'deactivated':
				return refused({ code: 'deactivated', organization: step.organization });
			case 'key-unreadable':
				return refused({ code: 'key-unreadable' });
			case 'desk-customer':
				return refused({ code: 'desk-customer', sites: step.sites });
			case 'expired':
				return refused({ code: 'login-expired' });
			default:
				return done(step);
		}
	}),
	'account.providerLogIn': task(async (ctx, input) => {
		const step = await logInThroughProvider(ctx, input);
		switch (step.kind) {
			case 'invalid':
				return refused({ code: 'wrong-password' });
			case 'throttled':
				return refused(throttled(step));
			case 'deactivated':
				return refused({ code: 'deactivated', organization: step.organization });
			case 'expired':
				return refused({ code: 'login-expired' });
			default:
				return done(step);
		}
	}),
	'account.secondStep': task(async (ctx, input) => {
		const step = await verifySecondStep(ctx, input.pending, input.code);
		switch (step.kind) {
			case 'invalid':
				return refused({ code: 'wrong-code', reused: step.reused });
			case 'throttled':
				return refused(throttled(step));
			case 'expired':
				return refused({ code: 'login-expired' });
			default:
				return done(step);
		}
	}),
	'account.reauthenticate': task(async (ctx, input) => {
		const result = await reauthenticate(ctx, input.session, input.password);
		if (result.kind === 'invalid') return refused({ code: 'wrong-password' });
		if (result.kind === 'throttled') return refused(throttled(result));
		return done({ at: ctx.now() });
	}),
	'account.requestReset': task(async (ctx, input, actor) => {
		const result = await requestReset(ctx, { email: input.email, actor });
		return result.ok ? done(result.value, result.value) : refused(result.error);
	}),
	'account.resetLink': task(async (ctx, input) => {
		// X7: on the clock the change using the link will carry, as the rules judge it.
		const at = await ctx.store.changeTime(ctx.now());
		const link = await inspectResetLink(ctx.store.state, input.token, at);
		if (!link.ok) return done<ResetLinkView>(link);
		const { id, email, name } = link.account;
		return done<ResetLinkView>({
			ok: true,
			account: { id, email, name },
			needsRecoveryCode: resetNeedsRecoveryCode(link.account)
		});
	}),
	'account.resetPassword': task(async (ctx, input) => {
		const result = await resetPassword(ctx, input);
		if (!result.ok) return refused(result.error);
		const { account } = result.value;
		return done(
			{ email: account.email, twoStepOff: resetNeedsRecoveryCode(account) },
			result.value
		);
	}),
	'account.changePassword': change((ctx, input) =>
		changePassword(ctx, input.session, input.password)
	),
	'account.updateProfile': change((ctx, { session, ...fields }) =>
		updateProfile(ctx, session, fields)
	),
	'account.requestEmailChange': change((ctx, input) =>
		requestEmailChange(ctx, input.session, input.email)
	),
	'account.confirmEmailChange': task(async (ctx, input) => {
		const result = await confirmEmailChange(ctx, input.session, input.token);
		if (!result.ok) return refused(result.error);
		const id = accountId(input.session.accountId);
		const account = result.value.applied.state.accounts.get(id) ?? null;
		return done({ account }, result.value);
	}),
	'account.checkDeletion': task((ctx, input) => {
		const blocker = deletionBlocker(ctx, input.session);
		return Promise.resolve(blocker === null ? done(null) : refused(blocker));
	}),
	'account.delete': change((ctx, input) => deleteAccount(ctx, input.session)),
	'twoStep.start': task((_ctx, input) => Promise.resolve(done(startEnrolment(input.email)))),
	'twoStep.enable': task(async (ctx, { session, ...input }) => {
		const result = await enableTwoStep(ctx, session, input);
		return result.ok ? done(result.value) : refused(result.error);
	}),
	'twoStep.disable': task(async (ctx, input) => {
		const result = await disableTwoStep(ctx, input.session, input.code);
		return result.ok ? done(null) : refused(result.error);
	}),
	'twoStep.regenerateCodes': task(async (ctx, input) => {
		const result = await regenerateRecoveryCodes(ctx, input.session);
		return result.ok ? done(result.value) : refused(result.error);
	}),
	'session.logOut': { needsActor: false, run: () => Promise.resolve(done(null)) }
};
