// What the account commands change in this device's session (A3, A5, A8, A12), updated by
// `perform` from what the command returned, right after it returns: a confirmed password
// renews sudo mode, a new name or address reaches the shell's copy, deleting the account and
// logging out end the session, and so does resetting the device (which forgets this device's
// record of log ins too, O2). (A log in begins one through the login flow, login-flow.svelte.ts.)
import type { CommandInputs, CommandName, CommandOutputs } from '$lib/app/command-types';
import type { SessionRecord } from '$lib/app/session';
import { accountId } from '$lib/core';
import { lastLogins } from './last-logins.svelte';
import { session } from './session.svelte';

type After<N extends CommandName> = (output: CommandOutputs[N], input: CommandInputs[N]) => void;

/** The session the command acted for is this device's current one (not a log in's own). */
const isCurrent = (record: SessionRecord): boolean =>
	session.current?.accountId === record.accountId;

const AFTER: { readonly [N in CommandName]?: After<N> } = {
	'account.reauthenticate': (o, input) => {
		if (isCurrent(input.session)) session.reauthenticated(o.at);
	},
	'account.updateProfile': (c, input) => {
		const account = c.applied.state.accounts.get(accountId(input.session.accountId));
		if (account !== undefined && isCurrent(input.session)) session.refresh(account);
	},
	'account.confirmEmailChange': (o, input) => {
		if (o.account !== null && isCurrent(input.session)) session.refresh(o.account);
	},
	'account.delete': (_c, input) => {
		if (isCurrent(input.session)) session.end();
	},
	'session.logOut': () => session.end(),
	// P3: a reset removes every account on this device, so nobody stays logged in, and the
	// device's record of log ins (O2) goes with them.
	'device.reset': () => {
		session.end();
		lastLogins.clear();
	}
};

export function updateSession<N extends CommandName>(
	name: N,
	output: CommandOutputs[N],
	input: CommandInputs[N]
): void {
	const after: After<N> | undefined = AFTER[name];
	after?.(output, input);
}
