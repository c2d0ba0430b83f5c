// A9: the words of the service-desk commands (what each says when done, what remove and
// migrate ask first, which field of the form a refusal belongs on) and of the Customers
// section. command-words.ts merges these into the command map's words.
import type { CommandInputs, CommandRefusal } from '$lib/app/command-types';
import type { State } from '$lib/core';
import { announcement } from './announcement';
import type { Announcement } from './announcement';
import { quoted, userText } from './phrase';
import type { Phrase } from './phrase';

type Name = 'customer.add' | 'customer.rename' | 'customer.remove' | 'customer.migrate';

const success = (words: Phrase): Announcement => announcement(words, 'success');

export const DESK_DONE: {
	readonly [N in Name]: (output: unknown, input: CommandInputs[N]) => Announcement;
} = {
	'customer.add': (_c, i) =>
		success([userText(i.email.trim()), ' is now a customer of the service desk.']),
	'customer.rename': (_c, i) =>
		success(['The customer’s full name is now ', userText(i.name.trim()), '.']),
	'customer.remove': (_c, i) =>
		success([userText(i.email.trim()), ' is no longer a customer of the service desk.']),
	'customer.migrate': (_c, i) =>
		success([
			userText(i.email.trim()),
			' now has an account. We mailed them how to choose a password through “Can’t log in?”.'
		])
};

const siteName = (state: State, input: CommandInputs['customer.remove']): string =>
	quoted(state.sites.get(input.siteId)?.name ?? 'this site', 80);

export const DESK_ASK = {
	'customer.remove': (input: CommandInputs['customer.remove'], state: State) => ({
		title: 'Remove customer?',
		body: `${quoted(input.email, 80)} will no longer be a customer of the service desk of ${siteName(state, input)}.`,
		confirm: 'Remove customer'
	}),
	'customer.migrate': (input: CommandInputs['customer.migrate'], state: State) => ({
		title: 'Migrate to account?',
		body: `${quoted(input.email, 80)} becomes a Tessera account and leaves the service desk of ${siteName(state, input)}. We mail them how to choose a password.`,
		confirm: 'Migrate to account'
	})
};

/** The field of the Customers form a refusal belongs on, or null: announced. */
export function deskField(name: Name, refusal: CommandRefusal): string | null {
	const code = refusal.code;
	if (name !== 'customer.add' && name !== 'customer.rename') return null;
	if (code === 'name-required') return 'name';
	if (code === 'invalid-payload' && 'field' in refusal) {
		return refusal.field === 'name' || refusal.field === 'email' ? refusal.field : null;
	}
	if (name === 'customer.add' && (code === 'invalid-email' || code === 'customer-exists')) {
		return 'email';
	}
	return null;
}

export function isDeskCommand(name: string): name is Name {
	return name in DESK_DONE;
}
