// Words for refused rules, from their stable codes (the UI never matches on
// text). One sentence that says what happened and what the person can do instead. Every
// plain code has words (a new code fails the type check here until it gets some); the two
// refusals that carry data are worded from it below.
import type { PrimaryContactRefusal, Refusal, RefusalCode } from '$lib/core';
import { quoted } from './phrase';

type PlainCode = Exclude<RefusalCode, 'primary-domain-mismatch' | 'primary-contact'>;

const WORDS: Readonly<Record<PlainCode, string>> = {
	'not-a-contact': 'Only a billing or technical contact of this license can do that (C3).',
	'not-allowed': 'Your role on this license does not allow that.',
	'already-in-role': 'That person already holds this role on the license.',
	'name-required': 'No account uses that address yet: enter the new person’s full name.',
	'invalid-email': 'That is not a valid email address.',
	'cannot-delete-primary':
		'The primary contact cannot be deleted. Make someone else primary first, then delete.',
	'not-in-role': 'That person is not a contact in this role any more.',
	'already-primary': 'That person already is the primary contact.',
	// Deleted accounts stay (A8): a record this device lacks was never here, or not yet.
	'unknown-license': 'That license is not on this device.',
	'unknown-site': 'That site is not on this device.',
	'unknown-account': 'That account is not on this device.',
	'unknown-product': 'That product is not in the catalog.',
	'duplicate-sen': 'A license with that SEN already exists.',
	'duplicate-id': 'That record already exists.',
	'email-taken': 'Another account already uses that email address.',
	'account-inactive': 'The account with that address is deactivated or deleted.',
	'site-name-taken': 'A site with that name already exists.',
	'not-site-admin': 'Only a site admin can do that.',
	'customer-exists': 'This service desk already has a customer with that email address.',
	'unknown-customer': 'This service desk has no customer with that email address.',
	'product-required': 'Choose at least one of the site’s products.',
	'product-user-exists':
		'That email address already is a user of one of those products on this site.',
	'unknown-product-user': 'This site has no such product user (any more).',
	'invalid-site-name': 'A site a bot is used on must be a host name, like acme.example.net.',
	'nothing-to-upgrade': 'Every product user of this site already is an account.',
	'app-password-name-taken': 'You already have an app password with that name.',
	'unknown-app-password': 'That app password does not exist (any more).',
	'unknown-support-account': 'The support system has no such support account.',
	'no-support-accounts': 'The support system has no support account with that email address.',
	'support-accounts-full': 'That email address already has as many support accounts as allowed.',
	'support-link-expired': 'This link has expired. Send a new verification mail from Profile.',
	'support-account-other-email':
		'That support account has another email address than the one the mail was sent to.',
	'support-account-taken': 'That support account is linked to another account.',
	'unknown-support-request': 'This license has no such support request.',
	'not-requester':
		'Only the person who asked for support and the technical contacts act on this request.',
	'support-request-resolved': 'This support request is resolved. Reopen it first.',
	'support-request-not-resolved': 'Only a resolved support request can be reopened.',
	'support-answered': 'The support desk has already answered this request.',
	'support-thread-full': 'This support request has as many messages as it can hold.',
	'already-primary-billing': 'You already are the primary billing contact of this site’s licenses.',
	'no-site-licenses': 'This site has no cloud licenses yet.',
	'not-technical-contact': 'Only technical contacts can request support for a license (C9).',
	'not-billing-contact': 'Only billing contacts can renew a license (C14).',
	'not-primary-billing':
		'Only the primary billing contact can see and change the billing details (C14).',
	'same-account': 'Choose a different person to hand over to.',
	'nothing-to-hand-over': 'That person is not a contact on any license you can manage.',
	'invalid-token': 'That link is not valid any more: a newer one may have been sent.',
	'token-used': 'That link was already used.',
	'token-expired': 'That link has expired. Ask for a new one.',
	'already-verified': 'That email address is already verified.',
	'unknown-key':
		'This device was enrolled with a key that is not the account’s: log in on it again.',
	'device-key-mismatch':
		'This change names a device that is already known with a different key, so it cannot be trusted.',
	'signing-key-exists':
		'This account already has a signing key: it was given one on another device or tab.',
	'recovery-code-required':
		'This account has two-step verification on: resetting its password needs one of its recovery codes.',
	'managed-by-idp':
		'This account signs in through Google or single sign-on: change that there, or ask your administrator.',
	'password-already-set': 'This account already has a password: use “Can’t log in?” to reset it.',
	'two-step-already-enabled': 'Two-step verification is already on.',
	'two-step-not-enabled': 'Two-step verification is off.',
	'code-reused': 'That code was already used. Wait for the next code.',
	'invalid-recovery-code': 'That recovery code is not valid or was already used.',
	'unknown-organization': 'That organization is not on this device.',
	'not-organization-admin': 'Only an admin of this organization can do that.',
	'already-admin': 'That person already is an admin of this organization.',
	'not-an-admin': 'That person is not an admin of this organization any more.',
	'last-admin': 'An organization always keeps one admin: add another admin first, then remove.',
	'invalid-domain': 'That is not a valid domain name, such as example.com.',
	'public-domain':
		'That is a public email domain: anyone can have an address there, so no organization can verify it.',
	'domain-taken': 'Another organization has verified that domain.',
	'domain-already-added': 'This organization already has that domain.',
	'unknown-domain': 'This organization does not have that domain any more.',
	'domain-already-verified': 'That domain is already verified.',
	'not-managed': 'That account is not managed by this organization (any more).',
	'managed-account':
		'This account is managed by its organization: ask one of its admins to do that.',
	'email-outside-organization':
		'The new address must be on a domain this organization has verified.',
	'own-account': 'You can’t do that to your own account: ask another admin of the organization.',
	'already-deactivated': 'That account is already deactivated.',
	'not-deactivated': 'That account is not deactivated.',
	'address-not-at-domain':
		'The verification mail must go to an address at the domain being verified.',
	'not-a-verified-domain':
		'People in the directory need an address at a domain this organization verified.',
	'not-in-directory': 'That address is not in the directory.',
	'not-google': 'Google sync works once the organization signs in through Google.',
	'no-verification-mail':
		'No verification mail was sent for this domain yet: send one, then open its link.',
	'invalid-payload': 'Some of the details are missing or invalid.',
	'unknown-change-type':
		'This change comes from a newer version of Tessera and was kept, not applied.'
};

