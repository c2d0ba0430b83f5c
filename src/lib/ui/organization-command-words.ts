// The words of the organization commands (O1): what each says when done, which field a
// refusal belongs on, and the problems only the app knows (DNS, finding a person).
import type { CommandRefusal } from '$lib/app/command-types';
import type {
	OrganizationCommandName,
	OrganizationInputs,
	OrganizationOutputs
} from '$lib/app/organization-command-types';
import type { OrganizationProblem } from '$lib/app/organizations';
import type { GoogleSyncReport } from '$lib/app/organizations/sso';
import { announcement } from './announcement';
import type { Announcement } from './announcement';
import { phrase, userText } from './phrase';
import type { Phrase, Piece } from './phrase';

type Words<N extends OrganizationCommandName> = (
	output: OrganizationOutputs[N],
	input: OrganizationInputs[N]
) => Announcement | null;

const success = (...parts: readonly (Piece | Phrase)[]): Announcement =>
	announcement(phrase(...parts), 'success');

export const ORGANIZATION_DONE: { readonly [N in OrganizationCommandName]: Words<N> } = {
	'organization.create': (_o, input) =>
		success(userText(input.name.trim()), ' is created. You are its first admin.'),
	'organization.addAdmin': (_o, input) =>
		success(userText(input.email.trim()), ' is now an admin.'),
	'organization.removeAdmin': () => success('The admin was removed.'),
	'domain.add': (_o, input) =>
		success(
			userText(input.domain.trim().toLowerCase()),
			' is added and pending: publish its TXT record or verify it by mail.'
		),
	'domain.remove': (_o, input) =>
		success(
			userText(input.domain.trim().toLowerCase()),
			' is removed: its accounts are no longer managed.'
		),
	'domain.mailCheck': (_o, input) =>
		success(
			'Verification mail sent to ',
			userText(input.address.trim()),
			'. Open its link while logged in as an admin.'
		),
	'domain.verifyByMail': (_o, input) => success(userText(input.domain), ' is verified.'),
	'domain.checkDns': (_o, input) =>
		success(userText(input.domain.trim().toLowerCase()), ' is verified.'),
	// A read: the section shows what it read.
	'audit.load': () => null,
	'audit.chains': () => null,
	'organization.setSignIn': (_o, input) =>
		success(
			input.provider === 'none'
				? 'Single sign-on is off: managed accounts log in with their Tessera password.'
				: `Managed accounts now sign in through ${providerName(input.provider)} (simulated).`
		),
	'directory.put': (_o, input) =>
		success(userText(input.email.trim()), ' is saved in the simulated directory.'),
	'directory.remove': (_o, input) =>
		success(userText(input.email.trim()), ' is removed from the simulated directory.'),
	'google.sync': (output) => announcement(syncSummary(output.report), 'success')
};

/** O5: the provider as people read it. */
export function providerName(provider: 'saml' | 'google'): string {
	return provider === 'saml' ? 'SAML' : 'Google';
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** O5: one sentence for what a Google sync did (the section lists the people). */
export function syncSummary(report: GoogleSyncReport): string {
	const parts = [
		`${count(report.created.length, 'account', 'accounts')} created`,
		`${report.renamed.length} renamed`,
		`${report.reactivated.length} reactivated`,
		`${report.deactivated.length} deactivated`
	];
	const kept =
		report.keptPrimary.length === 0
			? ''
			: ` ${count(report.keptPrimary.length, 'person who left stays', 'people who left stay')} active as a primary contact.`;
	return `Google sync done: ${parts.join(', ')}.${kept}`;
}

const CODES: ReadonlySet<string> = new Set<OrganizationProblem['code']>([
	'no-such-account',
	'resolver-invalid',
	'dns-unreachable',
	'dns-bad-answer',
	'dns-record-missing',
	'provider-password-required'
]);

export function isOrganizationProblem(refusal: CommandRefusal): refusal is OrganizationProblem {
	return CODES.has(refusal.code);
}

export function organizationProblemWords(problem: OrganizationProblem): string {
	switch (problem.code) {
		case 'no-such-account':
			return 'No active account with that email is on this device. They must sign up (or sync) first.';
		case 'resolver-invalid':
			return 'The DNS resolver must be an https address (or http on this computer), such as https://cloudflare-dns.com/dns-query.';
		case 'dns-unreachable':
			return 'The DNS resolver could not be reached. Check the connection or the resolver address, then try again.';
		case 'dns-bad-answer':
			return 'The DNS resolver’s answer could not be read. Check that its address is a DNS-over-HTTPS JSON endpoint.';
		case 'dns-record-missing':
			return `The TXT record was not found yet. Publish ${problem.record} at the domain, wait for DNS to update, then check again.`;
		case 'provider-password-required':
			return 'Enter the provider password this person will sign in with.';
	}
}

/** The form field an organization command's refusal belongs on, or null (announced). */
export function organizationField(
	name: OrganizationCommandName,
	refusal: CommandRefusal
): string | null {
	const code = refusal.code;
	switch (name) {
		case 'organization.create':
			return code === 'invalid-payload' ? 'name' : null;
		case 'organization.addAdmin':
			return code === 'no-such-account' || code === 'already-admin' || code === 'account-inactive'
				? 'email'
				: null;
		case 'domain.add':
			return code === 'invalid-domain' ||
				code === 'public-domain' ||
				code === 'domain-taken' ||
				code === 'domain-already-added'
				? 'domain'
				: null;
		case 'domain.mailCheck':
			return code === 'invalid-email' || code === 'address-not-at-domain' ? 'address' : null;
		case 'domain.checkDns':
			return code === 'resolver-invalid' ? 'resolver' : null;
		case 'directory.put':
			return directoryField(code);
		default:
			return null;
	}
}

function directoryField(code: string): string | null {
	switch (code) {
		case 'invalid-email':
		case 'not-a-verified-domain':
			return 'email';
		case 'name-required':
			return 'name';
		case 'provider-password-required':
			return 'password';
		default:
			return null;
	}
}

const NAMES: ReadonlySet<string> = new Set(Object.keys(ORGANIZATION_DONE));

export function isOrganizationCommand(name: string): name is OrganizationCommandName {
	return NAMES.has(name);
}

/** O1: a DNS check asked for offline. */
export function waitingWords(domain: string): Phrase {
	return phrase(
		'You are offline: the DNS check of ',
		userText(domain),
		' waits and runs as soon as this device is online.'
	);
}
