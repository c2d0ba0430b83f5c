// Hostile-input parsing, before any schema sees the data (S7): an imported file comes from
// anywhere, so its size, nesting, string and array lengths and its keys are bounded here, and
// each refusal names what it found. `__proto__`, `constructor` and `prototype` are refused as
// keys at any depth: JSON.parse makes them plain own properties, but a later spread or merge of
// that data could reach an object's prototype.
import { err, ok } from '$lib/core';
import type { Result } from '$lib/core';
import type { SyncErrorOf } from '$lib/log/errors';
import { utf8Length } from '$lib/log/utf8';
import { runAtOnce, runInTurns, turnAfter } from '$lib/log/progress';
import type { Batched } from '$lib/log/progress';

export interface JsonLimits {
	/** UTF-8 bytes of the whole text. */
	readonly maxBytes: number;
	/** Arrays and objects inside one another; the outermost one is level 1. */
	readonly maxDepth: number;
	/** Characters in one string (a value or a key). */
	readonly maxString: number;
	/** Items in one array, or keys in one object. */
	readonly maxArray: number;
	/**
	 * The one string allowed past `maxString` (up to `maxBytes`), by its path from the root: an
	 * encrypted file's ciphertext, which is as long as the whole file it hides (fault 1, S3).
	 */
	readonly longString?: readonly string[];
}

export const JSON_LIMITS: JsonLimits = Object.freeze({
	maxBytes: 50 * 1024 * 1024,
	maxDepth: 32,
	// Above the largest string a valid change holds: an avatar data: URL of 200 KB (A5).
	maxString: 256 * 1024,
	maxArray: 1_000_000
});

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
	'__proto__',
	'constructor',
	'prototype'
]);

export type JsonError = SyncErrorOf<
	'too-large' | 'not-json' | 'truncated' | 'too-deep' | 'forbidden-key' | 'field-too-large'
>;

export { utf8Length };

/**
 * The text of a file as read from disk or given as a string, size-checked before anything is
 * decoded. Bytes must be UTF-8 (a byte-order mark is dropped).
 */
export function textOf(
	input: string | ArrayBuffer | Uint8Array,
	maxBytes = JSON_LIMITS.maxBytes
): Result<string, JsonError> {
	if (typeof input === 'string') {
		// Each UTF-16 code unit is at least one UTF-8 byte, so long text needs no counting.
		const bytes = input.length > maxBytes ? input.length : utf8Length(input, maxBytes);
		if (bytes > maxBytes) return err({ code: 'too-large', bytes, limit: maxBytes });
		return ok(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
	}
	if (input.byteLength > maxBytes) {
		return err({ code: 'too-large', bytes: input.byteLength, limit: maxBytes });
	}
	try {
		return ok(new TextDecoder('utf-8', { fatal: true }).decode(input));
	} catch {
		return err({ code: 'not-json', reason: 'encoding' });
	}
}

/** Parses untrusted JSON text within `limits`; every refusal is a value. */
export function parseJsonSafely(
	text: string,
	limits: Partial<JsonLimits> = {}
): Result<unknown, JsonError> {
	return runAtOnce(parseSteps(text, limits));
}

/**
 * parseJsonSafely with a turn for the page between batches of a long list's items (P4). The
 * parse itself is one JSON.parse call, which cannot be split: for a 28 MB file it is the one
 * long task left on the page's thread.
 */
export function parseJsonInTurns(
	text: string,
	limits: Partial<JsonLimits> = {}
): Promise<Result<unknown, JsonError>> {
	return runInTurns(parseSteps(text, limits));
}

/** Text long enough that the page gets a turn between its parse and its walk (P4). */
const LONG_TEXT = 1 << 20;

function* parseSteps(
	text: string,
	limits: Partial<JsonLimits>
): Batched<Result<unknown, JsonError>> {
	const l: JsonLimits = { ...JSON_LIMITS, ...limits };
	const sized = textOf(text, l.maxBytes);
	if (!sized.ok) return sized;
	if (sized.value.trim() === '') return err({ code: 'not-json', reason: 'empty' });
	let value: unknown;
	try {
		value = JSON.parse(sized.value);
	} catch {
		// Engines word their messages differently, so the text itself decides.
		return err(
			endsOpen(sized.value) ? { code: 'truncated' } : { code: 'not-json', reason: 'syntax' }
		);
	}
	if (sized.value.length > LONG_TEXT) yield;
	const problem = yield* checkTop(value, l);
	return problem === null ? ok(value) : err(problem);
}

/** True when the text ends inside a string, array or object: a cut-off file. */
export function endsOpen(text: string): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // a backslash escapes the next character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) depth++;
		else if (c === 0x7d || c === 0x5d) {
			if (depth === 0) return false; // a closer with nothing open: garbage, not a cut
			depth--;
		}
	}
	return inString || depth > 0;
}

