// A10 and C15: the words of the support commands (what each says when done, which field a
// refusal belongs on) and of the Services section and support threads. command-words.ts
// merges these into the command map's words.
import type { CommandInputs, CommandRefusal } from '$lib/app/command-types';
import type { SupportStatus } from '$lib/core';
import { announcement } from './announcement';
import type { Announcement } from './announcement';
import { userText } from './phrase';
import type { Phrase } from './phrase';

type Name = keyof typeof SUPPORT_DONE_WORDS | 'support.answer';

const success = (words: Phrase): Announcement => announcement(words, 'success');

const SUPPORT_DONE_WORDS = {
	'supportAccount.requestChange': (i: CommandInputs['supportAccount.requestChange']) => [
		'We sent a verification mail to ',
		userText(i.email.trim()),
		' listing its support accounts. Open it in Mail to choose one.'
	],
	'supportAccount.confirmChange': () => ['Support account linked to your account.'],
	'support.reply': () => ['Reply sent. The support request is open.'],
	'support.resolve': () => ['Support request resolved.'],
	'support.reopen': () => ['Support request reopened.']
} as const;

/**
 * What each says when done. The desk's answer says nothing: it runs right after the request,
 * whose announcement stays; the answer arrives in Mail and the request's status.
 */
export const SUPPORT_DONE: {
	readonly [N in Name]: (output: unknown, input: CommandInputs[N]) => Announcement | null;
} = {
	'supportAccount.requestChange': (_c, i) =>
		success(SUPPORT_DONE_WORDS['supportAccount.requestChange'](i)),
	'supportAccount.confirmChange': () =>
		success(SUPPORT_DONE_WORDS['supportAccount.confirmChange']()),
	'support.answer': () => null,
	'support.reply': () => success(SUPPORT_DONE_WORDS['support.reply']()),
	'support.resolve': () => success(SUPPORT_DONE_WORDS['support.resolve']()),
	'support.reopen': () => success(SUPPORT_DONE_WORDS['support.reopen']())
};

export function isSupportCommand(name: string): name is Name {
	return name in SUPPORT_DONE;
}

/** The field of the form a refusal belongs on, or null: announced. */
export function supportField(name: Name, refusal: CommandRefusal): string | null {
	if (name === 'supportAccount.requestChange') {
		return refusal.code === 'invalid-email' || refusal.code === 'no-support-accounts'
			? 'email'
			: null;
	}
	if (name === 'support.reply' && refusal.code === 'invalid-payload') return 'text';
	return null;
}

/** C15: how a request's status reads. */
export const STATUS_WORDS: Readonly<Record<SupportStatus, string>> = {
	open: 'Open',
	waiting: 'Waiting for customer',
	resolved: 'Resolved'
};
