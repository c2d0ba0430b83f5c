// Writing a sync file (S3): the queued changes (or the whole history) in replay order, their
// digest, the signatures over each device's chain heads (X6), and, when any change carries a
// secret, encryption with the user's passphrase. A file
// is checked against the same schema the reader uses, so this app never writes a file it
// would refuse. One change per line keeps files readable and diffable.
import { compareChanges, err, ok } from '$lib/core';
import type { Change, DeviceId, Result } from '$lib/core';
import { containsSecrets, encryptEnvelope } from './crypto';
import { canonicalJson, openLinks } from '$lib/log/digest';
import { digestAndHashes } from '$lib/log/hash-many';
import type { SyncError } from '$lib/log/errors';
import { segmentsOf } from '$lib/log/evidence';
import type { HeadSignature } from '$lib/log/evidence';
import { FORMAT, VERSION } from './format';
import type { ExportedSyncFile, SyncFileKind } from './format';
import { PROGRESS_EVERY, stepProgress, yieldToEventLoop } from '$lib/log/progress';
import type { OnProgress } from '$lib/log/progress';
import { JSON_LIMITS, utf8Length } from './safe-json';
import { validateChange } from './validate';

/** S3: the shortest passphrase an export accepts; the Sync page asks for it up front. */
export const MIN_PASSPHRASE = 8;

export interface BuildOptions {
	readonly device: DeviceId;
	/** Epoch ms; also names the file. */
	readonly exportedAt: number;
	readonly kind: SyncFileKind;
	readonly changes: readonly Change[];
	/** Required when the changes carry secrets; encrypts the file whenever given. */
	readonly passphrase?: string;
	/** PBKDF2 iterations (default 600 000); tests use the minimum to stay fast. */
	readonly iterations?: number;
	/** The largest file to write: the reader's limit (default 50 MB), so it always reads back. */
	readonly maxBytes?: number;
	readonly onProgress?: OnProgress;
	/**
	 * X6: signatures for the heads of the file's segments (see $lib/log/evidence.ts): this device
	 * signs its own, and gives the ones it kept for other devices'. Without it the file
	 * carries none, and nothing in it can be verified.
	 */
	readonly sign?: (heads: readonly SegmentHead[]) => Promise<readonly HeadSignature[]>;
	/**
	 * S10: the text never leaves this device (live sync hands what it pulled straight to the
	 * reader), so secrets may be in it in clear: they arrived encrypted under the team key.
	 */
	readonly staysOnDevice?: boolean;
}

/** The last change of a segment: what its device signs. */
export interface SegmentHead {
	readonly device: string;
	readonly changeId: string;
	readonly hash: string;
}

export interface BuiltFile {
	readonly text: string;
	readonly encrypted: boolean;
	readonly filename: string;
}

export type BuildResult =
	| { readonly ok: true; readonly file: BuiltFile }
	| { readonly ok: false; readonly error: SyncError };

export async function buildSyncFile(opts: BuildOptions): Promise<BuildResult> {
	const result = await build(opts);
	return result.ok ? { ok: true, file: result.value } : result;
}

async function build(opts: BuildOptions): Promise<Result<BuiltFile, SyncError>> {
	const progress = opts.onProgress;
	progress?.(0);
	const passphrase = opts.passphrase === '' ? undefined : opts.passphrase;
	if (passphrase === undefined && opts.staysOnDevice !== true && containsSecrets(opts.changes)) {
		return err({ code: 'passphrase-required' });
	}
	if (passphrase !== undefined && passphrase.length < MIN_PASSPHRASE) {
		return err({ code: 'passphrase-too-short', min: MIN_PASSPHRASE });
	}
	const changes = [...opts.changes].sort(compareChanges);
	const canonical = await checkedCanonical(changes, stepProgress(progress, 0, 0.8));
	if (!canonical.ok) return canonical;
	// P4: WebCrypto over the texts encoded once; the same values as digestOfCanonical and
	// changeHash. X5: declare the links this device knows are open (it never received the
	// change before them), so the reader reports them instead of refusing the whole file.
	const { digest, hashes } = await digestAndHashes(canonical.value);
	const gaps = openLinks(changes, hashes);
	const heads = segmentsOf(changes, hashes).map((s) => ({
		device: s.device,
		changeId: s.head,
		hash: s.hash
	}));
	// Exactly the three fields the reader's strict schema takes, whatever the signer returned.
	const given = opts.sign === undefined ? [] : await opts.sign(heads);
	const signatures = given.map(({ device, changeId, signature }) => ({
		device,
		changeId,
		signature
	}));
	signatures.sort((a, b) => order(a.device, b.device) || order(a.changeId, b.changeId));
	const head = {
		format: FORMAT,
		version: VERSION,
		device: opts.device,
		exportedAt: opts.exportedAt,
		kind: opts.kind,
		digest,
		...(gaps.length > 0 ? { gaps } : {}),
		signatures
	} satisfies Omit<ExportedSyncFile, 'changes'>;
	// The canonical text of a change is valid JSON for it, so the file is assembled from the
	// texts the digest was made of rather than stringified a second time.
	const body = canonical.value.length === 0 ? '' : `\n${canonical.value.join(',\n')}\n`;
	const plain = `${JSON.stringify(head).slice(0, -1)},"changes":[${body}]}\n`;
	const filename = syncFileName(opts.device, opts.exportedAt);
	// Fault 1: the reader refuses a file over its size limit, the plain text inside an encrypted
	// file included, so such a file is not written at all: the person hears why instead.
	const maxBytes = opts.maxBytes ?? JSON_LIMITS.maxBytes;
	const plainSize = tooLarge(plain, maxBytes);
	if (plainSize) return plainSize;
	if (passphrase === undefined) {
		progress?.(1);
		return ok({ text: plain, encrypted: false, filename });
	}
	const options = opts.iterations === undefined ? {} : { iterations: opts.iterations };
	const envelope = await encryptEnvelope(plain, passphrase, options);
	const text = `${JSON.stringify(envelope, null, '\t')}\n`;
	const size = tooLarge(text, maxBytes);
	if (size) return size;
	progress?.(1);
	return ok({ text, encrypted: true, filename });
}

function tooLarge(text: string, maxBytes: number): Result<never, SyncError> | null {
	const bytes = utf8Length(text, Infinity);
	return bytes > maxBytes ? err({ code: 'too-large', bytes, limit: maxBytes }) : null;
}

/** Canonical JSON of each change, after checking it against the reader's schema. */
async function checkedCanonical(
	changes: readonly Change[],
	progress: OnProgress
): Promise<Result<string[], SyncError>> {
	const texts: string[] = [];
	for (const [i, change] of changes.entries()) {
		const checked = validateChange(change, i);
		if (!checked.ok) return checked;
		texts.push(canonicalJson(change));
		if ((i + 1) % PROGRESS_EVERY === 0 && i + 1 < changes.length) {
			progress((i + 1) / changes.length);
			await yieldToEventLoop();
		}
	}
	progress(1);
	return ok(texts);
}

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `tessera-changes-<first 8 of the device id>-<yyyymmdd-hhmm UTC>.json`. */
export function syncFileName(device: string, exportedAt: number): string {
	const short =
		device
			.toLowerCase()
			.replace(/[^a-z0-9]/g, '')
			.slice(0, 8) || 'device';
	const d = new Date(exportedAt);
	const two = (n: number) => String(n).padStart(2, '0');
	const day = `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
	return `tessera-changes-${short}-${day}-${two(d.getUTCHours())}${two(d.getUTCMinutes())}.json`;
}
