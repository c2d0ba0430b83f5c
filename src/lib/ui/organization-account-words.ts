// The words of the managed-account commands (O2, A6): what each says when done, what the
// destructive ones ask first, and which field of the row's form a refusal belongs on.
// command-words.ts merges these into the command map's words.
import type {
	CommandOutputs,
	CommandRefusal,
	OrganizationAccountCommandName as Name,
	OrganizationAccountInputs as Inputs
} from '$lib/app/command-types';
import { utcMinute } from '$lib/core';
import type { AccountId, State } from '$lib/core';

type Committed = CommandOutputs['managed.delete'];
import { announcement } from './announcement';
import type { Announcement } from './announcement';
import { quoted, userText } from './phrase';
import type { Phrase } from './phrase';

const success = (words: Phrase): Announcement => announcement(words, 'success');

/** The account's address before the change: the first notice went to it (A13). */
function addressBefore(c: Committed, id: AccountId): string {
	return c.applied.mail[0]?.to ?? c.applied.state.accounts.get(id)?.email ?? 'The account';
}

const NOTICE = ' We mailed them a security notice.';

export const MANAGED_DONE: {
	readonly [N in Name]: (output: Committed, input: Inputs[N]) => Announcement;
} = {
	'managed.changeEmail': (c, input) =>
		success([
			'The address of ',
			userText(addressBefore(c, input.accountId)),
			' is now ',
			userText(input.email.trim()),
			'. We mailed both addresses a security notice.'
		]),
	'managed.changeName': (c, input) =>
		success([
			'The full name of ',
			userText(addressBefore(c, input.accountId)),
			' is now ',
			userText(input.name.trim()),
			`.${NOTICE}`
		]),
	'managed.deactivate': (c, input) =>
		success([
			userText(addressBefore(c, input.accountId)),
			` is deactivated: it cannot log in until an admin reactivates it.${NOTICE}`
		]),
	'managed.reactivate': (c, input) =>
		success([
			userText(addressBefore(c, input.accountId)),
			` is reactivated: it can log in again.${NOTICE}`
		]),
	'managed.delete': (c, input) =>
		success([userText(addressBefore(c, input.accountId)), ` is deleted.${NOTICE}`]),
	'managed.resetTwoStep': (c, input) =>
		success([
			'Two-step verification of ',
			userText(addressBefore(c, input.accountId)),
			` is off: they turn it on again.${NOTICE}`
		])
};

export interface ManagedConfirm {
	readonly title: string;
	readonly body: string;
	readonly confirm: string;
}

const who = (state: State, id: AccountId): string =>
	quoted(state.accounts.get(id)?.email ?? 'this account', 80);

/** What the destructive ones ask before they run. */
export const MANAGED_ASK: {
	readonly [N in Name]?: (input: Inputs[N], state: State) => ManagedConfirm;
} = {
	'managed.deactivate': (input, state) => ({
		title: 'Deactivate account?',
		body: `${who(state, input.accountId)} will not be able to log in until an admin reactivates it. Its licenses stay as they are.`,
		confirm: 'Deactivate account'
	}),
	'managed.delete': (input, state) => ({
		title: 'Delete account?',
		body: `${who(state, input.accountId)} will be deleted with its contact roles. This cannot be undone.`,
		confirm: 'Delete account'
	}),
	'managed.resetTwoStep': (input, state) => ({
		title: 'Reset two-step verification?',
		body: `Two-step verification of ${who(state, input.accountId)} will be off: its authenticator app and recovery codes stop working, and its holder turns it on again.`,
		confirm: 'Reset two-step verification'
	})
};

const NAMES: ReadonlySet<string> = new Set(Object.keys(MANAGED_DONE));

export function isManagedCommand(name: string): name is Name {
	return NAMES.has(name);
}

/** The field of the row's form a refusal belongs on (email or name), or null: announced. */
export function managedField(name: Name, refusal: CommandRefusal): string | null {
	const code = refusal.code;
	if (name === 'managed.changeEmail') {
		const onField =
			code === 'invalid-email' ||
			code === 'email-taken' ||
			code === 'email-outside-organization' ||
			(code === 'invalid-payload' && 'field' in refusal && refusal.field === 'email');
		return onField ? 'email' : null;
	}
	if (name === 'managed.changeName') {
		const onField =
			code === 'name-required' ||
			code === 'managed-by-idp' ||
			(code === 'invalid-payload' && 'field' in refusal && refusal.field === 'name');
		return onField ? 'name' : null;
	}
	return null;
}

/** A refusal worded for the admin (the generic words say "your" elsewhere). */
export function managedRefusalWords(name: Name, refusal: CommandRefusal): string | null {
	if (refusal.code !== 'invalid-payload') return null;
	if (name === 'managed.changeEmail') return 'That already is the account’s address.';
	if (name === 'managed.changeName') return 'That already is the account’s full name.';
	return null;
}

/** O2/A7: how an account signs in, as the admin's list says it. */
export const SOURCE_WORDS = { password: 'password', google: 'Google', saml: 'SAML' } as const;

/** O2: when the account last logged in on this device, where this device knows it. */
export function lastLoginWords(at: number | null): string {
	return at === null
		? 'Last login on this device: never'
		: `Last login on this device: ${utcMinute(at)}`;
}
