// Words for what a license command did, made from the committed change (STYLE: words for
// people are made in one place; refusals have theirs in $lib/ui/refusals.ts).
import { describeLicense } from '$lib/core';
import type { AccountId, ContactRole, License, State } from '$lib/core';
import type { Committed } from '$lib/store/types';

const ROLE_WORD: Readonly<Record<ContactRole, string>> = {
	billing: 'billing',
	technical: 'technical'
};

function person(state: State, id: AccountId): string {
	const account = state.accounts.get(id);
	return account === undefined ? 'That person' : `${account.name} (${account.email})`;
}

/** "Mail sent to a@x, b@y." for the people the change mailed (C8), or ''. */
export function mailedWords(committed: Committed): string {
	const to = [...new Set(committed.applied.mail.map((m) => m.to))];
	return to.length === 0 ? '' : ` Mail sent to ${to.join(', ')}.`;
}

export function addedWords(license: License, role: ContactRole, committed: Committed): string {
	const change = committed.change;
	const invited = change.type === 'contact.add' && change.payload.newAccount !== undefined;
	const email = change.type === 'contact.add' ? change.payload.email.trim() : '';
	return (
		`Added ${email} as a ${ROLE_WORD[role]} contact of ${describeLicense(license)}.` +
		(invited ? ' An account was created for them and they were invited by mail.' : '') +
		mailedWords(committed)
	);
}

export function madePrimaryWords(
	state: State,
	license: License,
	role: ContactRole,
	id: AccountId,
	committed: Committed
): string {
	return (
		`${person(state, id)} is now the primary ${ROLE_WORD[role]} contact of ` +
		`${describeLicense(license)}.${mailedWords(committed)}`
	);
}

export function deletedWords(
	state: State,
	license: License,
	role: ContactRole,
	id: AccountId,
	committed: Committed
): string {
	const still = state.licenseIdsByAccount.get(id)?.has(license.id) === true;
	return (
		`${person(state, id)} is no longer a ${ROLE_WORD[role]} contact of ` +
		`${describeLicense(license)}.` +
		(still
			? ' They keep their other role on it.'
			: ' The license no longer appears in their Licenses.') +
		mailedWords(committed)
	);
}
