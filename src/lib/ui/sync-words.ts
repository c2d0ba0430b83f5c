// Words for sync (S3, S4, S7, X5), made from the stable codes of src/lib/sync/errors.ts and the
// data beside them (STYLE example 10: one place; the UI never matches on message text). Each
// refusal says what is wrong with the file, what to do, and, for imports, that nothing changed.
import type { Unverified } from '$lib/sync/authenticity';
import type { BrokenChain } from '$lib/sync/digest';
import type { JsonPath, SyncError } from '$lib/sync/errors';

const count = new Intl.NumberFormat('en-US');
const plural = (n: number, one: string, many = `${one}s`) =>
	`${count.format(n)} ${n === 1 ? one : many}`;

export function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `changes[3].payload.email`, or "the top of the file" for the root. */
export function pathWords(path: JsonPath): string {
	if (path.length === 0) return 'the top of the file';
	return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** The field inside a change: the path without its leading `changes[i]`. */
function fieldOf(path: JsonPath): string {
	const rest = path[0] === 'changes' && typeof path[1] === 'number' ? path.slice(2) : path;
	return rest.length === 0 ? 'the change itself' : `the field ${pathWords(rest)}`;
}

/** The first 8 characters of a device id: enough to tell devices apart. */
export function shortDevice(device: string): string {
	return device.slice(0, 8);
}

function changeNumber(index: number, changeId: string | null): string {
	return `Change number ${count.format(index + 1)} in the file${changeId ? ` (${changeId})` : ''}`;
}

function when(ms: number): string {
	return new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

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
			return `This is not a Tessera change file (at ${pathWords(error.path)}: ${error.message}).`;
		case 'unsupported-version':
			if (error.newer)
				return `This file was written by a newer Tessera (change file version ${String(error.found)}); this app reads versions 1 and 2. Update Tessera on this device (reload when it offers the new version), then import the file again.`;
			return `This change file has version ${error.found === null ? 'that is missing or unreadable' : String(error.found)}, which this app does not read (it reads versions 1 and 2).`;
		case 'needs-passphrase':
			return 'This file is encrypted: enter the passphrase it was exported with.';
		case 'wrong-passphrase':
			return 'That passphrase does not open this file (or the file was altered after export). Check the passphrase and try again.';
		case 'unsafe-encryption':
			return `This file asks for ${count.format(error.iterations)} key-derivation rounds; Tessera accepts ${count.format(error.min)} to ${count.format(error.max)}. It was not written by Tessera, or it was altered, so it was not opened.`;
		case 'digest-mismatch':
			return 'The changes in this file do not match its digest: the file was edited or damaged after it was exported. Export it again on the other device.';
		case 'invalid-change':
			return `${changeNumber(error.index, error.changeId)} is invalid: ${fieldOf(error.path)} is wrong (${error.message}).`;
		case 'unknown-change-type':
			return `${changeNumber(error.index, error.changeId)} is of a kind this version of Tessera does not know (“${error.type}”): a newer Tessera probably wrote it. Update Tessera on this device, then import the file again.`;
		case 'field-too-large':
			return `In this file, ${pathWords(error.path)} holds ${count.format(error.size)} characters or items; at most ${count.format(error.limit)} are allowed there.`;
		case 'too-deep':
			return `This file nests deeper than ${count.format(error.limit)} levels (at ${pathWords(error.path)}): Tessera never writes that, so it was not read.`;
		case 'forbidden-key':
			return `This file uses the name “${error.key}” at ${pathWords(error.path)}, which Tessera refuses for safety: it was not written by Tessera.`;
		case 'clock-in-future':
			return `Change ${error.changeId} is dated ${when(error.at)}, more than a day ahead of this device’s clock. Check the date and time on the device that wrote it. The file was refused so that it cannot drag this device’s clock forward.`;
		case 'broken-chain':
			return `The history of device ${shortDevice(error.device)} is broken at change ${error.changeId}: it does not follow the change before it, so a change was removed or edited after export.`;
		case 'duplicate-change-id':
			return `The file holds change ${error.changeId} twice with different content (numbers ${count.format(error.indexes[0] + 1)} and ${count.format(error.indexes[1] + 1)}): it was edited.`;
		case 'changed-history':
			return `This file holds change ${error.changeId} with different content from the copy on this device: that history was rewritten somewhere.`;
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

export interface OutcomeLike {
	readonly applied: number;
	readonly conflicts: readonly unknown[];
	readonly duplicates: number;
	/** X6: held apart, unverified. */
	readonly unverified?: readonly unknown[];
}

/**
 * What an import did; the same file twice says that nothing was new. Conflicts may include
 * this device's own changes that a replay now refuses (S5), so they are counted apart.
 */
export function importedWords(outcome: OutcomeLike): string {
	const conflicts = outcome.conflicts.length;
	const held = outcome.unverified?.length ?? 0;
	if (outcome.applied === 0 && conflicts === 0 && held === 0) {
		return 'Nothing new: every change in this file is already here.';
	}
	const parts = [`Imported: ${plural(outcome.applied, 'new change')} applied.`];
	if (conflicts > 0) {
		parts.push(
			`${plural(conflicts, 'change was', 'changes were')} refused by the rules and kept as ${conflicts === 1 ? 'a conflict' : 'conflicts'}: see Conflicts below.`
		);
	}
	if (held > 0) parts.push(`${heldWords(held)} See Conflicts below.`);
	if (outcome.duplicates > 0) {
		parts.push(`${plural(outcome.duplicates, 'change was', 'changes were')} here already.`);
	}
	return parts.join(' ');
}

export type HistoryCheckLike =
	| {
			readonly ok: true;
			readonly changes: number;
			readonly devices: number;
			readonly partial: readonly string[];
	  }
	| { readonly ok: false; readonly error: BrokenChain };

/** X5: the result of checking this device's hash chains. */
export function historyCheckWords(check: HistoryCheckLike): string {
	if (!check.ok) {
		return `This device’s history was altered: ${describeSyncError(check.error)} Export a whole-history backup from another device and keep this one for inspection.`;
	}
	if (check.changes === 0) return 'This device holds no history yet: nothing to check.';
	const base = `History checked: all ${plural(check.changes, 'change')} from ${plural(check.devices, 'device')} link up, so none was edited or removed.`;
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

/**
 * X6: why a change from a file was held apart, unverified (one sentence per code). `account`
 * names the account the change needed proof for, when known.
 */
export function unverifiedWords(reason: Unverified, account: string | null, self: string): string {
	const device = deviceWords(reason.device, self);
	const whose = account === null ? 'this account' : account;
	switch (reason.code) {
		case 'bad-signature':
			return `Not signed by ${device} as it was written: it was altered after export, or it did not come from that device. Kept apart, not applied.`;
		case 'not-enrolled':
			return `${capital(device)} was never enrolled for ${whose}, so this cannot be shown to come from them. Kept apart, not applied: it waits for that enrollment, which is not yet on this device.`;
		case 'unverifiable-reset':
			return `A password set through a reset link on ${device}, which was never enrolled for ${whose}: it cannot be shown that the account’s owner did it. Kept apart, not applied.`;
		case 'untrusted-key':
			return `This enrollment of ${device} is signed with a key ${whose} is not known to have. Kept apart, not applied: it waits for that key, which is not yet on this device.`;
	}
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** X6: what the preview says about changes nothing can verify (S9). */
export function trustWords(unsignable: number, fresh: number): string {
	const what =
		unsignable === fresh
			? 'Nothing in this file can be verified'
			: `${plural(unsignable, 'change')} of the ${plural(fresh, 'new change')} in this file cannot be verified`;
	return `${what}: it was written by a version of Tessera from before signatures, or on a device that was never enrolled. Anyone could have written ${unsignable === 1 ? 'that change' : 'those changes'}. Import only if you trust where this file came from.`;
}

/** X6: changes the file brings that will be held apart. */
export function heldWords(count: number): string {
	return `${plural(count, 'change')} cannot be shown to come from who made ${count === 1 ? 'it' : 'them'}: ${count === 1 ? 'it is' : 'they are'} kept apart as ${count === 1 ? 'a conflict' : 'conflicts'}, not applied.`;
}
