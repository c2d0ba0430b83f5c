// A10, C15: how the Sync page names a support-account or support-thread change (S9), from the
// same lookup as every other change. Someone's text stays a separate piece (X4).
import type { SupportChange } from '$lib/core';
import type { Lookup } from './change-words';
import { phrase, userText } from './phrase';
import type { Phrase } from './phrase';

const THREAD_VERBS = {
	'support.answer': 'The simulated support desk answers a support request on ',
	'support.reply': 'Reply on a support request on ',
	'support.resolve': 'Resolve a support request on ',
	'support.reopen': 'Reopen a support request on '
} as const;

export function describeSupportChange(change: SupportChange, names: Lookup): Phrase {
	switch (change.type) {
		case 'supportAccount.add':
			return phrase(
				'Record the legacy support account ',
				userText(change.payload.name),
				' of ',
				userText(change.payload.email)
			);
		case 'supportAccount.requestChange':
			return phrase(
				'Mail the support accounts of ',
				userText(change.payload.email),
				' to link one to ',
				names.account(change.payload.accountId)
			);
		case 'supportAccount.confirmChange':
			return phrase('Link a support account to ', names.account(change.payload.accountId));
		default:
			return phrase(THREAD_VERBS[change.type], names.license(change.payload.licenseId));
	}
}
