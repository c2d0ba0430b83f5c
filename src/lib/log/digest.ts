// Hashes that make history tamper-evident (S7, X5). Canonical JSON gives one text per value on
// every device: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
// JSON.stringify writes them (for JSON data, the same text as RFC 8785). A file's digest is the
// SHA-256 of its changes' canonical JSON; a change's hash, which the next change of the same
// device records as `prev`, is the SHA-256 of the change's canonical JSON, `prev` included.
import { compareChanges } from '$lib/core';
import type { Change } from '$lib/core';
import { sha256Text } from '$lib/security/hash';
import type { SyncErrorOf } from './errors';
import { PROGRESS_EVERY, yieldToEventLoop } from './progress';

/** Thrown for a value JSON cannot hold (a broken invariant: changes are JSON data). */
export class CanonicalJsonError extends Error {
	readonly code = 'not-json-data';
	constructor(what: string) {
		super(`canonical JSON cannot hold ${what}`);
		this.name = 'CanonicalJsonError';
	}
}

export function canonicalJson(value: unknown): string {
	// Plain JSON data whose keys are already in canonical order (what a file this app wrote
	// parses into, and what the core builds): JSON.stringify, native, writes the same text.
	return inCanonicalOrder(value) ? JSON.stringify(value) : spelledOut(value);
}

/**
 * True when JSON.stringify(value) is value's canonical JSON: strings, finite numbers, booleans,
 * null, arrays without holes or undefined, and plain objects whose own keys (in the order
 * JSON.stringify visits them) are sorted by UTF-16 code units, all the way down.
 */
function inCanonicalOrder(value: unknown): boolean {
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return true;
		case 'number':
			return Number.isFinite(value);
		case 'object': {
			if (value === null) return true;
			if (Array.isArray(value)) {
				const items: unknown[] = value;
				for (let i = 0; i < items.length; i++) {
					if (!(i in items) || !inCanonicalOrder(items[i])) return false;
				}
				return true;
			}
			const proto: unknown = Object.getPrototypeOf(value);
			if (proto !== Object.prototype && proto !== null) return false;
			let previous: string | null = null;
			for (const key of Object.keys(value)) {
				if (previous !== null && !(previous < key)) return false;
				previous = key;
				const item: unknown = Reflect.get(value, key);
				if (item !== undefined && !inCanonicalOrder(item)) return false;
			}
			return true;
		}
		default:
			return false;
	}
}

