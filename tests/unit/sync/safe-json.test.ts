/**
 * S7: hostile JSON is refused before any schema sees it, with the reason and where: size,
 * not JSON versus cut off, nesting, long strings and arrays, and prototype keys at any depth.
 */
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS, endsOpen, parseJsonSafely, textOf, utf8Length } from '$lib/sync/safe-json';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('parseJsonSafely', () => {
	it('parses ordinary JSON', () => {
		expect(parseJsonSafely('{"a":[1,"x",null,true,{"b":2}]}')).toEqual({
			ok: true,
			value: { a: [1, 'x', null, true, { b: 2 }] }
		});
	});

	it('refuses text over the byte limit, counting UTF-8 bytes', () => {
		expect(parseJsonSafely('"ééé"', { maxBytes: 7 })).toEqual({
			ok: false,
			error: { code: 'too-large', bytes: 8, limit: 7 }
		});
		expect(parseJsonSafely('"ééé"', { maxBytes: 8 }).ok).toBe(true);
		expect(parseJsonSafely('x'.repeat(100), { maxBytes: 10 })).toMatchObject({
			error: { code: 'too-large', limit: 10 }
		});
	});

	it('tells text that is not JSON from JSON that was cut off', () => {
		const notJson = { ok: false, error: { code: 'not-json', reason: 'syntax' } };
		const truncated = { ok: false, error: { code: 'truncated' } };
		expect(parseJsonSafely('hello')).toEqual(notJson);
		expect(parseJsonSafely('{"a": }')).toEqual(notJson);
		expect(parseJsonSafely('{"a":1}}')).toEqual(notJson);
		expect(parseJsonSafely('<html></html>')).toEqual(notJson);
		expect(parseJsonSafely('   ')).toEqual({
			ok: false,
			error: { code: 'not-json', reason: 'empty' }
		});
		expect(parseJsonSafely('{"a":[1,2')).toEqual(truncated);
		expect(parseJsonSafely('{"a":"unfinished str')).toEqual(truncated);
		expect(parseJsonSafely('{"a":"esc\\"aped')).toEqual(truncated);
		expect(parseJsonSafely('{"a":1,')).toEqual(truncated);
		expect(parseJsonSafely('[{"a":tru')).toEqual(truncated);
	});

	it('refuses nesting deeper than 32 levels, and says where', () => {
		expect(parseJsonSafely(nested(32)).ok).toBe(true);
		const deep = parseJsonSafely(nested(33));
		expect(deep).toMatchObject({ ok: false, error: { code: 'too-deep', limit: 32 } });
		if (!deep.ok && deep.error.code === 'too-deep') expect(deep.error.path).toHaveLength(32);
		// Far deeper than any parser stack: still a value, not a crash.
		expect(parseJsonSafely(nested(100_000))).toMatchObject({ error: { code: 'too-deep' } });
		expect(parseJsonSafely('{"a":{"b":{"c":1}}}', { maxDepth: 2 })).toEqual({
			ok: false,
			error: { code: 'too-deep', path: ['a', 'b'], limit: 2 }
		});
	});

	it('refuses __proto__, constructor and prototype keys at any depth', () => {
		const cases: [string, (string | number)[], string][] = [
			['{"__proto__":{"admin":true}}', ['__proto__'], '__proto__'],
			['{"a":{"constructor":{"prototype":1}}}', ['a', 'constructor'], 'constructor'],
			['{"a":[{"b":1},{"prototype":2}]}', ['a', 1, 'prototype'], 'prototype'],
			[
				'{"changes":[{"payload":{"secrets":{"x":{"__proto__":0}}}}]}',
				['changes', 0, 'payload', 'secrets', 'x', '__proto__'],
				'__proto__'
			],
			// An escaped spelling is the same key once parsed.
			['{"a":{"\\u005f_proto__":1}}', ['a', '__proto__'], '__proto__']
		];
		for (const [text, path, key] of cases) {
			expect(parseJsonSafely(text)).toEqual({
				ok: false,
				error: { code: 'forbidden-key', path, key }
			});
		}
		expect(parseJsonSafely('{"proto":1,"constructors":2,"__proto":3}').ok).toBe(true);
	});

	it('allows strings up to 256 KiB by default: a 200 KB avatar must fit (A5)', () => {
		expect(JSON_LIMITS.maxString).toBe(262_144);
	});

	it('refuses strings, keys and arrays over their limits', () => {
		const max = JSON_LIMITS.maxString;
		expect(parseJsonSafely(JSON.stringify({ a: ['x'.repeat(max + 1)] }))).toEqual({
			ok: false,
			error: { code: 'field-too-large', path: ['a', 0], size: max + 1, limit: max }
		});
		expect(parseJsonSafely(JSON.stringify({ a: 'x'.repeat(max) })).ok).toBe(true);
		expect(parseJsonSafely(JSON.stringify({ a: 'x'.repeat(11) }), { maxString: 10 })).toMatchObject(
			{
				error: { code: 'field-too-large', size: 11, limit: 10 }
			}
		);
		expect(
			parseJsonSafely(JSON.stringify({ ['k'.repeat(11)]: 1 }), { maxString: 10 })
		).toMatchObject({
			error: { code: 'field-too-large', size: 11, limit: 10 }
		});
		expect(parseJsonSafely('{"a":[1,2,3,4]}', { maxArray: 3 })).toEqual({
			ok: false,
			error: { code: 'field-too-large', path: ['a'], size: 4, limit: 3 }
		});
		expect(parseJsonSafely(`[${'0,'.repeat(1_000_000)}0]`)).toMatchObject({
			error: { code: 'field-too-large', size: 1_000_001, limit: 1_000_000 }
		});
	});
});

describe('textOf', () => {
	it('decodes UTF-8 bytes, drops a byte-order mark, refuses other encodings', () => {
		const bytes = new TextEncoder().encode('\ufeff{"a":"é"}');
		expect(textOf(bytes)).toEqual({ ok: true, value: '{"a":"é"}' });
		expect(textOf(bytes.buffer)).toEqual({ ok: true, value: '{"a":"é"}' });
		expect(textOf('\ufeff{}')).toEqual({ ok: true, value: '{}' });
		expect(textOf(new Uint8Array([0x7b, 0xff, 0x7d]))).toEqual({
			ok: false,
			error: { code: 'not-json', reason: 'encoding' }
		});
	});

	it('refuses too many bytes before decoding them', () => {
		expect(textOf(new Uint8Array(11), 10)).toEqual({
			ok: false,
			error: { code: 'too-large', bytes: 11, limit: 10 }
		});
	});
});

describe('helpers', () => {
	it('counts UTF-8 bytes of every kind of character', () => {
		for (const s of ['', 'abc', 'é', '€', '🎫', 'a\ud800b', 'mixed é € 🎫']) {
			const expected = new TextEncoder().encode(s).length;
			expect(utf8Length(s)).toBe(expected);
		}
	});

	it('sees an open string, array or object at the end of the text', () => {
		expect(endsOpen('{"a":"}')).toBe(true);
		expect(endsOpen('{"a":"}"}')).toBe(false);
		expect(endsOpen(']')).toBe(false);
	});
});
