// The words of the command map (app/commands.ts), in one place: what each command says when it
// is done (made from its output, which for a change is what the commit returned), which form
// field a refusal belongs on, and what a confirmation asks. `perform` (state/) uses these and
// nothing else, so a page never words an outcome itself.
import type {
	CommandInputs,
	CommandName,
	CommandOutputs,
	CommandRefusal,
	ConfirmReason
} from '$lib/app/command-types';
import { describeLicense } from '$lib/core';
import type { AccountId, Refusal, State } from '$lib/core';
import {
	ACCOUNT_DONE,
	accountField,
	accountRefusalWords,
	isAccountCommand
} from './account-command-words';
import { describeAccountProblem } from './account-words';
import { announcement } from './announcement';
import type { Announcement } from './announcement';
import { billingField, detailsSavedWords, renewAsk, renewedWords } from './billing-words';
import { demoLoadedWords } from './demo-words';
import { describeError } from './errors';
import { handedOverWords, previewWords } from './handover-words';
import {
	addedWords,
	deletedWords,
	madeMeBillingWords,
	madePrimaryWords,
	personWords,
	remindedWords,
	siteCreatedWords,
	startedWords,
	supportRequestedWords
} from './license-words';
import { phrase } from './phrase';
import type { Phrase } from './phrase';
import {
	POLICY_FIELD_WORDS,
	passwordPolicySavedWords,
	twoStepPolicySavedWords
} from './policy-words';
import { describeRefusal } from './refusals';
import {
	DISMISSED_WORDS,
	applyWords,
	checkWords,
	exportWords,
	historyWords,
	keptWords
} from './sync-command-words';
import { importFailedWords } from './sync-words';
import {
	DISCONNECTED_WORDS,
	KEY_FILE_MADE_WORDS,
	PAUSED_WORDS,
	RESUMED_WORDS,
	connectedWords
} from './live-words';
import {
	ORGANIZATION_DONE,
	isOrganizationCommand,
	isOrganizationProblem,
	organizationField,
	organizationProblemWords
} from './organization-command-words';
import {
	MANAGED_ASK,
	MANAGED_DONE,
	isManagedCommand,
	managedField,
	managedRefusalWords
} from './organization-account-words';
import { DESK_ASK, DESK_DONE, deskField, isDeskCommand } from './desk-words';
import { PRODUCT_ASK, PRODUCT_DONE, isProductCommand, productField } from './product-words';
import { SUPPORT_DONE, isSupportCommand, supportField } from './support-words';

const success = (words: string | Phrase): Announcement => announcement(words, 'success');

type Words<N extends CommandName> = (
	output: CommandOutputs[N],
	input: CommandInputs[N]
) => Announcement | null;

const DONE: { readonly [N in CommandName]: Words<N> } = {
	'license.start': (c) => success(startedWords(c)),
	'site.create': (c) => success(siteCreatedWords(c)),
	'contact.add': (c) => success(addedWords(c)),
	'contact.makePrimary': (c, input) => success(madePrimaryWords(c, input)),
	'contact.delete': (c, input) => success(deletedWords(c, input)),
	'billing.makeMe': (c) => success(madeMeBillingWords(c)),
	'support.request': (c) => success(supportRequestedWords(c)),
	'billing.setDetails': () => detailsSavedWords(),
	'license.renew': (c) => renewedWords(c),
	'renewal.remind': (c) => success(remindedWords(c)),
	'handover.apply': (c) => success(handedOverWords(c)),
	'organization.setPasswordPolicy': (_c, input) => success(passwordPolicySavedWords(input)),
	'organization.setTwoStepPolicy': (_c, input) => success(twoStepPolicySavedWords(input.required)),
	...DESK_DONE,
	...SUPPORT_DONE,
	'handover.preview': (report) => ({ text: previewWords(report), tone: 'info' }),
	'demo.load': (o) => demoLoadedWords(o.result, o.ms),
	// The page reloads at once and says so on the fresh page (RESET_DONE_WORDS).
	'device.reset': () => null,
	// Reads say nothing: the page shows what they read.
	'sync.overview': () => null,
	'sync.conflicts': () => null,
	'sync.export': (report) => exportWords(report),
	'sync.kept': (_none, input) => success(keptWords(input.report)),
	'sync.check': (check) => checkWords(check),
	'sync.apply': (report) => applyWords(report),
	'sync.dismiss': () => announcement(DISMISSED_WORDS, 'info'),
	'sync.history': (check) => historyWords(check),
	'live.connect': (report) => connectedWords(report),
	'live.makeKeyFile': () => announcement(KEY_FILE_MADE_WORDS, 'success'),
	'live.restore': () => null,
	'live.pause': () => announcement(PAUSED_WORDS, 'info'),
	'live.resume': () => announcement(RESUMED_WORDS, 'info'),
	'live.disconnect': () => announcement(DISCONNECTED_WORDS, 'success'),
	...ACCOUNT_DONE,
	...ORGANIZATION_DONE,
	...MANAGED_DONE,
	...PRODUCT_DONE
};

