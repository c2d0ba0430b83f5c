// What the Sync page's commands say (S2–S9, X5, X6), made from their reports: the command map
// (app/commands.ts) returns every report as a value, and `perform` announces these words. The
// sentences themselves are in ./sync-words.ts; this file picks one per report and its tone.
import type { ApplyReport, ExportReport, HistoryCheck, ImportCheck } from '$lib/app/command-types';
import { announcement } from './announcement';
import type { Announcement } from './announcement';
import { describeError } from './errors';
import {
	emptyExportWords,
	exportRefusedWords,
	exportedWords,
	historyCheckWords,
	importFailedWords,
	importRefusedWords,
	importedWords,
	keptWords
} from './sync-words';

export const IMPORT_CANCELLED_WORDS = 'Import cancelled: nothing on this device was changed.';
export const SYNC_BUSY_WORDS = 'Finish the import or export under way first.';
export const SHARE_FAILED_WORDS = 'Sharing failed. The file was downloaded: send it another way.';
export const DISMISSED_WORDS =
	'Conflict dismissed. The change is kept; “Show dismissed” lists it again.';

/** S3: what to type before the slow key derivation even starts. */
export function passphraseTooShortWords(mustEncrypt: boolean, min: number): string {
	return mustEncrypt
		? `These changes carry secrets, so the file must be encrypted: enter a passphrase of at least ${min} characters.`
		: `Enter a passphrase of at least ${min} characters, or untick “Encrypt the file”.`;
}

export function exportWords(report: ExportReport): Announcement {
	switch (report.kind) {
		case 'empty':
			return announcement(emptyExportWords(report.whole), 'info');
		case 'refused':
			return announcement(exportRefusedWords(report.error), 'error');
		case 'built':
			return announcement(exportedWords(report), 'success');
	}
}

/**
 * A checked file: nothing new is said at once (nothing to apply); a file to preview or a
 * passphrase to ask for says nothing here (the dialog shows it); a refused file says why.
 */
export function checkWords(check: ImportCheck): Announcement | null {
	if (check.kind === 'ready') {
		const { fresh, nowProved, duplicates } = check.preview;
		if (fresh !== 0 || nowProved !== 0) return null;
		return announcement(importedWords({ duplicates, applied: 0, conflicts: [] }), 'info');
	}
	if (check.error.code === 'needs-passphrase' || check.error.code === 'wrong-passphrase') {
		return null;
	}
	return announcement(importRefusedWords(check.error), 'error');
}

export function applyWords(report: ApplyReport): Announcement {
	switch (report.kind) {
		case 'applied': {
			const tone = report.outcome.conflicts.length > 0 ? 'info' : 'success';
			return announcement(importedWords(report.outcome), tone);
		}
		case 'refused':
			return announcement(importRefusedWords(report.error), 'error');
		case 'failed':
			return announcement(importFailedWords(describeError(report.error)), 'error');
	}
}

export function historyWords(check: HistoryCheck): Announcement {
	return announcement(historyCheckWords(check), check.ok ? 'success' : 'error');
}

export { keptWords };
