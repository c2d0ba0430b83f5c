// The file digest and every change's X5 hash, from the changes' canonical JSON, for a whole
// file at once (P4): the texts are encoded to UTF-8 once, as the one buffer the digest is
// made of (`[` + texts joined by `,` + `]`, see digest.ts), and WebCrypto hashes that buffer
// and each change's slice of it. The results are exactly digestOfCanonical's and changeHash's
// (tests/unit/sync/digest.test.ts), so the file format does not change; only the work does.
import { sha256Bytes } from '$lib/security/hash';
import { sha256Slice } from '$lib/security/sha256-slices';
import { utf8Length } from './utf8';
import { PROGRESS_EVERY, yieldToEventLoop } from './progress';

/** The canonical texts of a file's changes as the UTF-8 bytes its digest is made of. */
export interface EncodedChanges {
	readonly bytes: Uint8Array<ArrayBuffer>;
	/** Where change i's text starts in `bytes`, and (at i + 1, less the comma) where it ends. */
	readonly starts: readonly number[];
}

export function encodeChanges(canonical: readonly string[]): EncodedChanges {
	// One encodeInto of the joined texts into a buffer sized for ASCII, which canonical JSON
	// nearly always is (measured in Chromium: a TextEncoder call per change, or encode() making
	// its own 28 MB buffer, each cost ten times as much). Only text that is not ASCII is counted.
	const joined = `[${canonical.join(',')}]`;
	const encoder = new TextEncoder();
	let bytes = new Uint8Array(joined.length + (joined.length >> 4));
	const { read, written: first } = encoder.encodeInto(joined, bytes);
	let written = first;
	if (read < joined.length) {
		bytes = new Uint8Array(utf8Length(joined));
		written = encoder.encodeInto(joined, bytes).written;
	}
	const ascii = written === joined.length;
	const starts: number[] = [];
	let at = 1;
	for (const text of canonical) {
		starts.push(at);
		at += (ascii ? text.length : utf8Length(text)) + 1;
	}
	starts.push(at);
	return { bytes: bytes.subarray(0, written), starts };
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