/** What the command did, in words (null: nothing to announce). */
export function doneWords<N extends CommandName>(
	name: N,
	output: CommandOutputs[N],
	input: CommandInputs[N]
): Announcement | null {
	return DONE[name](output, input);
}

/**
 * A command that failed (storage, a bug): what went wrong, in words. An import says that
 * nothing on this device changed (S4: it is one transaction).
 */
export function failedWords(name: CommandName, error: unknown): string {
	const reason = describeError(error);
	return name === 'sync.check' || name === 'sync.apply' ? importFailedWords(reason) : reason;
}

/** An undo is a new change (S1): its words say so, then what it did. */
export function undoneWords(words: Announcement | null): Announcement {
	if (words === null) return announcement('Undone.', 'success');
	return announcement(phrase('Undone. ', words.phrase ?? words.text), 'success');
}

/** A refusal that is about one field of the form that ran the command. */
export interface FieldProblem {
	readonly field: string;
	readonly words: string;
}

const SITE_NAME = 'Enter the site’s address with its domain, such as acme.example.net.';
const SUBJECT = 'Enter a subject (up to 200 characters).';
const DESCRIPTION = 'Describe the problem (up to 10,000 characters).';

/** A refusal of the rules, or one only the app knows (a wrong password, throttling …). */
function isRuleRefusal(refusal: CommandRefusal): refusal is Refusal {
	switch (refusal.code) {
		case 'wrong-password':
		case 'wrong-code':
		case 'throttled':
		case 'reauth-required':
		case 'no-account':
		case 'identity-provider':
		case 'key-unreadable':
		case 'desk-customer':
		case 'login-expired':
		case 'deactivated':
			return false;
		default:
			return true;
	}
}

/** The words of a refusal of the command, announced or shown on its field. */
export function refusalWords(
	name: CommandName,
	refusal: CommandRefusal,
	now: number = Date.now()
): string {
	if (isOrganizationProblem(refusal)) return organizationProblemWords(refusal);
	if (isAccountCommand(name)) return accountRefusalWords(name, refusal, now);
	if (isManagedCommand(name)) {
		const words = managedRefusalWords(name, refusal);
		if (words !== null) return words;
	}
	return isRuleRefusal(refusal) ? describeRefusal(refusal) : describeAccountProblem(refusal, now);
}

function contactField(refusal: CommandRefusal, email: string): string | null {
	switch (refusal.code) {
		case 'invalid-email':
		case 'already-in-role':
		case 'account-inactive':
		case 'email-taken':
		case 'same-account':
			return email;
		case 'name-required':
			return 'name';
		case 'invalid-payload':
			return refusal.field === 'newAccount' || refusal.field === 'name' ? 'name' : null;
		default:
			return null;
	}
}

/**
 * Which field of the command's form the refusal concerns, with its words, or null when it
 * concerns the whole action (then it is announced).
 */
