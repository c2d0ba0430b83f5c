/**
 * Issue 13: the fast change check (src/lib/sync/fast-check.ts) is validateChange's fast path,
 * so it must never accept what zod refuses, and what it accepts must be exactly what zod
 * returns. Checked on a valid sample of every change type and on random mutations of them:
 * dropped fields, extra keys, wrong types, oversize strings and lists, other types, bad clocks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANGE_TYPES } from '$lib/core';
import { isChange } from '$lib/sync/fast-check';
import { ChangeSchema } from '$lib/sync/format';
import { isJsonObject } from '$lib/sync/safe-json';
import { validateChange } from '$lib/sync/validate';
import { DEVICE_A, DEVICE_B, PLAIN_TYPES, SECRET_TYPES, sample } from './helpers';

const ALL = PLAIN_TYPES.length + SECRET_TYPES.length;

/** Sample `n` as a file holds it: plain JSON. */
const json = (n: number): unknown =>
	JSON.parse(JSON.stringify(sample(n % 2 === 0 ? DEVICE_A : DEVICE_B, n, true)));

/** Every path to a value inside `root` (the root itself is []). */
function paths(root: unknown, at: (string | number)[] = []): (string | number)[][] {
	const out = [at];
	if (Array.isArray(root)) root.forEach((v, i) => out.push(...paths(v, [...at, i])));
	else if (isJsonObject(root)) {
		for (const [k, v] of Object.entries(root)) out.push(...paths(v, [...at, k]));
	}
	return out;
}

/** A copy of `root` with the value at `path` replaced (or removed, for `REMOVE`). */
const REMOVE = Symbol('remove');
function edit(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
	const [key, ...rest] = path;
	if (key === undefined) return value;
	if (Array.isArray(root) && typeof key === 'number') {
		const copy: unknown[] = root.slice();
		if (rest.length === 0 && value === REMOVE) copy.splice(key, 1);
		else copy[key] = edit(root[key], rest, value);
		return copy;
	}
	if (isJsonObject(root) && typeof key === 'string') {
		const copy: Record<string, unknown> = { ...root };
		if (rest.length === 0 && value === REMOVE) delete copy[key];
		else copy[key] = edit(root[key], rest, value);
		return copy;
	}
	return root;
}

/** Lengths on either side of every limit the change schemas set. */
const LENGTHS = [0, 1, 42, 43, 44, 85, 86, 87, 99, 100, 101, 199, 200, 201, 253, 254, 255];
const LONG = [1000, 1001, 2000, 2001, 10_000, 10_001, 200 * 1024, 200 * 1024 + 1];

const oddValue = fc.oneof(
	fc.constantFrom(...LENGTHS, ...LONG).map((n) => 'x'.repeat(n)),
	fc.constantFrom(...LENGTHS).map((n) => 'A_-z9'.repeat(n).slice(0, n)),
	fc.constantFrom(...LENGTHS.slice(0, 6), 51, 101).map((n) => Array.from({ length: n }, () => 'h')),
	fc.constantFrom(
		-1,
		0,
		0.5,
		1,
		3,
		4,
		5,
		8,
		64,
		65,
		3650,
		3651,
		8.64e15,
		8.64e15 + 2,
		2 ** 53,
		-(2 ** 53),
		Number.NaN,
		Infinity,
		-Infinity,
		null,
		undefined,
		true,
		false,
		'',
		'signup',
		'billing',
		'technical',
		'cloud',
		'mail',
		'google',
		[],
		{}
	),
	fc.constantFrom(...CHANGE_TYPES),
	fc.jsonValue({ maxDepth: 2 })
);

type Mutation = (value: unknown, pick: number) => unknown;
const pickPath = (value: unknown, pick: number) => {
	const all = paths(value);
	return all[pick % all.length] ?? [];
};
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	// A dropped field (or array item).
	fc.constant((v: unknown, pick: number) => edit(v, pickPath(v, pick), REMOVE)),
	// An extra key at any object.
	fc
		.constantFrom('extra', 'id', 'type', 'payload', '__proto__', 'toString', 'v')
		.map((key) => (v: unknown, pick: number) => {
			const objects = paths(v).filter((p) => {
				let x = v;
				for (const k of p) x = isJsonObject(x) || Array.isArray(x) ? Reflect.get(x, k) : x;
				return isJsonObject(x);
			});
			const at = objects[pick % objects.length] ?? [];
			return edit(v, [...at, key], 1);
		}),
	// A value of another type or size anywhere.
	oddValue.map((odd) => (v: unknown, pick: number) => edit(v, pickPath(v, pick), odd)),
	// A clock that is off: another format, device or time.
	fc
		.constantFrom('', 'x', '2026-02-30T00:00:00.000Z-0000-1111222233334444')
		.map((clock) => (v: unknown) => edit(v, ['clock'], clock)),
	fc.integer({ min: -5, max: 5 }).map((d) => (v: unknown) => {
		const at: unknown = isJsonObject(v) ? v.at : 0;
		return edit(v, ['at'], typeof at === 'number' ? at + d : d);
	})
);

/** The fast path never says yes where zod says no, and then gives what zod gives. */
function agrees(value: unknown): void {
	const zod = ChangeSchema.safeParse(value);
	if (isChange(value)) {
		expect(zod.success).toBe(true);
		expect(value).toStrictEqual(zod.data);
	}
	// And for JSON data (what files hold), it says yes wherever zod does: the fast path is used.
	const text: string | undefined = JSON.stringify(value);
	const viaJson: unknown = text === undefined ? undefined : JSON.parse(text);
	if (zod.success && text !== undefined && JSON.stringify(viaJson) === text) {
		expect(isChange(viaJson)).toBe(true);
	}
}

describe('the fast change check', () => {
	it('accepts a valid sample of every change type, as zod returns it', () => {
		const seen = new Set<unknown>();
		for (let n = 0; n < ALL * 3; n++) {
			const value = json(n);
			expect(isChange(value)).toBe(true);
			agrees(value);
			seen.add(isJsonObject(value) ? value.type : null);
			expect(validateChange(value, n)).toEqual({ ok: true, value });
		}
		expect([...seen].sort()).toEqual([...CHANGE_TYPES].sort());
	});

	it('never accepts what zod refuses, under random mutations of every change type', () => {
		fc.assert(
			fc.property(
				fc.nat({ max: ALL * 2 - 1 }),
				fc.array(fc.tuple(mutation, fc.nat()), { minLength: 1, maxLength: 3 }),
				(n, steps) => {
					let value = json(n);
					for (const [mutate, pick] of steps) value = mutate(value, pick);
					agrees(value);
				}
			),
			{ numRuns: 3000 }
		);
	});

	it('refuses what is not a change object at all', () => {
		for (const value of [null, undefined, 1, 'x', [], {}, [json(0)], Object.create(null)]) {
			expect(isChange(value)).toBe(false);
			agrees(value);
		}
	});

	it('refuses an object that is not plain, whatever its fields (zod decides)', () => {
		const value = json(0);
		const proto: unknown = Object.create(isJsonObject(value) ? { ...value } : null);
		expect(isChange(proto)).toBe(false);
	});
});
