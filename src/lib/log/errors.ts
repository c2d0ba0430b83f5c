// Why a sync file was refused, as stable codes (expected failures are values): reading
// and writing return these as values, never throw them, and the UI makes its words from the
// code and the data beside it, never from message text (S7: a clear message, nothing lost).
import type { Result } from '$lib/core';

export const SYNC_ERROR_CODES = Object.freeze({
	/** The file is bigger than the limit (default 50 MB). */
	tooLarge: 'too-large',
	/** Not JSON at all (or not UTF-8 text). */
	notJson: 'not-json',
	/** JSON that stops while a string, array or object is still open: a cut-off file. */
	truncated: 'truncated',
	/** JSON, but not a Tessera change file (or a damaged envelope). */
	wrongFormat: 'wrong-format',
	/** A Tessera change file of a version this app does not read. */
	unsupportedVersion: 'unsupported-version',
	/** The file is encrypted and no passphrase was given. */
	needsPassphrase: 'needs-passphrase',
	/** The passphrase does not open the file (or the ciphertext was altered). */
	wrongPassphrase: 'wrong-passphrase',
	/** Key-derivation settings outside what we run: a hostile or broken file. */
	unsafeEncryption: 'unsafe-encryption',
	/** The changes are not the ones the file's digest was made from. */
	digestMismatch: 'digest-mismatch',
	invalidChange: 'invalid-change',
	unknownChangeType: 'unknown-change-type',
	fieldTooLarge: 'field-too-large',
	tooDeep: 'too-deep',
	/** `__proto__`, `constructor` or `prototype` used as a key anywhere in the file. */
	forbiddenKey: 'forbidden-key',
	/** A change dated too far ahead: it would drag this device's clock forward. */
	clockInFuture: 'clock-in-future',
	/** X7: a clock not in the one format, naming another device, or disagreeing with `at`. */
	badClock: 'bad-clock',
	/** X5: a change does not link to the previous change of its device. */
	brokenChain: 'broken-chain',
	/** The same change id twice in one file, with different content. */
	duplicateChangeId: 'duplicate-change-id',
	/** A change id this device already has, with different content: history was rewritten. */
	changedHistory: 'changed-history',
	/** X6: the file gives one device two different keys (or not the one this device knows). */
	deviceKeyMismatch: 'device-key-mismatch',
	/**
	 * X6: changes nothing can verify (a version-1 file, a device from before X6) were about to
	 * be applied without the person saying they trust where the file came from.
	 */
	untrustedFile: 'untrusted-file',
	/** Export: the changes carry secrets (S3), so the file must be encrypted. */
	passphraseRequired: 'passphrase-required',
	/** Export: a passphrase shorter than MIN_PASSPHRASE (S3: a key worth deriving). */
	passphraseTooShort: 'passphrase-too-short'
} as const);

export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[keyof typeof SYNC_ERROR_CODES];

/** Where in the document: keys and array indexes from the root of the (plain) file. */
export type JsonPath = readonly (string | number)[];

/** The kind of value a field should hold. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null' | 'other';

/**
 * What is wrong with a field, as a stable code the UI words (S7). The validator's own
 * message stays in `message` for developers and is never shown to people.
 */
export type FieldProblem =
	| { readonly kind: 'missing' }
	| { readonly kind: 'wrong-type'; readonly expected: ValueKind }
	/** A value outside the ones allowed there (an enum, a literal). */
	| { readonly kind: 'not-allowed' }
	/** Text that does not have the expected form (base64url, a pattern). */
	| { readonly kind: 'bad-format' }
	| { readonly kind: 'too-small' }
	| { readonly kind: 'too-big' }
	/** A field this format does not have; `key` is the file's text. */
	| { readonly kind: 'unexpected-field'; readonly key: string }
	| { readonly kind: 'invalid' };

export type SyncError =
	| { readonly code: 'too-large'; readonly bytes: number; readonly limit: number }
	| { readonly code: 'not-json'; readonly reason: 'syntax' | 'encoding' | 'empty' }
	| { readonly code: 'truncated' }
	| {
			readonly code: 'wrong-format';
			readonly path: JsonPath;
			readonly message: string;
			readonly problem: FieldProblem;
	  }
	| {
			readonly code: 'unsupported-version';
			/** The version the file names (null when it is not a number or a string). */
			readonly found: number | string | null;
			readonly newer: boolean;
	  }
	| { readonly code: 'needs-passphrase' }
	| { readonly code: 'wrong-passphrase' }
	| {
			readonly code: 'unsafe-encryption';
			readonly iterations: number;
			readonly min: number;
			readonly max: number;
	  }
	| { readonly code: 'digest-mismatch'; readonly expected: string; readonly found: string }
	| {
			readonly code: 'invalid-change';
			readonly index: number;
			readonly changeId: string | null;
			readonly path: JsonPath;
			readonly message: string;
			readonly problem: FieldProblem;
	  }
	| {
			readonly code: 'unknown-change-type';
			readonly index: number;
			readonly changeId: string | null;
			readonly type: string;
	  }
	| {
			readonly code: 'field-too-large';
			readonly path: JsonPath;
			/** Characters, array items or object keys, as `limit` counts them. */
			readonly size: number;
			readonly limit: number;
	  }
	| { readonly code: 'too-deep'; readonly path: JsonPath; readonly limit: number }
	| { readonly code: 'forbidden-key'; readonly path: JsonPath; readonly key: string }
	| {
			readonly code: 'clock-in-future';
			readonly changeId: string;
			readonly at: number;
			/** `now + maxFutureSkewMs`: the latest `at` accepted. */
			readonly latest: number;
	  }
	| {
			readonly code: 'bad-clock';
			/** Where the change is in the file, or null when the store found it. */
			readonly index: number | null;
			readonly changeId: string;
			/** Not the one clock format, another device's clock, or a time other than `at`. */
			readonly problem: 'format' | 'device' | 'time';
	  }
	| {
			readonly code: 'broken-chain';
			readonly device: string;
			readonly changeId: string;
			/** The hash of the change before it on its device, in this file. */
			readonly expected: string;
			readonly found: string | null;
	  }
	| {
			readonly code: 'duplicate-change-id';
			readonly changeId: string;
			readonly indexes: readonly [number, number];
	  }
	| { readonly code: 'changed-history'; readonly changeId: string }
	| { readonly code: 'device-key-mismatch'; readonly device: string }
	| { readonly code: 'untrusted-file'; readonly count: number }
	| { readonly code: 'passphrase-required' }
	| { readonly code: 'passphrase-too-short'; readonly min: number };

export type SyncErrorOf<C extends SyncErrorCode> = Extract<SyncError, { readonly code: C }>;

export type SyncResult<T> = Result<T, SyncError>;

// The frozen map and the union name the same codes, both ways round.
type Exhaustive<T extends never> = T;
export type CodesCovered = [
	Exhaustive<Exclude<SyncErrorCode, SyncError['code']>>,
	Exhaustive<Exclude<SyncError['code'], SyncErrorCode>>
];
