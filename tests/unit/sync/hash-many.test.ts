/**
 * Issue 13: the reader and writer digest a file and hash its changes with WebCrypto over one
 * UTF-8 buffer; the values are exactly the file digest and X5 hashes the format defines
 * (digestOfCanonical, changeHash), ASCII or not, so no file changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, changeHash, digestOfCanonical, sha256Text } from '$lib/log/digest';
import { digestAndHashes } from '$lib/log/hash-many';
import { utf8Length } from '$lib/log/utf8';
import { bytesToBase64url } from '$lib/security/encoding';
import { sha256Slice } from '$lib/security/sha256-slices';
import { sha256 } from '@noble/hashes/sha2.js';
import { sampleChanges } from './helpers';

describe('digestAndHashes', () => {
	it('gives digestOfCanonical and changeHash for sample changes of every type', async () => {
		const changes = await sampleChanges(120, true);
		const texts = changes.map(canonicalJson);
		const { digest, hashes } = await digestAndHashes(texts);
		expect(digest).toBe(digestOfCanonical(texts));
		expect(hashes).toEqual(changes.map(changeHash));
	});

	it('gives the same values for text that is not ASCII, and for none', async () => {
		const names = ['Zoë', 'Łukasz 🧩', '日本語', 'a\u2028b', '\ud83d', 'plain'];
		const changes = (await sampleChanges(names.length)).map((c, i) => ({
			...c,
			prev: names[i] ?? null
		}));
		const texts = changes.map(canonicalJson);
		const { digest, hashes } = await digestAndHashes(texts);
		expect(digest).toBe(digestOfCanonical(texts));
		expect(hashes).toEqual(changes.map(changeHash));
		expect(await digestAndHashes([])).toEqual({ digest: digestOfCanonical([]), hashes: [] });
	});

	it('agrees for any list of strings as canonical texts', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 8 }), async (xs) => {
				const texts = xs.map((x) => JSON.stringify(x));
				const { digest, hashes } = await digestAndHashes(texts);
				expect(digest).toBe(digestOfCanonical(texts));
				expect(hashes).toEqual(texts.map(sha256Text));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('sha256Slice', () => {
	it('is SHA-256 of the slice, for every length across two blocks and any offset', () => {
		const bytes = Uint8Array.from({ length: 700 }, (_, i) => (i * 131 + 7) & 255);
		for (let length = 0; length <= 300; length++) {
			for (const start of [0, 1, 63, 333]) {
				const slice = bytes.subarray(start, start + length);
				expect(sha256Slice(bytes, start, start + length)).toBe(bytesToBase64url(sha256(slice)));
			}
		}
	});

	it('agrees with noble for random bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 5000 }), fc.nat(), (bytes, cut) => {
				const start = bytes.length === 0 ? 0 : cut % bytes.length;
				const slice = bytes.subarray(start);
				expect(sha256Slice(bytes, start, bytes.length)).toBe(bytesToBase64url(sha256(slice)));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('utf8Length', () => {
	it('counts what TextEncoder writes, for any text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (s) => {
				expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
			})
		);
	});
});