export function describeRefusal(refusal: Refusal): string {
	if (refusal.code === 'primary-domain-mismatch') {
		const { candidateDomain, primaryDomain, publicDomain, whoCanPromote } = refusal;
		const compared = `${whoCanPromote.email} is on ${candidateDomain}; the current primary contact is on ${primaryDomain}.`;
		const why =
			publicDomain !== null
				? `${publicDomain} is a public email domain, so nobody else can make this person primary.`
				: 'Only someone on the same company domain can be made primary by another contact.';
		return `Can’t make primary: ${compared} ${why} ${whoCanPromote.email} must log in and promote themselves (Make primary on their own entry; “Can’t log in?” sets a password).`;
	}
	if (refusal.code === 'primary-contact') return primaryContactWords(refusal);
	if (refusal.code === 'managed-account' && refusal.organization !== undefined) {
		return managedWords(refusal.organization);
	}
	return WORDS[refusal.code];
}

/** A6: the holder of a managed account asks an admin of its organization. */
export function managedWords(organization: string): string {
	const name = quoted(organization);
	return `This account is managed by ${name}: ask an admin of ${name} to do that.`;
}

/** A8/C7: the account is primary somewhere; name the licenses (by SEN) to fix first. */
function primaryContactWords(refusal: PrimaryContactRefusal): string {
	const sens = [...new Set(refusal.licenses.map((l) => l.sen))];
	const shown =
		sens.slice(0, 5).join(', ') + (sens.length > 5 ? ` and ${sens.length - 5} more` : '');
	return `That account is still a primary contact (${shown}). Make someone else primary there first.`;
}
