// Reading a sync file (S4, S7): the whole file is checked before anything is applied, and
// every way it can be wrong comes back as a value with a stable code (a report with stable codes, not an exception), in a
// fixed order: size → parse → decrypt → envelope → each change (its clock too, X7) → digest →
// duplicates → chain (X5) → a year ahead at most → signatures (X6). Nothing here touches
// storage: the store classifies, admits and merges what this returns.
import { err, ok } from '$lib/core';
import type { Change, Result } from '$lib/core';
import type { z } from 'zod';
import { decryptEnvelope } from './crypto';
import { canonicalJson, checkChains } from '$lib/log/digest';
import { encodeAndDigest, hashesOfEncoded } from '$lib/log/hash-many';
import type { JsonPath, SyncError } from '$lib/log/errors';
import type { DeviceKeys } from '$lib/log/evidence';
import {
	EncryptedFileSchema,
	EncryptedFileSchemaV1,
	FORMAT,
	KDF_ITERATIONS,
	PlainShellSchema,
	PlainShellSchemaV1,
	READ_VERSIONS,
	VERSION
} from './format';
import type { ImportedSyncFile, SyncFileContents } from './format';
import { problemOf } from './problems';
import { proveFile } from '$lib/log/prove';
import { BATCH, PROGRESS_EVERY, stepProgress, yieldToEventLoop } from '$lib/log/progress';
import type { OnProgress } from '$lib/log/progress';
import { JSON_LIMITS, isJsonObject, parseJsonInTurns, textOf } from './safe-json';
import { validateChanges } from './validate';

/**
 * X7: a change dated up to this far ahead is read, and the store holds it until its time (it
 * never drags the local clock); further ahead, the clock that wrote it is wrong, not early, and
 * the file is refused ('clock-in-future').
 */
export const DEFAULT_MAX_FUTURE_SKEW_MS = 366 * 24 * 60 * 60 * 1000;

export interface ReadOptions {
	/** Needed only for an encrypted file. */
	readonly passphrase?: string;
	/** Default 50 MB. */
	readonly maxBytes?: number;
	/** The importing device's time: no change may be dated later than now + skew (a year). */
	readonly now: number;
	readonly maxFutureSkewMs?: number;
	/** 0 to 1, never backwards (P4). */
	readonly onProgress?: OnProgress;
	/**
	 * X6: device keys the importing device knows (its projection's enrolled devices and its
	 * own key); the file's own enrollments add the rest.
	 */
	readonly deviceKeys?: DeviceKeys;
}

export type ReadResult =
	| { readonly ok: true; readonly file: SyncFileContents }
	| { readonly ok: false; readonly error: SyncError };

export async function readSyncFile(
	input: string | ArrayBuffer | Uint8Array,
	opts: ReadOptions
): Promise<ReadResult> {
	const result = await read(input, opts);
	return result.ok ? { ok: true, file: result.value } : result;
}

async function read(
	input: string | ArrayBuffer | Uint8Array,
	opts: ReadOptions
): Promise<Result<SyncFileContents, SyncError>> {
	const progress = opts.onProgress;
	progress?.(0);
	const maxBytes = opts.maxBytes ?? JSON_LIMITS.maxBytes;
	const text = textOf(input, maxBytes);
	if (!text.ok) return text;
	// Only the outer envelope may hold the long ciphertext; the plain file inside it keeps the
	// per-string limit (fault 1: a file this app writes must read back).
	const outer = await parseHead(text.value, maxBytes, CIPHERTEXT);
	if (!outer.ok) return outer;

	let file = outer.value;
	const encrypted = 'encrypted' in file;
	if (encrypted) {
		if (opts.passphrase === undefined || opts.passphrase === '') {
			return err({ code: 'needs-passphrase' });
		}
		const schema = file.version === 1 ? EncryptedFileSchemaV1 : EncryptedFileSchema;
		const envelope = schema.safeParse(file);
		if (!envelope.success) return err(envelopeError(envelope.error.issues, file));
		progress?.(0.05);
		const plain = await decryptEnvelope(envelope.data, opts.passphrase);
		if (!plain.ok) return plain;
		const inner = await parseHead(plain.value, maxBytes);
		if (!inner.ok) return inner;
		if ('encrypted' in inner.value) {
			const problem = { kind: 'not-allowed' } as const;
			return err({
				code: 'wrong-format',
				path: ['encrypted'],
				message: 'encrypted twice',
				problem
			});
		}
		file = inner.value;
	}
	progress?.(0.1);

	const version = file.version === 1 ? 1 : 2;
	const shell = parseShell(file);
	if (!shell.ok) return shell;
	const { device, exportedAt, kind, digest, signatures } = shell.value;
	const declaredGaps = shell.value.gaps ?? [];

	const validated = await validateChanges(shell.value.changes, stepProgress(progress, 0.1, 0.45));
	if (!validated.ok) return validated;
	const all = validated.value;

	const canonical = await canonicalise(all, stepProgress(progress, 0.45, 0.5));
	// P4: the texts are encoded once, a batch at a time, digested as they go; each change is
	// then hashed over its slice.
	const { encoded, digest: found } = await encodeAndDigest(canonical);
	if (found !== digest) return err({ code: 'digest-mismatch', expected: digest, found });
	const big = all.length > BATCH;
	if (big) await yieldToEventLoop();
	const unique = dedupe(all, canonical);
	if (!unique.ok) return unique;
	const { changes, kept } = unique.value;
	progress?.(0.55);
	const allHashes = await hashesOfEncoded(encoded, stepProgress(progress, 0.55, 0.9));
	const hashes = kept.length === all.length ? allHashes : kept.map((i) => allHashes[i] ?? '');
	if (big) await yieldToEventLoop();
	const chain = checkChains(changes, hashes, undefined, declaredGaps);
	if (!chain.ok) return chain;

	if (big) await yieldToEventLoop();
	const future = firstInFuture(
		changes,
		opts.now + (opts.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS)
	);
	if (future !== null) return err(future);
	progress?.(0.95);

	// X6: one verification per chain head, one per enrollment; the store classifies.
	const known = opts.deviceKeys ?? new Map<string, string>();
	if (big) await yieldToEventLoop();
	const proof = await proveFile({ version, changes, hashes, signatures, known });
	if (!proof.ok) return proof;
	progress?.(1);
	return ok({
		device,
		exportedAt,
		kind,
		changes,
		encrypted,
		gaps: chain.gaps,
		evidence: proof.value
	});
}

