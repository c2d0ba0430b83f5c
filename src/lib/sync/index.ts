// The public face of sync (S2–S9, X5): the app imports this module lazily, from the Sync page
// only, since zod is its largest dependency. The store never imports it: what both need
// (`changeHash`, planning, X6 evidence) is in $lib/log, so committing a change never loads zod.
export { SYNC_ERROR_CODES } from '$lib/log/errors';
export type { JsonPath, SyncError, SyncErrorCode, SyncErrorOf, SyncResult } from '$lib/log/errors';
export {
	ALL_CHANGE_SCHEMAS,
	ChangeSchema,
	EncryptedFileSchema,
	FORMAT,
	KDF_ITERATIONS,
	LIMITS,
	PlainFileSchema,
	READ_VERSIONS,
	SyncFileSchema,
	VERSION,
	syncFileJsonSchema
} from './format';
export type {
	Encryption,
	ExportedEncryptedFile,
	ExportedSyncFile,
	ImportedSyncFile,
	SyncFileContents,
	SyncFileKind
} from './format';
export { FORBIDDEN_KEYS, JSON_LIMITS, parseJsonSafely } from './safe-json';
export type { JsonError, JsonLimits } from './safe-json';
export {
	DEFAULT_KDF_ITERATIONS,
	SyncCryptoError,
	containsSecrets,
	decryptEnvelope,
	encryptEnvelope
} from './crypto';
export type { DecryptError } from './crypto';
export {
	CanonicalJsonError,
	canonicalJson,
	changeHash,
	changesDigest,
	checkChains,
	verifyChains
} from '$lib/log/digest';
export type { ChainCheck, ChainStart } from '$lib/log/digest';
export { validateChange } from './validate';
export { DEFAULT_MAX_FUTURE_SKEW_MS, readSyncFile } from './read';
export type { ReadOptions, ReadResult } from './read';
export { buildSyncFile, syncFileName } from './write';
export type { BuildOptions, BuildResult, BuiltFile, SegmentHead } from './write';
export { deviceKeysFor, segmentsOf } from '$lib/log/evidence';
export type {
	DeviceKeys,
	Evidence,
	FileEvidence,
	HeadSignature,
	Seal,
	SealCheck,
	Segment
} from '$lib/log/evidence';
export {
	classify,
	deviceKeysIn,
	introducedKey,
	isUnverified,
	knownFrom
} from '$lib/log/authenticity';
export type { Known, Unverified, UnverifiedCode, Verdict } from '$lib/log/authenticity';
export { checkEnrollment, checkSeal, proveFile } from '$lib/log/prove';
export { planImport, touchesOf } from '$lib/log/plan';
export type { ImportPlan, LocalLog, Touches } from '$lib/log/plan';
export { PROGRESS_EVERY } from '$lib/log/progress';
export type { OnProgress } from '$lib/log/progress';
