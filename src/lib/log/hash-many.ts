// The file digest and every change's X5 hash, from the changes' canonical JSON, for a whole
// file at once (issue 13): the texts are encoded to UTF-8 once, as the one buffer the digest is
// made of (`[` + texts joined by `,` + `]`, see digest.ts), and WebCrypto hashes that buffer
// and each change's slice of it. The results are exactly digestOfCanonical's and changeHash's
// (tests/unit/sync/digest.test.ts), so the file format does not change; only the work does.
import { sha256Bytes } from '$lib/security/hash';
import { sha256Slice } from '$lib/security/sha256-slices';
import { PROGRESS_EVERY, yieldToEventLoop } from './progress';

/** The canonical texts of a file's changes as the UTF-8 bytes its digest is made of. */
export interface EncodedChanges {
	readonly bytes: Uint8Array<ArrayBuffer>;
	/** Where change i's text starts in `bytes`, and (at i + 1, less the comma) where it ends. */
	readonly starts: readonly number[];
}

export function encodeChanges(canonical: readonly string[]): EncodedChanges {
	// One flat string, encoded by hand in one pass (canonical JSON is nearly all ASCII): a
	// TextEncoder call per change, or one over the joined 28 MB of a big file, each cost
	// several times as much in Chromium, most of it garbage.
	const joined = `[${canonical.join(',')}]`;
	let bytes = new Uint8Array(joined.length + (joined.length >> 4) + 4);
	const starts: number[] = [];
	let at = 0;
	let from = 0;
	for (let i = 0; i <= canonical.length; i++) {
		// Up to the start of text i: its `[` or `,`, and the text before it.
		const to =
			i === canonical.length
				? joined.length
				: from + (i === 0 ? 1 : 1 + (canonical[i - 1]?.length ?? 0));
		for (let j = from; j < to; j++) {
			const c = joined.charCodeAt(j);
			if (c < 0x80) {
				bytes[at++] = c;
				continue;
			}
			// Room for this character and one byte for each after it, so ASCII always fits.
			const need = at + 4 + (joined.length - j);
			if (need > bytes.length) bytes = grown(bytes, at, need - at);
			if (c < 0x800) {
				bytes[at++] = 0xc0 | (c >> 6);
				bytes[at++] = 0x80 | (c & 0x3f);
				continue;
			}
			const next = j + 1 < to ? joined.charCodeAt(j + 1) : 0;
			if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
				const p = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
				bytes[at++] = 0xf0 | (p >> 18);
				bytes[at++] = 0x80 | ((p >> 12) & 0x3f);
				bytes[at++] = 0x80 | ((p >> 6) & 0x3f);
				bytes[at++] = 0x80 | (p & 0x3f);
				j++;
				continue;
			}
			// A lone surrogate is written as U+FFFD, as TextEncoder does.
			const u = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
			bytes[at++] = 0xe0 | (u >> 12);
			bytes[at++] = 0x80 | ((u >> 6) & 0x3f);
			bytes[at++] = 0x80 | (u & 0x3f);
		}
		if (i < canonical.length) starts.push(at);
		from = to;
	}
	starts.push(at);
	return { bytes: bytes.subarray(0, at), starts };
}

function grown(
	bytes: Uint8Array<ArrayBuffer>,
	used: number,
	more: number
): Uint8Array<ArrayBuffer> {
	const bigger = new Uint8Array(Math.max(bytes.length * 2, used + more));
	bigger.set(bytes.subarray(0, used));
	return bigger;
}

/** The file digest: SHA-256 of the whole buffer (digestOfCanonical's value). */
export function digestOfEncoded(encoded: EncodedChanges): Promise<string> {
	return sha256Bytes(encoded.bytes);
}

/**
 * Each change's hash (changeHash's value), a batch at a time, in place in the buffer; between
 * batches the page gets the event loop back (P4).
 */
export async function hashesOfEncoded(
	{ bytes, starts }: EncodedChanges,
	onProgress?: (fraction: number) => void
): Promise<string[]> {
	const count = starts.length - 1;
	const hashes: string[] = [];
	for (let first = 0; first < count; first += PROGRESS_EVERY) {
		for (let i = first; i < Math.min(count, first + PROGRESS_EVERY); i++) {
			hashes.push(sha256Slice(bytes, starts[i] ?? 0, (starts[i + 1] ?? 0) - 1));
		}
		onProgress?.(hashes.length / count);
		if (hashes.length < count) await yieldToEventLoop();
	}
	return hashes;
}

/** The file digest and every change's hash of a list of canonical texts. */
export async function digestAndHashes(
	canonical: readonly string[],
	onProgress?: (fraction: number) => void
): Promise<{ digest: string; hashes: string[] }> {
	const encoded = encodeChanges(canonical);
	const [digest, hashes] = await Promise.all([
		digestOfEncoded(encoded),
		hashesOfEncoded(encoded, onProgress)
	]);
	return { digest, hashes };
}