const CIPHERTEXT = ['encrypted', 'ciphertext'] as const;

/** Parses text into an object that names this format and version. */
async function parseHead(
	text: string,
	maxBytes: number,
	longString?: readonly string[]
): Promise<Result<ImportedSyncFile, SyncError>> {
	const parsed = await parseJsonInTurns(text, { maxBytes, ...(longString ? { longString } : {}) });
	if (!parsed.ok) return parsed;
	const value = parsed.value;
	if (!isJsonObject(value)) {
		const problem = { kind: 'wrong-type', expected: 'object' } as const;
		return err({ code: 'wrong-format', path: [], message: 'not a JSON object', problem });
	}
	if (value.format !== FORMAT) {
		const problem = { kind: value.format === undefined ? 'missing' : 'not-allowed' } as const;
		return err({ code: 'wrong-format', path: ['format'], message: `not "${FORMAT}"`, problem });
	}
	const version = value.version;
	if (typeof version !== 'number' || !READ_VERSIONS.includes(version)) {
		const found = typeof version === 'number' || typeof version === 'string' ? version : null;
		return err({
			code: 'unsupported-version',
			found,
			newer: typeof version === 'number' && version > VERSION
		});
	}
	return ok(value);
}

/** The plain envelope of either version; a version-1 file has no signatures. */
function parseShell(file: ImportedSyncFile) {
	if (file.version === 1) {
		const v1 = PlainShellSchemaV1.safeParse(file);
		if (!v1.success) return err(envelopeError(v1.error.issues, file));
		return ok({ ...v1.data, signatures: [] });
	}
	const v2 = PlainShellSchema.safeParse(file);
	return v2.success ? ok(v2.data) : err(envelopeError(v2.error.issues, file));
}

function envelopeError(issues: readonly z.core.$ZodIssue[], file: ImportedSyncFile): SyncError {
	const issue = issues[0];
	const path: JsonPath = (issue?.path ?? []).map((k) => (typeof k === 'number' ? k : String(k)));
	const kdf = isJsonObject(file.encrypted) ? file.encrypted.kdf : undefined;
	const iterations = isJsonObject(kdf) ? kdf.iterations : undefined;
	if (path.join('.') === 'encrypted.kdf.iterations' && typeof iterations === 'number') {
		return { code: 'unsafe-encryption', iterations, ...KDF_ITERATIONS };
	}
	if (issue?.code === 'too_big' && issue.origin === 'array') {
		const size = Array.isArray(file.changes) ? file.changes.length : 0;
		return { code: 'field-too-large', path, size, limit: Number(issue.maximum) };
	}
	const problem = problemOf(issue, file, path);
	return { code: 'wrong-format', path, message: issue?.message ?? 'not a change file', problem };
}

async function canonicalise(changes: readonly Change[], progress: OnProgress): Promise<string[]> {
	const texts: string[] = [];
	for (let i = 0; i < changes.length; i += PROGRESS_EVERY) {
		for (const change of changes.slice(i, i + PROGRESS_EVERY)) texts.push(canonicalJson(change));
		progress(texts.length / changes.length);
		if (texts.length < changes.length) await yieldToEventLoop();
	}
	return texts;
}

/** Drops exact repeats of a change; the same id with other content refuses the file. */
function dedupe(
	all: readonly Change[],
	canonical: readonly string[]
): Result<{ changes: Change[]; kept: number[] }, SyncError> {
	const firstIndex = new Map<string, number>();
	const changes: Change[] = [];
	const kept: number[] = [];
	for (const [i, change] of all.entries()) {
		const first = firstIndex.get(change.id);
		if (first === undefined) {
			firstIndex.set(change.id, i);
			changes.push(change);
			kept.push(i);
		} else if (canonical[first] !== (canonical[i] ?? canonicalJson(change))) {
			return err({ code: 'duplicate-change-id', changeId: change.id, indexes: [first, i] });
		}
	}
	return ok({ changes, kept });
}

// A clock's time is its change's `at` (X7, checked with each change), so `at` says how far
// ahead a change is. Changes a little ahead are held by the store, not refused here.
function firstInFuture(changes: readonly Change[], latest: number): SyncError | null {
	for (const change of changes) {
		const at = change.at;
		if (at > latest) return { code: 'clock-in-future', changeId: change.id, at, latest };
	}
	return null;
}
