// The steps of a log in (A2, A12), as pure functions of what the commands returned: the
// password, then the second step (two-step verification on), then each required action
// (verify the address, a new password, enrol in two-step, whose recovery codes are shown
// once), and only then the session begins (`finished`). The page renders the current step;
// the login flow (login-flow.svelte.ts) runs the commands and moves between these.
import type { LoggedIn, PendingLogin } from '$lib/app/accounts';
import type { LogInOutput } from '$lib/app/command-types';
import type { SessionRecord } from '$lib/app/session';
import type { Account, RequiredAction } from '$lib/core';

/** X6: `record` is the session the log in signed; it begins once nothing is required. */
interface Identified {
	readonly account: Account;
	readonly record: SessionRecord;
}

export type LoginStep =
	| { readonly kind: 'credentials' }
	| { readonly kind: 'second-step'; readonly pending: PendingLogin }
	| (Identified & {
			readonly kind: 'required';
			readonly action: RequiredAction;
			readonly rest: readonly RequiredAction[];
	  })
	| (Identified & {
			readonly kind: 'recovery-codes';
			readonly codes: readonly string[];
			readonly rest: readonly RequiredAction[];
	  })
	| (Identified & { readonly kind: 'finished'; readonly note: string });

export const CREDENTIALS: LoginStep = { kind: 'credentials' };

/** The first required action left, or the end of the log in. */
function next(who: Identified, actions: readonly RequiredAction[], note = ''): LoginStep {
	const [action, ...rest] = actions;
	const { account, record } = who;
	if (action === undefined) return { kind: 'finished', account, record, note };
	return { kind: 'required', account, record, action, rest };
}

/** After a recovery code: how many are left, and what to do when few are (A2). */
export function recoveryNote(left: number | null): string {
	if (left === null) return '';
	return (
		` Recovery code accepted: you have ${left} left.` +
		(left <= 3 ? ' Turn two-step verification off and on again in Profile for new ones.' : '')
	);
}

/** The password or the second step was right. */
export function loggedIn(result: LoggedIn): LoginStep {
	const who = { account: result.account, record: result.session };
	return next(who, result.required, recoveryNote(result.recoveryCodesLeft));
}

/** The password was right: the second step, or what the log in answered. */
export function afterPassword(output: LogInOutput): LoginStep {
	return output.kind === 'second-step'
		? { kind: 'second-step', pending: output.pending }
		: loggedIn(output);
}

/** The required action was done (a new password): the next one, or the end. */
export function actionDone(step: LoginStep): LoginStep {
	return step.kind === 'required' ? next(step, step.rest) : step;
}

/** Two-step verification was turned on: its recovery codes, shown once, come first. */
export function enrolled(step: LoginStep, codes: readonly string[]): LoginStep {
	if (step.kind !== 'required') return step;
	const { account, record, rest } = step;
	return { kind: 'recovery-codes', account, record, codes, rest };
}

/** The recovery codes were saved: the next required action, or the end. */
export function codesSaved(step: LoginStep): LoginStep {
	return step.kind === 'recovery-codes' ? next(step, step.rest) : step;
}

/** Required actions run with the log in's own fresh authentication (A12), before it begins. */
export function provisional(step: LoginStep): SessionRecord | null {
	return step.kind === 'required' || step.kind === 'recovery-codes' ? step.record : null;
}
