// Words for what a license command did, made from the committed change (STYLE: words for
// people are made in one place; refusals have theirs in $lib/ui/refusals.ts). Names and
// addresses stay apart in each phrase, so the status line isolates them (X4).
import { describeLicense } from '$lib/core';
import type { AccountId, ContactRole, License, State } from '$lib/core';
import type { Committed } from '$lib/store/types';
import { person, phrase, userText } from '$lib/ui/phrase';
import type { Phrase } from '$lib/ui/phrase';

const ROLE_WORD: Readonly<Record<ContactRole, string>> = {
	billing: 'billing',
	technical: 'technical'
};

function who(state: State, id: AccountId): Phrase {
	const account = state.accounts.get(id);
	return account === undefined ? ['That person'] : person(account.name, account.email);
}

/** "Mail sent to a@x, b@y." for the people the change mailed (C8), or nothing. */
export function mailedWords(committed: Committed): Phrase {
	const to = [...new Set(committed.applied.mail.map((m) => m.to))];
	if (to.length === 0) return [];
	return phrase(
		' Mail sent to ',
		...to.flatMap((a, i) => (i === 0 ? [userText(a)] : [', ', userText(a)])),
		'.'
	);
}

export function addedWords(license: License, role: ContactRole, committed: Committed): Phrase {
	const change = committed.change;
	const invited = change.type === 'contact.add' && change.payload.newAccount !== undefined;
	const email = change.type === 'contact.add' ? change.payload.email.trim() : '';
	return phrase(
		'Added ',
		userText(email),
		` as a ${ROLE_WORD[role]} contact of ${describeLicense(license)}.`,
		invited ? ' An account was created for them and they were invited by mail.' : '',
		mailedWords(committed)
	);
}

export function madePrimaryWords(
	state: State,
	license: License,
	role: ContactRole,
	id: AccountId,
	committed: Committed
): Phrase {
	return phrase(
		who(state, id),
		` is now the primary ${ROLE_WORD[role]} contact of ${describeLicense(license)}.`,
		mailedWords(committed)
	);
}

export function deletedWords(
	state: State,
	license: License,
	role: ContactRole,
	id: AccountId,
	committed: Committed
): Phrase {
	const still = state.licenseIdsByAccount.get(id)?.has(license.id) === true;
	return phrase(
		who(state, id),
		` is no longer a ${ROLE_WORD[role]} contact of ${describeLicense(license)}.`,
		still
			? ' They keep their other role on it.'
			: ' The license no longer appears in their Licenses.',
		mailedWords(committed)
	);
}
