// Words for sync (S3, S4, S7, X5, X6, X7), made from the stable codes of src/lib/log/errors.ts
// and the data beside them (words are made in one place; the UI never matches on message text).
// Each refusal says what is wrong with the file, what to do, and, for imports, that nothing
// changed. What X6 says about changes that cannot be verified is in ./trust-words.ts.
import type { BrokenChain } from '$lib/log/digest';
import type { FieldProblem, JsonPath, SyncError, ValueKind } from '$lib/log/errors';
import { quoted } from './phrase';
import { unverifiedCountWords } from './trust-words';

export { trustWords, unverifiedCountWords, unverifiedWords } from './trust-words';

const count = new Intl.NumberFormat('en-US');
const plural = (n: number, one: string, many = `${one}s`) =>
	`${count.format(n)} ${n === 1 ? one : many}`;

export function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `changes[3].payload.email`, or "the top of the file" for the root. */
export function pathWords(path: JsonPath): string {
	if (path.length === 0) return 'the top of the file';
	return path
		.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? quoted(k) : `.${quoted(k)}`))
		.join('');
}

/** The field inside a change: the path without its leading `changes[i]`. */
function fieldOf(path: JsonPath): string {
	const rest = path[0] === 'changes' && typeof path[1] === 'number' ? path.slice(2) : path;
	return rest.length === 0 ? 'the change itself' : `the field ${pathWords(rest)}`;
}

/** The first 8 characters of a device id: enough to tell devices apart. */
export function shortDevice(device: string): string {
	return quoted(device.slice(0, 8));
}

function changeNumber(index: number, changeId: string | null): string {
	return `Change number ${count.format(index + 1)} in the file${changeId ? ` (${quoted(changeId)})` : ''}`;
}

const VALUE_WORDS: Readonly<Record<ValueKind, string>> = {
	string: 'text',
	number: 'a number',
	boolean: 'true or false',
	array: 'a list',
	object: 'a group of named fields',
	null: 'empty (null)',
	other: 'another kind of value'
};

/** What is wrong with a field, after its name: "is missing", "should be text" … */
function problemWords(problem: FieldProblem): string {
	switch (problem.kind) {
		case 'missing':
			return 'is missing';
		case 'wrong-type':
			return `should be ${VALUE_WORDS[problem.expected]}`;
		case 'not-allowed':
			return 'holds a value Tessera does not write there';
		case 'bad-format':
			return 'is not in the form Tessera writes';
		case 'too-small':
			return 'is empty or too small';
		case 'too-big':
			return 'is too large';
		case 'unexpected-field':
			return `holds a field Tessera does not write (“${quoted(problem.key)}”)`;
		case 'invalid':
			return 'is not valid';
	}
}

function wrongFormatWords(path: JsonPath, problem: FieldProblem): string {
	if (path.length === 0 && problem.kind === 'wrong-type') return 'it is not a JSON object';
	const where = path.length === 0 ? 'the file' : `the field ${pathWords(path)}`;
	return `${where} ${problemWords(problem)}`;
}

function versionWords(found: number | string | null): string {
	if (found === null) {
		return 'This change file’s version is missing or unreadable, so Tessera cannot tell how to read it. Export it again from Tessera.';
	}
	if (typeof found === 'string') {
		return `This change file gives its version as text (“${quoted(found)}”), where Tessera writes a number: it was edited or written by another program. Export it again from Tessera.`;
	}
	return `This change file says it has version ${String(found)}, which no Tessera wrote; this app reads versions 1 and 2. Export it again from Tessera.`;
}