/** Canonical JSON written out by hand: keys sorted, undefined members left out. */
function spelledOut(value: unknown): string {
	switch (typeof value) {
		case 'string':
			return JSON.stringify(value);
		case 'boolean':
			return value ? 'true' : 'false';
		case 'number':
			if (!Number.isFinite(value)) throw new CanonicalJsonError(String(value));
			return JSON.stringify(value);
		case 'object': {
			if (value === null) return 'null';
			if (Array.isArray(value)) {
				// As JSON.stringify does, an undefined item is written as null.
				const items: unknown[] = value;
				return `[${items.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
			}
			// Keys by UTF-16 code units (the default sort); a file's changes come sorted already.
			const keys = Object.keys(value);
			if (!isSorted(keys)) keys.sort();
			const parts: string[] = [];
			for (const key of keys) {
				const item: unknown = Reflect.get(value, key);
				if (item !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
			}
			// Joined, the text is flat: a file's texts are joined and encoded once more (hash-many).
			return `{${parts.join(',')}}`;
		}
		default:
			throw new CanonicalJsonError(typeof value);
	}
}

function isSorted(keys: readonly string[]): boolean {
	for (let i = 1; i < keys.length; i++) if ((keys[i - 1] ?? '') > (keys[i] ?? '')) return false;
	return true;
}

export { sha256Text };

/** The X5 link: what the next change of the same device records as `prev`. */
export function changeHash(change: Change): string {
	return sha256Text(canonicalJson(change));
}

/** The file digest of changes already in canonical JSON: `[` + joined by `,` + `]`. */
export function digestOfCanonical(canonical: readonly string[]): string {
	return sha256Text(`[${canonical.join(',')}]`);
}

export function changesDigest(changes: readonly Change[]): string {
	return digestOfCanonical(changes.map(canonicalJson));
}

/**
 * Hashes of many changes, given as canonical JSON, in batches, giving the page the event
 * loop back between batches (P4).
 */
export async function hashCanonical(
	canonical: readonly string[],
	onProgress?: (fraction: number) => void
): Promise<string[]> {
	const hashes: string[] = [];
	for (let start = 0; start < canonical.length; start += PROGRESS_EVERY) {
		for (const text of canonical.slice(start, start + PROGRESS_EVERY))
			hashes.push(sha256Text(text));
		onProgress?.(hashes.length / canonical.length);
		if (start + PROGRESS_EVERY < canonical.length) await yieldToEventLoop();
	}
	return hashes;
}

/** How a device's run of changes in a file begins. */
export type ChainStart =
	/** Its first change has `prev: null`: the device's history starts in this file. */
	| 'root'
	/** Its first change links to the head the importer already has for that device. */
	| 'known-head'
	/** Its first change links to a change that is neither in the file nor the known head. */
	| 'unseen';

export type BrokenChain = SyncErrorOf<'broken-chain'>;

export type ChainCheck =
	| {
			readonly ok: true;
			/** Per device: the hash of its last change in the file. */
			readonly heads: ReadonlyMap<string, string>;
			readonly starts: ReadonlyMap<string, ChainStart>;
			/** Declared open links that were found open (reported, not refused). */
			readonly gaps: readonly { readonly device: string; readonly changeId: string }[];
	  }
	| { readonly ok: false; readonly error: BrokenChain };

/**
 * X5, the rule: take the changes in replay order (S5: clock, device, id). For each device, its
 * first change in the file may link anywhere (`prev` null, the importer's known head for that
 * device, or a change before the file that cannot be checked here: `starts` says which, so the
 * store may ask its own log). Every later change of that device must have `prev` equal to the
 * hash of the device's change just before it in the file. The first change, in replay order,
 * that does not is reported: after a removed change, the one that followed it; after an edited
 * change, the next change of its device (the last change of a device can only be checked by
 * the change that will follow it, in a later file). `hashes[i]` is the hash of `changes[i]`.
 *
 * One exception: a link the file DECLARES open (`declared`, from the envelope's `gaps`: the
 * writer never received the change before it) is accepted and returned in `gaps`, so the
 * preview reports it. A removed or edited change is still refused unless declared, and a
 * declared gap is never silent.
 */
export function checkChains(
	changes: readonly Change[],
	hashes: readonly string[],
	knownHeads?: ReadonlyMap<string, string>,
	declared: readonly { readonly device: string; readonly changeId: string }[] = []
): ChainCheck {
	const open = new Set(declared.map((g) => `${g.device}\u0000${g.changeId}`));
	const gaps: { device: string; changeId: string }[] = [];
	const order = changes.map((_, i) => i);
	order.sort((a, b) => compareChanges(at(changes, a), at(changes, b)));
	const heads = new Map<string, string>();
	const starts = new Map<string, ChainStart>();
	for (const i of order) {
		const change = at(changes, i);
		const expected = heads.get(change.device);
		if (expected === undefined) {
			const known = knownHeads?.get(change.device);
			starts.set(
				change.device,
				change.prev === null ? 'root' : change.prev === known ? 'known-head' : 'unseen'
			);
		} else if (change.prev !== expected) {
			if (open.has(`${change.device}\u0000${change.id}`)) {
				gaps.push({ device: change.device, changeId: change.id });
				heads.set(change.device, at(hashes, i));
				continue;
			}
			return {
				ok: false,
				error: {
					code: 'broken-chain',
					device: change.device,
					changeId: change.id,
					expected,
					found: change.prev
				}
			};
		}
		heads.set(change.device, at(hashes, i));
	}
	return { ok: true, heads, starts, gaps };
}

/**
 * X5 for the writer: the links that are open in this list of changes (a device's change whose
 * `prev` is not the hash of that device's change before it in the list). A device that missed
 * another device's file holds such gaps; its whole-history file declares them.
 */
export function openLinks(
	changes: readonly Change[],
	hashes: readonly string[]
): { device: string; changeId: string }[] {
	const order = changes.map((_, i) => i);
	order.sort((a, b) => compareChanges(at(changes, a), at(changes, b)));
	const heads = new Map<string, string>();
	const gaps: { device: string; changeId: string }[] = [];
	for (const i of order) {
		const change = at(changes, i);
		const expected = heads.get(change.device);
		if (expected !== undefined && change.prev !== expected) {
			gaps.push({ device: change.device, changeId: change.id });
		}
		heads.set(change.device, at(hashes, i));
	}
	return gaps;
}

/**
 * Hashes the changes (yielding every few thousand) and checks their chains; `declared` are the
 * links known to be open (a file's `gaps`, or the gaps a device remembers).
 */
export async function verifyChains(
	changes: readonly Change[],
	knownHeads?: ReadonlyMap<string, string>,
	declared: readonly { readonly device: string; readonly changeId: string }[] = []
): Promise<ChainCheck> {
	const hashes = await hashCanonical(changes.map(canonicalJson));
	return checkChains(changes, hashes, knownHeads, declared);
}

function at<T>(items: readonly T[], i: number): T {
	const item = items[i];
	if (item === undefined) throw new RangeError(`no item ${i}`);
	return item;
}
