/**
 * S7 and X5: canonical JSON gives one text per value on every device; a change's hash covers
 * its `prev`, and a device's changes in a file must each link to the one before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64url } from '$lib/security/encoding';
import {
	CanonicalJsonError,
	canonicalJson,
	changeHash,
	changesDigest,
	checkChains,
	sha256Text,
	verifyChains
} from '$lib/log/digest';
import { DEVICE_A, DEVICE_B, sample, sampleChanges, withChain } from './helpers';

describe('canonicalJson', () => {
	it('sorts keys at every depth and keeps array order', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
			'{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}'
		);
	});

	it('sorts by UTF-16 code units, as RFC 8785 does', () => {
		expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe(
			'{"10":4,"9":5,"Z":3,"z":2,"é":1}'
		);
	});

	it('writes the same text whatever the key order, and drops undefined as JSON does', () => {
		expect(canonicalJson({ x: 1, y: undefined })).toBe(canonicalJson({ x: 1 }));
		expect(canonicalJson([undefined, 'a\u2028"\\'])).toBe(JSON.stringify([null, 'a\u2028"\\']));
		expect(canonicalJson({ n: -0, m: 1e21, k: 0.1 })).toBe('{"k":0.1,"m":1e+21,"n":0}');
	});

	it('S7: the JSON.stringify shortcut writes exactly the canonical text, for any JSON data in any key order', () => {
		// An independent reference: keys sorted by code units at every depth, nothing else.
		const reference = (v: unknown): string => {
			if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
			if (typeof v === 'object' && v !== null) {
				const keys = Object.keys(v).sort();
				return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(Reflect.get(v, k))}`).join(',')}}`;
			}
			return JSON.stringify(v);
		};
		// Parsed text keeps its key order: the same data arrives sorted (the shortcut) or not.
		const sorted = (v: unknown): unknown => JSON.parse(reference(v));
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expect(canonicalJson(value)).toBe(reference(value));
				expect(canonicalJson(sorted(value))).toBe(reference(value));
			}),
			{ numRuns: 500 }
		);
		// A key JavaScript orders first (an array index) is still written in code-unit order.
		expect(canonicalJson(JSON.parse('{"a":1,"10":2,"9":3}'))).toBe('{"10":2,"9":3,"a":1}');
		expect(canonicalJson(Object.create(null))).toBe('{}');
	});

	it('throws for values that are not JSON data', () => {
		expect(() => canonicalJson({ a: Number.NaN })).toThrow(CanonicalJsonError);
		expect(() => canonicalJson({ f: () => 1 })).toThrow(CanonicalJsonError);
		expect(() => canonicalJson(10n)).toThrow(CanonicalJsonError);
	});
});

describe('hashes', () => {
	it('base64url writes what btoa writes, unpadded and url-safe, for every length', () => {
		for (let n = 0; n < 40; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 255);
			const reference = btoa(String.fromCharCode(...bytes))
				.replace(/\+/g, '-')
				.replace(/\//g, '_')
				.replace(/=+$/, '');
			expect(bytesToBase64url(bytes)).toBe(reference);
		}
	});

	it('SHA-256 in base64url (FIPS 180-2 "abc")', () => {
		expect(sha256Text('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
	});

	it('a change hash covers prev, and does not depend on key order', () => {
		const change = sample(DEVICE_A, 3);
		const hash = changeHash(change);
		expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(changeHash({ ...change, prev: 'x' })).not.toBe(hash);
		const reordered: unknown = JSON.parse(
			JSON.stringify(Object.fromEntries(Object.entries(change).reverse()))
		);
		expect(canonicalJson(reordered)).toBe(canonicalJson(change));
	});

	it('the file digest is the hash of the changes array', () => {
		const changes = [sample(DEVICE_A, 0), sample(DEVICE_A, 1)];
		expect(changesDigest(changes)).toBe(sha256Text(canonicalJson(changes)));
	});
});

describe('verifyChains (X5)', () => {
	it('accepts chained changes of several devices in any order in the list', async () => {
		const changes = await sampleChanges(9);
		const result = await verifyChains([...changes].reverse());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.starts).toEqual(
			new Map([
				[DEVICE_A, 'root'],
				[DEVICE_B, 'root']
			])
		);
		expect(result.heads.get(DEVICE_A)).toBe(changeHash(changes.at(-1) ?? sample(DEVICE_A, 0)));
	});

	it('reports the change after a removed one, with expected and found hashes', async () => {
		const changes = (await sampleChanges(10)).filter((c) => c.device === DEVICE_A);
		const [c0, c1, c2] = changes;
		const result = await verifyChains(changes.filter((c) => c !== c1));
		expect(result).toEqual({
			ok: false,
			error: {
				code: 'broken-chain',
				device: DEVICE_A,
				changeId: c2?.id,
				expected: c0 ? changeHash(c0) : '',
				found: c2?.prev
			}
		});
	});

	it('reports the change after an edited one', async () => {
		const changes = await sampleChanges(6);
		const edited = changes.map((c, i) => (i === 2 ? { ...c, at: c.at + 1 } : c));
		const result = await verifyChains(edited);
		expect(result).toMatchObject({ ok: false, error: { changeId: changes[4]?.id } });
	});

	it('the first change of a device may link to a change outside the file', async () => {
		const changes = await sampleChanges(8);
		const tail = changes.slice(4); // each device's first change here links to an earlier one
		const knownA = tail.find((c) => c.device === DEVICE_A)?.prev ?? '';
		const result = await verifyChains(tail, new Map([[DEVICE_A, knownA]]));
		expect(result).toMatchObject({ ok: true });
		if (result.ok) {
			expect(result.starts.get(DEVICE_A)).toBe('known-head');
			expect(result.starts.get(DEVICE_B)).toBe('unseen');
		}
	});

	it('a second root on one device is a break', async () => {
		const changes = await withChain([sample(DEVICE_A, 0), sample(DEVICE_A, 1)]);
		const [first, second] = changes;
		if (first === undefined || second === undefined) return expect.fail();
		const result = checkChains([first, { ...second, prev: null }], ['h0', 'h1']);
		expect(result).toEqual({
			ok: false,
			error: {
				code: 'broken-chain',
				device: DEVICE_A,
				changeId: second.id,
				expected: 'h0',
				found: null
			}
		});
	});
});