function when(ms: number): string {
	return new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

// X7: what is wrong with a change's clock, completing "Change c-7 …".
const CLOCK_PROBLEM = {
	format: 'carries a clock that is not in Tessera’s clock format, so it cannot be put in order.',
	device: 'carries the clock of another device than the one that made it.',
	time: 'carries a clock whose time is not the time of the change.'
} as const;

/** What is wrong, in one or two sentences, for every code the reader and writer return. */
export function describeSyncError(error: SyncError): string {
	switch (error.code) {
		case 'too-large':
			return `This file is ${megabytes(error.bytes)}; Tessera reads files up to ${megabytes(error.limit)}. Export fewer changes (the queue rather than the whole history).`;
		case 'not-json':
			if (error.reason === 'empty') return 'This file is empty: it is not a Tessera change file.';
			if (error.reason === 'encoding')
				return 'This file is not text (not UTF-8): it is not a Tessera change file. Was another file chosen?';
			return 'This file is not JSON, so it is not a Tessera change file. Was another file chosen?';
		case 'truncated':
			return 'This file stops part-way: it was cut off while being copied or downloaded. Export it again on the other device.';
		case 'wrong-format':
			return `This is not a Tessera change file: ${wrongFormatWords(error.path, error.problem)}.`;
		case 'unsupported-version':
			if (error.newer)
				return `This file was written by a newer Tessera (change file version ${String(error.found)}); this app reads versions 1 and 2. Update Tessera on this device (reload when it offers the new version), then import the file again.`;
			return versionWords(error.found);
		case 'needs-passphrase':
			return 'This file is encrypted: enter the passphrase it was exported with.';
		case 'wrong-passphrase':
			return 'That passphrase does not open this file (or the file was altered after export). Check the passphrase and try again.';
		case 'unsafe-encryption':
			return `This file asks for ${count.format(error.iterations)} key-derivation rounds; Tessera accepts ${count.format(error.min)} to ${count.format(error.max)}. It was not written by Tessera, or it was altered, so it was not opened.`;
		case 'digest-mismatch':
			return 'The changes in this file do not match its digest: the file was edited or damaged after it was exported. Export it again on the other device.';
		case 'invalid-change':
			return `${changeNumber(error.index, error.changeId)} is invalid: ${fieldOf(error.path)} ${problemWords(error.problem)}.`;
		case 'unknown-change-type':
			return `${changeNumber(error.index, error.changeId)} is of a kind this version of Tessera does not know (“${quoted(error.type)}”): a newer Tessera probably wrote it. Update Tessera on this device, then import the file again.`;
		case 'field-too-large':
			return `In this file, ${pathWords(error.path)} holds ${count.format(error.size)} characters or items; at most ${count.format(error.limit)} are allowed there.`;
		case 'too-deep':
			return `This file nests deeper than ${count.format(error.limit)} levels (at ${pathWords(error.path)}): Tessera never writes that, so it was not read.`;
		case 'forbidden-key':
			return `This file uses the name “${quoted(error.key)}” at ${pathWords(error.path)}, which Tessera refuses for safety: it was not written by Tessera.`;
		case 'clock-in-future':
			return `Change ${quoted(error.changeId)} is dated ${when(error.at)}, more than a year ahead of this device’s clock: the clock of the device that wrote it is wrong. Check its date and time, then export again.`;
		case 'bad-clock':
			return `Change ${quoted(error.changeId)}${error.index === null ? '' : ` (number ${count.format(error.index + 1)} in the file)`} ${CLOCK_PROBLEM[error.problem]} Tessera never writes that, so the file was not written by Tessera or was altered after export.`;
		case 'broken-chain':
			return `The history of device ${shortDevice(error.device)} is broken at change ${quoted(error.changeId)}: it does not follow the change before it, so a change was removed or edited after export.`;
		case 'duplicate-change-id':
			return `The file holds change ${quoted(error.changeId)} twice with different content (numbers ${count.format(error.indexes[0] + 1)} and ${count.format(error.indexes[1] + 1)}): it was edited.`;
		case 'changed-history':
			return `This file holds change ${quoted(error.changeId)} with different content from the copy on this device: that history was rewritten somewhere.`;
		case 'device-key-mismatch':
			return `This file names device ${shortDevice(error.device)} with a key that is not the one known for it: it was not written by that device, or it was altered.`;
		case 'untrusted-file':
			return `This file holds ${plural(error.count, 'change')} that nothing can verify: tick “I trust where this file came from” in the preview to import ${error.count === 1 ? 'it' : 'them'}.`;
		case 'passphrase-required':
			return 'These changes carry secrets (password hashes, codes or tokens), so the file must be encrypted: enter a passphrase.';
		case 'passphrase-too-short':
			return `Use a passphrase of at least ${error.min} characters.`;
	}
}

/** A refused import (S7): the reason, and that nothing changed. */
export function importRefusedWords(error: SyncError): string {
	return `Not imported. ${describeSyncError(error)} Nothing on this device was changed.`;
}

/** A storage failure mid-apply: the transaction rolled back. */
export function importFailedWords(reason: string): string {
	return `The import failed and was undone: nothing on this device was changed. ${reason}`;
}

export function exportRefusedWords(error: SyncError): string {
	if (error.code === 'too-large') {
		// Fault 1: never write a file the reader would refuse.
		return `Not exported. The file would be ${megabytes(error.bytes)}, and Tessera reads files up to ${megabytes(error.limit)}, so it could not be imported anywhere. Export the queue rather than the whole history, or export more often.`;
	}
	return `Not exported. ${describeSyncError(error)}`;
}

export function emptyExportWords(whole: boolean): string {
	return whole
		? 'Nothing to export: this device holds no changes yet.'
		: 'Nothing to export: every change made on this device has been exported. Tick “Whole history” for a full backup.';
}

export function exportedWords(report: {
	readonly count: number;
	readonly whole: boolean;
	readonly file: { readonly filename: string; readonly encrypted: boolean };
}): string {
	const what = report.whole
		? `the whole history (${plural(report.count, 'change')})`
		: plural(report.count, 'change');
	const lock = report.file.encrypted
		? ' The file is encrypted: on the other device you need the same passphrase to import it.'
		: ' It carries no secrets, so it is not encrypted.';
	return `Exported ${what} to ${report.file.filename}.${lock} Import it on your other device with “Import changes”.`;
}

/** S2 (fault 1): the person said the exported file was kept. */
export function keptWords(report: {
	readonly count: number;
	readonly whole: boolean;
	readonly file: { readonly filename: string; readonly encrypted: boolean };
}): string {
	const what = report.whole
		? `a backup of the whole history (${plural(report.count, 'change')}); the changes waiting to be exported still wait.`
		: `${plural(report.count, 'change')} no longer ${report.count === 1 ? 'waits' : 'wait'} to be exported.`;
	const lock = report.file.encrypted
		? ' The file is encrypted: on the other device you need the same passphrase to import it.'
		: ' It carries no secrets, so it is not encrypted.';
	return `Kept ${report.file.filename}: ${what}${lock}`;
}

export interface OutcomeLike {
	readonly applied: number;
	readonly conflicts: readonly unknown[];
	readonly duplicates: number;
	/** X7: new changes held as from the future. */
	readonly held?: number;
	/** X6: held apart, unverified. */
	readonly unverified?: readonly unknown[];
}

/**
 * What an import did; the same file twice says that nothing was new. Conflicts may include
 * this device's own changes that a replay now refuses (S5), so they are counted apart.
 */
export function importedWords(outcome: OutcomeLike): string {
	const conflicts = outcome.conflicts.length;
	const held = outcome.held ?? 0;
	const unverified = outcome.unverified?.length ?? 0;
	if (outcome.applied === 0 && conflicts === 0 && held === 0 && unverified === 0) {
		return 'Nothing new: every change in this file is already here.';
	}
	const parts = [`Imported: ${plural(outcome.applied, 'new change')} applied.`];
	if (conflicts > 0) {
		parts.push(
			`${plural(conflicts, 'change was', 'changes were')} refused by the rules and kept as ${conflicts === 1 ? 'a conflict' : 'conflicts'}: see Conflicts below.`
		);
	}
	if (unverified > 0) parts.push(`${unverifiedCountWords(unverified)} See Conflicts below.`);
	if (outcome.duplicates > 0) {
		parts.push(`${plural(outcome.duplicates, 'change was', 'changes were')} here already.`);
	}
	if (held > 0) {
		parts.push(
			`${plural(held, 'change is', 'changes are')} dated ahead of this device’s clock: kept, and applied by Tessera when ${held === 1 ? 'its' : 'their'} time comes (see “From the future” on Sync).`
		);
	}
	return parts.join(' ');
}

/**
 * X7: changes held as from the future, and when they apply (their time less the allowed skew:
 * this device's clock may be a few minutes behind theirs).
 */
export function heldWords(held: {
	readonly count: number;
	readonly firstAppliesAt: number;
	readonly lastAppliesAt: number;
}): string {
	const what =
		held.count === 1
			? '1 change is dated ahead of this device’s clock (the clock of the device that made it runs fast). It is kept, not applied yet, and applies by itself'
			: `${count.format(held.count)} changes are dated ahead of this device’s clock (the clock of the device that made them runs fast). They are kept, not applied yet, and apply by themselves`;
	const from = when(held.firstAppliesAt);
	const until = when(held.lastAppliesAt);
	if (held.count === 1 || from === until) return `${what} on ${from}.`;
	return `${what} from ${from}, the last on ${until}.`;
}

export type HistoryCheckLike =
	| {
			readonly ok: true;
			readonly changes: number;
			readonly devices: number;
			readonly partial: readonly string[];
			readonly gaps?: readonly { readonly device: string }[];
	  }
	| { readonly ok: false; readonly error: BrokenChain };

/** X5: the result of checking this device's hash chains. */
export function historyCheckWords(check: HistoryCheckLike): string {
	if (!check.ok) {
		return `This device’s history was altered: ${describeSyncError(check.error)} Export a whole-history backup from another device and keep this one for inspection.`;
	}
	if (check.changes === 0) return 'This device holds no history yet: nothing to check.';
	const gaps = check.gaps ?? [];
	const linked = `${plural(check.changes, 'change')} from ${plural(check.devices, 'device')} link up`;
	const base =
		gaps.length === 0
			? `History checked: all ${linked}, so none was edited or removed.`
			: `History checked: the ${linked}, except where changes have not arrived here yet: ${plural(gaps.length, 'change follows a change', 'changes follow changes')} from ${[...new Set(gaps.map((g) => shortDevice(g.device)))].join(', ')} that this device has not received (a file from there was not imported here). Nothing was edited or removed.`;
	if (check.partial.length === 0) return base;
	const list = check.partial.map(shortDevice).join(', ');
	return `${base} The history of ${plural(check.partial.length, 'device')} (${list}) starts part-way here, so its beginning could not be checked.`;
}

export function deviceWords(device: string, self: string): string {
	return device === self ? 'this device' : `device ${shortDevice(device)}`;
}

export function timeWords(ms: number): string {
	return when(ms);
}
