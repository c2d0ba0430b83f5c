// The file digest and every change's X5 hash, from the changes' canonical JSON, for a whole
// file at once (P4): the texts are encoded to UTF-8 once, as the one buffer the digest is
// made of (`[` + texts joined by `,` + `]`, see digest.ts), digested a batch at a time as it is
// written, and each change is hashed in place over its slice of it. The results are exactly digestOfCanonical's and changeHash's
// (tests/unit/sync/digest.test.ts), so the file format does not change; only the work does.
import { sha256Stream } from '$lib/security/hash';
import { sha256Slice } from '$lib/security/sha256-slices';
import { utf8Length } from './utf8';
import { BATCH, PROGRESS_EVERY, runInTurns, yieldToEventLoop } from './progress';
import type { Batched } from './progress';

/** The canonical texts of a file's changes as the UTF-8 bytes its digest is made of. */
export interface EncodedChanges {
	readonly bytes: Uint8Array<ArrayBuffer>;
	/** Where change i's text starts in `bytes`, and (at i + 1, less the comma) where it ends. */
	readonly starts: readonly number[];
}

/** The texts encoded, and the file digest (digestOfCanonical's value) of those bytes. */
export interface Encoded {
	readonly encoded: EncodedChanges;
	readonly digest: string;
}

/**
 * Encodes the texts a batch at a time into one buffer and digests the bytes as they are
 * written (P4: neither the 28 MB join, its encoding nor one digest call over it holds the page;
 * a WebCrypto digest of it ran on the page's thread in Chromium, one call, hundreds of ms).
 * Each batch is one encodeInto of its joined texts into a buffer sized for ASCII, which
 * canonical JSON nearly always is (measured in Chromium: a TextEncoder call per change cost ten
 * times as much); only text that is not ASCII is counted, and the buffer grows when it must.
 */
export function* encodeSteps(canonical: readonly string[]): Batched<Encoded> {
	const encoder = new TextEncoder();
	let size = 2 + Math.max(0, canonical.length - 1);
	for (const text of canonical) size += text.length;
	let bytes = new Uint8Array(size + (size >> 4));
	bytes[0] = 0x5b; // [
	const hash = sha256Stream();
	const starts: number[] = [];
	let at = 1;
	if (canonical.length === 0) {
		bytes[at++] = 0x5d; // ]
		starts.push(1);
		hash.update(bytes.subarray(0, at));
	}
	for (let first = 0; first < canonical.length; first += BATCH) {
		const batch = canonical.slice(first, first + BATCH);
		const last = first + BATCH >= canonical.length;
		const joined = `${batch.join(',')}${last ? ']' : ','}`;
		let read = 0;
		let written = 0;
		for (;;) {
			const step = encoder.encodeInto(
				read === 0 ? joined : joined.slice(read),
				bytes.subarray(at + written)
			);
			read += step.read;
			written += step.written;
			if (read >= joined.length) break;
			// Not ASCII: room for the rest at three bytes a code unit, the most UTF-8 takes.
			const grown = new Uint8Array(
				Math.max(bytes.length * 2, at + written + 3 * (joined.length - read) + 1)
			);
			grown.set(bytes.subarray(0, at + written));
			bytes = grown;
		}
		const ascii = written === joined.length;
		for (const text of batch) {
			starts.push(at);
			at += (ascii ? text.length : utf8Length(text)) + 1;
		}
		if (last) starts.push(at);
		hash.update(bytes.subarray(first === 0 ? 0 : at - written, at));
		if (!last) yield;
	}
	return {
		encoded: { bytes: bytes.subarray(0, at), starts },
		digest: hash.digest()
	};
}

/** encodeSteps run with a turn for the page between batches (P4). */
export function encodeAndDigest(canonical: readonly string[]): Promise<Encoded> {
	return runInTurns(encodeSteps(canonical));
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
	const { encoded, digest } = await encodeAndDigest(canonical);
	return { digest, hashes: await hashesOfEncoded(encoded, onProgress) };
}
