// P4: reading a file encodes, digests and walks its changes a batch at a time, with a turn for
// the page between batches. The values are the ones the format defines (S7, X5), whatever
// batch a text or a problem falls in.
import { describe, expect, it } from 'vitest';
import { digestOfCanonical, sha256Text } from '$lib/log/digest';
import { digestAndHashes, encodeAndDigest, encodeSteps } from '$lib/log/hash-many';
import { BATCH, runAtOnce } from '$lib/log/progress';
import { parseJsonInTurns, parseJsonSafely } from '$lib/sync/safe-json';

/** More than two batches of texts; from `wide` on, each is mostly three-byte UTF-8. */
function texts(wide: number): string[] {
	return Array.from({ length: BATCH * 2 + 300 }, (_, i) =>
		JSON.stringify({ i, name: i >= wide ? `日本語🧩${'語'.repeat(40)}` : `person ${i}` })
	);
}

describe('encoding and digesting in batches', () => {
	it('gives the file digest and every change hash, ASCII or not, whichever batch grows the buffer', async () => {
		for (const wide of [0, BATCH + 17, BATCH * 2 + 299, Infinity]) {
			const canonical = texts(wide);
			const { digest, hashes } = await digestAndHashes(canonical);
			expect(digest).toBe(digestOfCanonical(canonical));
			expect(hashes).toEqual(canonical.map(sha256Text));
			const bytes = new TextEncoder().encode(`[${canonical.join(',')}]`);
			const { encoded } = await encodeAndDigest(canonical);
			expect(encoded.bytes).toEqual(bytes);
			expect(runAtOnce(encodeSteps(canonical)).digest).toBe(digest);
		}
	});

	it('digests an empty list as the format does', async () => {
		expect((await encodeAndDigest([])).digest).toBe(digestOfCanonical([]));
	});
});

describe('the hostile-input walk in batches', () => {
	const file = (bad: (i: number) => boolean) => {
		const items = Array.from({ length: BATCH * 2 + 300 }, (_, i) =>
			bad(i) ? `{"id":"c${i}","payload":{"__proto__":1}}` : `{"id":"c${i}","payload":{"n":${i}}}`
		);
		return `{"format":"x","changes":[${items.join(',')}]}`;
	};

	it('finds the same first problem in a later batch as the walk in one go', async () => {
		const text = file((i) => i === BATCH + 5 || i === BATCH * 2 + 1);
		const once = parseJsonSafely(text);
		expect(once).toEqual({
			ok: false,
			error: {
				code: 'forbidden-key',
				path: ['changes', BATCH + 5, 'payload', '__proto__'],
				key: '__proto__'
			}
		});
		expect(await parseJsonInTurns(text)).toEqual(once);
	});

	it('accepts what the walk in one go accepts, with the same value, and the same limits', async () => {
		const text = file(() => false);
		expect(await parseJsonInTurns(text)).toEqual(parseJsonSafely(text));
		for (const limits of [
			{ maxArray: BATCH },
			{ maxDepth: 1 },
			{ maxDepth: 2 },
			{ maxString: 4 }
		]) {
			expect(await parseJsonInTurns(text, limits)).toEqual(parseJsonSafely(text, limits));
		}
		expect(await parseJsonInTurns('[1,[2,{"__proto__":3}]]')).toEqual(
			parseJsonSafely('[1,[2,{"__proto__":3}]]')
		);
	});
});
