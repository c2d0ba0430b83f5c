// The fast path of the change schema (P4): the zod definitions of ./format, turned once,
// when this module loads, into plain closures that only answer "valid or not" (no issue
// objects, no copies). No code is generated at run time, so the CSP needs no 'unsafe-eval'
// (X4). Only what the change schemas use is understood; anything else throws when the module
// loads, so a new kind of field cannot slip past the fast path unchecked. Every check is as
// strict as zod's or stricter: a value the fast path accepts, zod accepts with the same output
// (tests/unit/sync/fast-check.test.ts), and anything else goes to zod, whose first issue is
// the error people see (./validate.ts).
import type { Change } from '$lib/core';
import { ChangeSchema } from './format';
import { IDENTITY_TRANSFORMS, z } from './schema-base';

type Check = (value: unknown) => boolean;

/** A schema the fast path does not understand: a bug in this module, found when it loads. */
export class UnsupportedSchemaError extends Error {
	readonly code = 'unsupported-schema';
	constructor(what: string) {
		super(`the fast change check does not understand ${what}`);
		this.name = 'UnsupportedSchemaError';
	}
}

const core = z.core;

/** Lengths and patterns a string or an array must meet. */
function lengthChecks(checks: readonly z.core.$ZodCheck<never>[] | undefined) {
	let min = 0;
	let max = Infinity;
	const patterns: RegExp[] = [];
	for (const check of checks ?? []) {
		if (check instanceof core.$ZodCheckMinLength) min = Math.max(min, check._zod.def.minimum);
		else if (check instanceof core.$ZodCheckMaxLength) max = Math.min(max, check._zod.def.maximum);
		else if (check instanceof core.$ZodCheckLengthEquals) {
			min = Math.max(min, check._zod.def.length);
			max = Math.min(max, check._zod.def.length);
		} else if (check instanceof core.$ZodCheckRegex) {
			const pattern = check._zod.def.pattern;
			if (pattern.global || pattern.sticky) throw new UnsupportedSchemaError('a stateful regex');
			patterns.push(pattern);
		} else throw new UnsupportedSchemaError(`the check ${check._zod.def.check}`);
	}
	return { min, max, patterns };
}

function stringCheck(schema: z.core.$ZodString): Check {
	const def = schema._zod.def;
	if (def.coerce === true || 'format' in def) throw new UnsupportedSchemaError('a string format');
	const { min, max, patterns } = lengthChecks(def.checks);
	return (v) =>
		typeof v === 'string' && v.length >= min && v.length <= max && patterns.every((p) => p.test(v));
}

function numberCheck(schema: z.core.$ZodNumber): Check {
	const def = schema._zod.def;
	if (def.coerce === true) throw new UnsupportedSchemaError('a coerced number');
	let min = -Infinity;
	let max = Infinity;
	let safeInteger = false;
	for (const check of def.checks ?? []) {
		if (check instanceof core.$ZodCheckNumberFormat && check._zod.def.format === 'safeint') {
			safeInteger = true;
			continue;
		}
		const bound =
			check instanceof core.$ZodCheckGreaterThan || check instanceof core.$ZodCheckLessThan;
		const { value, inclusive } = bound ? check._zod.def : { value: null, inclusive: false };
		// The change schemas bound numbers inclusively (min, max); anything else is not understood.
		if (typeof value !== 'number' || !inclusive) {
			throw new UnsupportedSchemaError(`the check ${check._zod.def.check}`);
		}
		if (check instanceof core.$ZodCheckGreaterThan) min = Math.max(min, value);
		else max = Math.min(max, value);
	}
	return (v) =>
		typeof v === 'number' &&
		Number.isFinite(v) &&
		v >= min &&
		v <= max &&
		(!safeInteger || Number.isSafeInteger(v));
}

function objectCheck(schema: z.core.$ZodObject): Check {
	const def = schema._zod.def;
	// Strict objects only: zod's strictObject has a catchall that refuses every other key.
	if (!(def.catchall instanceof core.$ZodNever)) throw new UnsupportedSchemaError('a loose object');
	const fields = Object.entries(def.shape).map(([key, field]) => {
		const optional = field instanceof core.$ZodOptional;
		const inner = field instanceof core.$ZodOptional ? field._zod.def.innerType : field;
		return { key, optional, check: compile(inner) };
	});
	const allowed = new Set(fields.map((f) => f.key));
	return (v) => {
		// Plain objects only (what JSON.parse makes), so every enumerable key is an own key.
		if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) {
			return false;
		}
		for (const key in v) if (!allowed.has(key)) return false;
		for (const { key, optional, check } of fields) {
			const item: unknown = Reflect.get(v, key);
			if (item === undefined) {
				// A key given as undefined is left to zod (only in-memory changes can have one).
				if (!optional || Object.hasOwn(v, key)) return false;
			} else if (!check(item)) return false;
		}
		return true;
	};
}

function arrayCheck(schema: z.core.$ZodArray): Check {
	const def = schema._zod.def;
	const { min, max, patterns } = lengthChecks(def.checks);
	if (patterns.length > 0) throw new UnsupportedSchemaError('a pattern on an array');
	const item = compile(def.element);
	return (v) => Array.isArray(v) && v.length >= min && v.length <= max && v.every(item);
}

/** One zod schema as a closure; throws for anything the change schemas do not use. */
export function compile(schema: z.core.$ZodType): Check {
	if (schema instanceof core.$ZodString) return stringCheck(schema);
	if (schema instanceof core.$ZodNumber) return numberCheck(schema);
	if (schema instanceof core.$ZodBoolean) return (v) => typeof v === 'boolean';
	if (schema instanceof core.$ZodObject) return objectCheck(schema);
	if (schema instanceof core.$ZodArray) return arrayCheck(schema);
	if (schema instanceof core.$ZodLiteral) {
		const values: readonly unknown[] = schema._zod.def.values;
		return (v) => values.includes(v);
	}
	if (schema instanceof core.$ZodEnum) {
		const values = new Set<unknown>(Object.values(schema._zod.def.entries));
		return (v) => (typeof v === 'string' || typeof v === 'number') && values.has(v);
	}
	if (schema instanceof core.$ZodNullable) {
		const inner = compile(schema._zod.def.innerType);
		return (v) => v === null || inner(v);
	}
	if (schema instanceof core.$ZodReadonly) return compile(schema._zod.def.innerType);
	// The only transforms are the branded ids of ./schema-base: the string itself, typed.
	if (schema instanceof core.$ZodPipe && IDENTITY_TRANSFORMS.has(schema)) {
		return compile(schema._zod.def.in);
	}
	throw new UnsupportedSchemaError(`a ${schema._zod.def.type} schema`);
}

function changeCheck(): Check {
	const byType = new Map<unknown, Check>();
	for (const option of ChangeSchema._zod.def.options) {
		for (const type of option._zod.def.shape.type._zod.def.values)
			byType.set(type, compile(option));
	}
	return (v) => {
		if (typeof v !== 'object' || v === null) return false;
		const check = byType.get(Reflect.get(v, 'type'));
		return check !== undefined && check(v);
	};
}

const isValid = changeCheck();

/** True only for what ChangeSchema accepts unchanged: then it is that Change, as zod returns it. */
export function isChange(value: unknown): value is Change {
	return isValid(value);
}
