// Words for a handover preview or report (C11), one line per license, from the core's
// HandoverReport codes, and the announcements of the preview and of the handover itself.
import { describeLicense } from '$lib/core';
import type { ContactRole, HandoverReport, State } from '$lib/core';
import type { Committed } from '$lib/store/types';
import { plural } from './format';
import { mailedWords } from './license-words';

export interface HandoverLine {
	readonly licenseId: string;
	readonly license: string;
	readonly outcome: 'replaced' | 'added-needs-self-promotion' | 'skipped';
	readonly words: string;
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
	return report.entries.map((entry) => {
		const license = state.licenses.get(entry.licenseId);
		const name = license === undefined ? entry.sen : describeLicense(license);
		const replaced = entry.roles.filter((r) => r.outcome === 'replaced').map((r) => r.role);
		const pending = entry.roles
			.filter((r) => r.outcome === 'added-needs-self-promotion')
			.map((r) => r.role);
		const parts: string[] = [];
		if (entry.outcome === 'skipped') {
			parts.push(
				done
					? 'Skipped: your role on this license does not allow changing its contacts.'
					: 'Will be skipped: your role on this license does not allow changing its contacts.'
			);
		}
		if (replaced.length > 0) {
			parts.push(
				done
					? `${to} replaced ${from} as ${list(replaced)} contact.`
					: `${to} will replace ${from} as ${list(replaced)} contact.`
			);
		}
		if (pending.length > 0) {
			parts.push(
				(done ? `${to} was added` : `${to} will be added`) +
					` as ${list(pending)} contact, but ${from} stays primary there: the email domains ` +
					`differ or are public, so ${to} must log in and make themselves primary (then ` +
					`${from} can be deleted).`
			);
		}
		return {
			licenseId: entry.licenseId,
			license: name,
			outcome: entry.outcome,
			words: parts.join(' ')
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

export function handedOverWords(committed: Committed): string {
	const count = committed.applied.report?.entries.length ?? 0;
	return `Handover done on ${plural(count, 'license')}.${mailedWords(committed)}`;
}