export function fieldProblem(
	name: CommandName,
	refusal: CommandRefusal,
	now: number = Date.now()
): FieldProblem | null {
	const at = (field: string | null, words = refusalWords(name, refusal, now)) =>
		field === null ? null : { field, words };
	if (isAccountCommand(name)) return at(accountField(name, refusal));
	if (isOrganizationCommand(name)) return at(organizationField(name, refusal));
	if (isManagedCommand(name)) return at(managedField(name, refusal));
	if (isDeskCommand(name)) return at(deskField(name, refusal));
	if (isProductCommand(name)) return at(productField(name, refusal));
	if (isSupportCommand(name)) return at(supportField(name, refusal));
	switch (name) {
		case 'site.create':
			if (refusal.code === 'invalid-payload' && refusal.field === 'name') {
				return at('name', SITE_NAME);
			}
			return refusal.code === 'site-name-taken' ? at('name') : null;
		case 'contact.add':
			return at(contactField(refusal, 'email'));
		case 'handover.preview':
		case 'handover.apply':
			if (refusal.code === 'nothing-to-hand-over') return at('from');
			return at(contactField(refusal, 'to'));
		case 'support.request':
			if (refusal.code !== 'invalid-payload') return null;
			if (refusal.field === 'subject') return at('subject', SUBJECT);
			return refusal.field === 'description' ? at('description', DESCRIPTION) : null;
		case 'billing.setDetails': {
			const problem = billingField(refusal);
			return problem === null ? null : at(problem.field, problem.words);
		}
		case 'organization.setPasswordPolicy': {
			if (refusal.code !== 'invalid-payload') return null;
			const field = refusal.field;
			return field === 'minStrength' || field === 'minLength' || field === 'maxAgeDays'
				? at(field, POLICY_FIELD_WORDS[field])
				: null;
		}
		default:
			return null;
	}
}

export interface ConfirmWords {
	readonly title: string;
	readonly body: string;
	readonly confirm: string;
}

type Ask<N extends CommandName> = (
	input: CommandInputs[N],
	state: State,
	actor: AccountId | null
) => ConfirmWords;

const ROLE = { billing: 'billing', technical: 'technical' } as const;

const ASK: { readonly [N in CommandName]?: Ask<N> } = {
	'domain.remove': (input) => ({
		title: 'Remove domain?',
		body:
			`Remove ${input.domain}? Accounts with an address at it are no longer managed by the ` +
			'organization: its policies and admins stop applying to them. To manage them again the ' +
			'domain must be added and verified again.',
		confirm: 'Remove domain'
	}),
	'directory.remove': (input) => ({
		title: 'Remove from the directory?',
		body:
			`Remove ${input.email} from the simulated directory? They can no longer sign in through ` +
			'the provider, and the next Google sync deactivates their account.',
		confirm: 'Remove'
	}),
	'license.renew': (input, state) => renewAsk(input, state),
	'billing.makeMe': (input, state) => ({
		title: 'Make me billing contact?',
		body:
			'You become the primary billing contact of every cloud license on ' +
			`${state.sites.get(input.siteId)?.name ?? 'this site'}. Each current primary stays a ` +
			'secondary billing contact and is mailed; only they can make themselves primary again.',
		confirm: 'Make me billing contact'
	}),
	'contact.makePrimary': (input, state, actor) => {
		const license = state.licenses.get(input.licenseId);
		const role = input.role === 'billing' ? license?.billing : license?.technical;
		const before = role?.primary;
		const who = input.accountId === actor ? 'yourself' : personWords(state, input.accountId);
		return {
			title: 'Make primary?',
			body:
				`Make ${who} the primary ${ROLE[input.role]} contact of ` +
				`${license === undefined ? 'this license' : describeLicense(license)}? It cannot be ` +
				`undone from here: ${before === undefined ? 'the current primary' : personWords(state, before)} ` +
				'is on another email domain, so only they can make themselves primary again.',
			confirm: 'Make primary'
		};
	},
	...MANAGED_ASK,
	...DESK_ASK,
	...PRODUCT_ASK,
	'contact.delete': (input, state, actor) => {
		const license = state.licenses.get(input.licenseId);
		const name = license === undefined ? 'this license' : describeLicense(license);
		const self = input.accountId === actor;
		return {
			title: 'Delete contact?',
			body: self
				? `Remove yourself as a ${ROLE[input.role]} contact of ${name}? You will no longer see ` +
					'this license, so you could not add yourself back: another contact would have to.'
				: `Remove ${personWords(state, input.accountId)} as a ${ROLE[input.role]} contact of ` +
					`${name}? It cannot be undone from here.`,
			confirm: 'Delete'
		};
	}
};

/** What the confirmation asks before the command runs (C10, or a change with no undo). */
export function confirmWords<N extends CommandName>(
	name: N,
	input: CommandInputs[N],
	reason: ConfirmReason,
	state: State,
	actor: AccountId | null
): ConfirmWords {
	const ask: Ask<N> | undefined = ASK[name];
	if (ask !== undefined) return ask(input, state, actor);
	return {
		title: 'Go on?',
		body:
			reason === 'always'
				? 'Please confirm that you want to do this.'
				: 'This cannot be undone from here.',
		confirm: 'Go on'
	};
}