// Recursion is safe: it never goes deeper than maxDepth. `path` is shared and copied only
// into an error, so a clean walk allocates no paths.
function check(
	value: unknown,
	depth: number,
	path: (string | number)[],
	l: JsonLimits
): JsonError | null {
	if (typeof value === 'string') {
		if (value.length <= l.maxString) return null;
		const limit = isLongString(path, l.longString) ? l.maxBytes : l.maxString;
		return value.length > limit
			? { code: 'field-too-large', path: [...path], size: value.length, limit }
			: null;
	}
	if (typeof value !== 'object' || value === null) return null;
	if (depth + 1 > l.maxDepth) return { code: 'too-deep', path: [...path], limit: l.maxDepth };
	if (Array.isArray(value)) {
		if (value.length > l.maxArray) {
			return { code: 'field-too-large', path: [...path], size: value.length, limit: l.maxArray };
		}
		for (let i = 0; i < value.length; i++) {
			const item: unknown = value[i];
			if (!needsCheck(item, l)) continue;
			path.push(i);
			const problem = check(item, depth + 1, path, l);
			path.pop();
			if (problem !== null) return problem;
		}
		return null;
	}
	if (!isJsonObject(value)) return null;
	const keys = Object.keys(value);
	const tooMany = keysProblem(keys, path, l);
	if (tooMany !== null) return tooMany;
	for (const key of keys) {
		const bad = keyProblem(key, path, l);
		if (bad !== null) return bad;
		const item = value[key];
		if (!needsCheck(item, l)) continue;
		path.push(key);
		const problem = check(item, depth + 1, path, l);
		path.pop();
		if (problem !== null) return problem;
	}
	return null;
}

/**
 * `check` of the outermost value, with a turn between batches of the items of its lists and of
 * the lists of its members (a file's `changes`): the same checks in the same order.
 */
function* checkTop(value: unknown, l: JsonLimits): Batched<JsonError | null> {
	if (!isJsonObject(value)) return yield* checkList(value, 0, [], l);
	if (1 > l.maxDepth) return { code: 'too-deep', path: [], limit: l.maxDepth };
	const keys = Object.keys(value);
	const tooMany = keysProblem(keys, [], l);
	if (tooMany !== null) return tooMany;
	for (const key of keys) {
		const bad = keyProblem(key, [], l);
		if (bad !== null) return bad;
		const item = value[key];
		if (!needsCheck(item, l)) continue;
		const problem = yield* checkList(item, 1, [key], l);
		if (problem !== null) return problem;
	}
	return null;
}

/** `check` of a list, a batch of items at a time; anything else is checked at once. */
function* checkList(
	value: unknown,
	depth: number,
	path: (string | number)[],
	l: JsonLimits
): Batched<JsonError | null> {
	if (!Array.isArray(value) || depth + 1 > l.maxDepth || value.length > l.maxArray) {
		return check(value, depth, path, l);
	}
	for (let i = 0; i < value.length; i++) {
		const item: unknown = value[i];
		if (turnAfter(i)) yield;
		if (!needsCheck(item, l)) continue;
		path.push(i);
		const problem = check(item, depth + 1, path, l);
		path.pop();
		if (problem !== null) return problem;
	}
	return null;
}

/** An object with more members than a list may have items. */
function keysProblem(
	keys: readonly string[],
	path: readonly (string | number)[],
	l: JsonLimits
): JsonError | null {
	return keys.length > l.maxArray
		? { code: 'field-too-large', path: [...path], size: keys.length, limit: l.maxArray }
		: null;
}

/** A member name that could pollute a prototype, or longer than a string may be. */
function keyProblem(
	key: string,
	path: readonly (string | number)[],
	l: JsonLimits
): JsonError | null {
	if (FORBIDDEN_KEYS.has(key)) return { code: 'forbidden-key', path: [...path, key], key };
	if (key.length > l.maxString) {
		return { code: 'field-too-large', path: [...path], size: key.length, limit: l.maxString };
	}
	return null;
}

/** Whether `check` could find anything in `value`: containers and long strings only. */
function needsCheck(value: unknown, l: JsonLimits): boolean {
	return typeof value === 'object'
		? value !== null
		: typeof value === 'string' && value.length > l.maxString;
}

function isLongString(path: readonly (string | number)[], allowed?: readonly string[]): boolean {
	return (
		allowed !== undefined &&
		path.length === allowed.length &&
		path.every((key, i) => key === allowed[i])
	);
}

/** A JSON object (not an array): its fields are unknown until a schema says otherwise. */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
