// What is wrong with a field, as a stable code made from the validator's first issue and the
// file itself (S7; issue 9): the UI words the code and the path, so no validator message
// ("Invalid input: expected string, received undefined") ever reaches people.
import type { z } from 'zod';
import type { FieldProblem, JsonPath, ValueKind } from '$lib/log/errors';
import { isJsonObject } from './safe-json';

/** `path` leads from `root` (the value that was validated) to the field in question. */
export function problemOf(
	issue: z.core.$ZodIssue | undefined,
	root: unknown,
	path: JsonPath
): FieldProblem {
	switch (issue?.code) {
		case 'invalid_type':
			if (isMissing(root, path)) return { kind: 'missing' };
			return { kind: 'wrong-type', expected: valueKind(issue.expected) };
		case 'invalid_union':
			return isMissing(root, path) ? { kind: 'missing' } : { kind: 'invalid' };
		case 'invalid_value':
			return { kind: 'not-allowed' };
		case 'invalid_format':
			return { kind: 'bad-format' };
		case 'too_small':
			return { kind: 'too-small' };
		case 'too_big':
			return { kind: 'too-big' };
		case 'unrecognized_keys':
			return { kind: 'unexpected-field', key: issue.keys[0] ?? '' };
		default:
			return { kind: 'invalid' };
	}
}

/** The field (or an object on the way to it) is absent from the file. */
function isMissing(root: unknown, path: JsonPath): boolean {
	let value = root;
	for (const key of path) {
		if (Array.isArray(value) && typeof key === 'number') {
			if (key >= value.length) return true;
			value = value[key];
		} else if (isJsonObject(value) && typeof key === 'string') {
			if (!Object.hasOwn(value, key)) return true;
			value = value[key];
		} else {
			return value === undefined;
		}
	}
	return value === undefined;
}

function valueKind(expected: string): ValueKind {
	switch (expected) {
		case 'string':
			return 'string';
		case 'number':
		case 'int':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'array':
		case 'tuple':
			return 'array';
		case 'object':
		case 'record':
			return 'object';
		case 'null':
			return 'null';
		default:
			return 'other';
	}
}
