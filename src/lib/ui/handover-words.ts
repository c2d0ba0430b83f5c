// Words for a handover preview or report (C11), one line per license, from the core's
// HandoverReport codes, and the announcements of the preview and of the handover itself.
import { describeLicense } from '$lib/core';
import type { ContactRole, HandoverReport, State } from '$lib/core';
import type { Committed } from '$lib/store/types';
import { plural } from './format';
import { mailedWords } from './license-words';
import { phrase, plainText, userText } from './phrase';
import type { Phrase } from './phrase';

export interface HandoverLine {
	readonly licenseId: string;
	readonly license: string;
	readonly outcome: 'replaced' | 'added-needs-self-promotion' | 'skipped';
	readonly words: string;
	/** The same words, with the two names kept apart to show them isolated (X4). */
	readonly said: Phrase;
}

const ROLE: Readonly<Record<ContactRole, string>> = {
	billing: 'billing',
	technical: 'technical'
};

function list(roles: readonly ContactRole[]): string {
	return roles.map((r) => ROLE[r]).join(' and ');
}

/**
 * `done` switches the tense: a preview says what will happen, a report what happened.
 * `from` and `to` are display names of the two people.
 */
export function handoverLines(
	state: State,
	report: HandoverReport,
	from: string,
	to: string,
	done: boolean
): HandoverLine[] {
	const fromName = userText(from);
	const toName = userText(to);
	return report.entries.map((entry) => {
		const license = state.licenses.get(entry.licenseId);
		const name = license === undefined ? entry.sen : describeLicense(license);
		const replaced = entry.roles.filter((r) => r.outcome === 'replaced').map((r) => r.role);
		const pending = entry.roles
			.filter((r) => r.outcome === 'added-needs-self-promotion')
			.map((r) => r.role);
		const parts: Phrase[] = [];
		if (entry.outcome === 'skipped') {
			parts.push([
				done
					? 'Skipped: your role on this license does not allow changing its contacts.'
					: 'Will be skipped: your role on this license does not allow changing its contacts.'
			]);
		}
		if (replaced.length > 0) {
			const verb = done ? ' replaced ' : ' will replace ';
			parts.push([toName, verb, fromName, ` as ${list(replaced)} contact.`]);
		}
		if (pending.length > 0) {
			parts.push([
				toName,
				done ? ' was added' : ' will be added',
				` as ${list(pending)} contact, but `,
				fromName,
				' stays primary there: the email domains differ or are public, so ',
				toName,
				' must log in and make themselves primary (then ',
				fromName,
				' can be deleted).'
			]);
		}
		const said = phrase(...parts.flatMap((p, i) => (i === 0 ? [p] : [' ', p])));
		return {
			licenseId: entry.licenseId,
			license: name,
			outcome: entry.outcome,
			words: plainText(said),
			said
		};
	});
}

/** The two people of a report, by name (for the lines above). */
export function handoverNames(
	state: State,
	report: HandoverReport,
	newName?: string
): { from: string; to: string } {
	const from = state.accounts.get(report.from)?.name ?? 'The person leaving';
	const to = state.accounts.get(report.to)?.name ?? newName?.trim() ?? 'The successor';
	return { from, to };
}

export function previewWords(report: HandoverReport): string {
	return `Preview: ${plural(report.entries.length, 'license')}. Check them, then choose Hand over.`;
}

export function handedOverWords(committed: Committed): Phrase {
	const count = committed.applied.report?.entries.length ?? 0;
	return phrase(`Handover done on ${plural(count, 'license')}.`, mailedWords(committed));
}
