// Words for the license pages (C0–C10 and the UI vocabulary): labels, and the sentence that says what a
// command did, made only from what its commit returned (the change, and the state and mail
// right after it), never from state read before or at another time.
import { RENEWAL_WINDOW_DAYS, describeLicense } from '$lib/core';
import type { AccountId, ContactRole, Hosting, LicenseId, State } from '$lib/core';
import type { ContactRef } from '$lib/app/licenses';
import type { Committed } from '$lib/store/types';
import { plural } from './format';
import { person, phrase, plainText, userText } from './phrase';
import type { Phrase } from './phrase';

export const HOSTING_WORDS: Readonly<Record<Hosting, string>> = {
	server: 'Server',
	cloud: 'Cloud'
};

export const ROLE_HEADINGS: Readonly<Record<ContactRole, string>> = {
	billing: 'Billing contacts',
	technical: 'Technical contacts'
};

export const ROLE_FIELD: Readonly<Record<ContactRole, string>> = {
	billing: 'Billing contact email',
	technical: 'Technical contact email'
};

const ROLE_WORD: Readonly<Record<ContactRole, string>> = {
	billing: 'billing',
	technical: 'technical'
};

/**
 * "Expires in 3 days", "Expired 2 days ago", or null while renewal is not due yet (C9).
 * `soon` is the core's `due` (RenewalState): within the renewal window.
 */
export function expiryWords(expiry: 'expired' | 'soon' | 'ok', daysLeft: number): string | null {
	if (expiry === 'expired') return `Expired ${plural(Math.max(1, -daysLeft), 'day')} ago`;
	if (expiry === 'soon') {
		return daysLeft <= 0 ? 'Expires today' : `Expires in ${plural(daysLeft, 'day')}`;
	}
	return null;
}

/** C9 on the Licenses page: how many of the person's licenses are due for renewal. */
export function renewalsDueWords(count: number): string {
	return (
		`${plural(count, 'license')} you are a billing contact of ` +
		`${count === 1 ? 'expires' : 'expire'} within ${RENEWAL_WINDOW_DAYS} days.`
	);
}

/** How a person is named in lists and choices: "Name (email)". */
export function personLabel(person: { readonly name: string; readonly email: string }): string {
	return `${person.name} (${person.email})`;
}

/** "Name (email)", or a stand-in for an account this device does not have. */
export function personWords(state: State, id: AccountId): string {
	return plainText(personPhrase(state, id));
}

/** The same, with the name and the address kept apart to show them isolated (X4). */
export function personPhrase(state: State, id: AccountId): Phrase {
	const account = state.accounts.get(id);
	return account === undefined ? ['That person'] : person(account.name, account.email);
}

function licenseWords(state: State, id: LicenseId): string {
	const license = state.licenses.get(id);
	return license === undefined ? 'the license' : describeLicense(license);
}

/** " Mail sent to a@x, b@y." for the people the change mailed (C8), or nothing. */
export function mailedWords(committed: Committed): Phrase {
	const to = [...new Set(committed.applied.mail.map((m) => m.to))];
	if (to.length === 0) return [];
	return phrase(
		' Mail sent to ',
		...to.flatMap((a, i) => (i === 0 ? [userText(a)] : [', ', userText(a)])),
		'.'
	);
}

export function addedWords(committed: Committed): Phrase {
	const change = committed.change;
	if (change.type !== 'contact.add') return ['Contact added.'];
	const { email, role, licenseId, newAccount } = change.payload;
	return phrase(
		'Added ',
		userText(email.trim()),
		` as a ${ROLE_WORD[role]} contact of ${licenseWords(committed.applied.state, licenseId)}.`,
		newAccount !== undefined
			? ' An account was created for them and they were invited by mail.'
			: '',
		mailedWords(committed)
	);
}

export function madePrimaryWords(committed: Committed, input: ContactRef): Phrase {
	const state = committed.applied.state;
	return phrase(
		personPhrase(state, input.accountId),
		` is now the primary ${ROLE_WORD[input.role]} contact of ${licenseWords(state, input.licenseId)}.`,
		mailedWords(committed)
	);
}

export function deletedWords(committed: Committed, input: ContactRef): Phrase {
	const state = committed.applied.state;
	const still = state.licenseIdsByAccount.get(input.accountId)?.has(input.licenseId) === true;
	return phrase(
		personPhrase(state, input.accountId),
		` is no longer a ${ROLE_WORD[input.role]} contact of ${licenseWords(state, input.licenseId)}.`,
		still
			? ' They keep their other role on it.'
			: ' The license no longer appears in their Licenses.',
		mailedWords(committed)
	);
}

export function startedWords(committed: Committed): string {
	const change = committed.change;
	return change.type === 'license.start'
		? `Started license ${change.payload.sen}: you are its billing and technical contact. It is shown below.`
		: 'License started.';
}

export function siteCreatedWords(committed: Committed): Phrase {
	const change = committed.change;
	const site =
		change.type === 'site.create'
			? committed.applied.state.sites.get(change.payload.siteId)
			: undefined;
	return phrase(
		'Created the site ',
		site === undefined ? 'you asked for' : userText(site.name),
		'. You are its site admin.'
	);
}

export function supportRequestedWords(committed: Committed): Phrase {
	const change = committed.change;
	if (change.type !== 'support.request') return ['Support request sent.'];
	const { subject, licenseId } = change.payload;
	const license = committed.applied.state.licenses.get(licenseId);
	return phrase(
		'Support request “',
		userText(subject.trim()),
		`” sent for ${license?.sen ?? 'the license'}. A confirmation was mailed.`
	);
}

export function remindedWords(committed: Committed): string {
	const sent = committed.applied.mail.length;
	return sent === 0
		? 'Renewal quotes for these licenses were sent already.'
		: `Renewal quotes sent to billing contacts (${plural(sent, 'mail')}).`;
}

/** C10: how many licenses the admin now pays for, on which site, and who was mailed. */
export function madeMeBillingWords(committed: Committed): Phrase {
	const change = committed.change;
	const siteId = change.type === 'billing.makeMe' ? change.payload.siteId : undefined;
	const site = siteId === undefined ? undefined : committed.applied.state.sites.get(siteId);
	const licenses = new Set(
		committed.applied.effects.flatMap((e) =>
			e.kind === 'put' && e.store === 'licenses' ? [e.value.id] : []
		)
	);
	return phrase(
		`You are now the primary billing contact of ${plural(licenses.size, 'license')} on `,
		site === undefined ? 'this site' : userText(site.name),
		'. The former primary contacts stay as secondary billing contacts.',
		mailedWords(committed)
	);
}
