// The versioned sync file (S3): one zod definition that both validates imported files and
// generates the JSON Schemas published beside it (tessera-changes.v1/v2.schema.json). Each change
// is checked strictly against the core's Change union, so a file can never carry a field the
// change log would not hash the same way on the other device (X5).
//
// Exported and imported shapes are separate types (docs/architecture.md, the file format): what this version writes
// is exact; what arrives is `unknown` until this schema says otherwise. Fields a newer writer
// adds beside `changes` are ignored, since nothing outside `changes` is data; anything a
// reader must understand needs a new version. Version 2 (X6) adds `signatures`: the device
// signatures over the heads of the chains in the file. Version 1 files are still read.
//
// zod comes from ./schema-base, which configures it without eval (CSP, X4) before any schema
// is built; the change schemas themselves are in ./change-schemas and ./account-schemas.
import { deviceId } from '$lib/core';
import type {
	Change,
	ChangeType,
	DeviceId,
	NewAccount,
	PasswordHash,
	PayloadOf,
	SealedVault
} from '$lib/core';
import { ACCOUNT_SCHEMAS } from './account-schemas';
import { CHANGE_SCHEMAS } from './change-schemas';
import { DESK_SCHEMAS } from './desk-schemas';
import { PRODUCT_SCHEMAS } from './product-schemas';
import { SUPPORT_SCHEMAS } from './support-schemas';
import { MANAGED_SCHEMAS } from './managed-schemas';
import { ORGANIZATION_SCHEMAS } from './organization-schemas';
import { POLICY_SCHEMAS } from './policy-schemas';
import { BILLING_SCHEMAS } from './billing-schemas';
import type { NEW_ACCOUNT_SCHEMA, passwordHash, vault } from './change-schemas';
import type { FileEvidence, HeadSignature } from '$lib/log/evidence';
import { LIMITS, docs, epochMs, id, z } from './schema-base';

export { LIMITS } from './schema-base';

export const FORMAT = 'tessera-changes';
/** The version this app writes. */
export const VERSION = 2;
/** The versions it reads: version 1 files have no signatures (X6: nothing in them is proved). */
export const READ_VERSIONS: readonly number[] = [1, 2];
export type FileVersion = 1 | 2;

/** PBKDF2 iterations an imported file may ask for: fewer is weak, more could hang the page. */
export const KDF_ITERATIONS = Object.freeze({ min: 100_000, max: 10_000_000 });

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const base64url = (length?: number) =>
	length === undefined ? z.string().regex(BASE64URL) : z.string().regex(BASE64URL).length(length);

/** Every member of the core's Change union, one strict schema each. */
export const ALL_CHANGE_SCHEMAS = [
	...CHANGE_SCHEMAS,
	...ACCOUNT_SCHEMAS,
	...ORGANIZATION_SCHEMAS,
	...POLICY_SCHEMAS,
	...MANAGED_SCHEMAS,
	...BILLING_SCHEMAS,
	...DESK_SCHEMAS,
	...PRODUCT_SCHEMAS,
	...SUPPORT_SCHEMAS
] as const;

export const ChangeSchema = z.discriminatedUnion('type', ALL_CHANGE_SCHEMAS);

const kind = z.enum(['queue', 'full']);
export type SyncFileKind = z.infer<typeof kind>;

/** X5: links the writer knows are open, declared (see the `gaps` description). */
const gaps = z
	.array(z.strictObject({ device: id(deviceId), changeId: z.string().min(1).max(100) }))
	.max(LIMITS.changes)
	.readonly()
	.optional();

/**
 * X6: one device signature over the head of a run of that device's changes in the file (the
 * last change before a declared gap, or its last change in the file): Ed25519, base64url, over
 * the head statement (device, change id, X5 hash). One signature covers the whole run, since
 * each change links to the one before it by hash.
 */
export const HeadSignatureSchema = z.strictObject({
	device: id(deviceId),
	changeId: z.string().min(1).max(LIMITS.id),
	signature: base64url(86)
});

function plainFile<V extends FileVersion>(version: V) {
	return z.looseObject({
		format: z.literal(FORMAT),
		version: z.literal(version),
		device: id(deviceId),
		exportedAt: epochMs,
		kind,
		/** SHA-256, base64url, of the canonical JSON (sorted keys) of `changes`. */
		digest: base64url(43),
		/**
		 * X5: links the writer knows are open because it never received the change before
		 * them (a whole-history file from a device that missed another device's file).
		 * Declared, so a gap is reported in the preview rather than silently accepted.
		 */
		gaps,
		changes: z.array(ChangeSchema).max(LIMITS.changes).readonly()
	});
}

/** Version 1 (shipped, read only): no signatures. */
export const PlainFileSchemaV1 = plainFile(1).register(docs, {
	id: 'plain',
	title: 'A file of changes in clear text'
});

/** Version 2 (written): the chain heads signed by their devices (X6). */
export const PlainFileSchema = plainFile(2)
	.extend({ signatures: z.array(HeadSignatureSchema).max(LIMITS.changes).readonly() })
	.register(docs, { id: 'plain', title: 'A file of changes in clear text' });

/** The plain envelopes with their changes left unchecked, so they are validated one by one. */
export const PlainShellSchemaV1 = PlainFileSchemaV1.extend({
	changes: z.array(z.unknown()).max(LIMITS.changes)
});
export const PlainShellSchema = PlainFileSchema.extend({
	changes: z.array(z.unknown()).max(LIMITS.changes)
});

export const EncryptionSchema = z.strictObject({
	alg: z.literal('AES-GCM'),
	kdf: z.strictObject({
		name: z.literal('PBKDF2'),
		hash: z.literal('SHA-256'),
		iterations: z.number().int().min(KDF_ITERATIONS.min).max(KDF_ITERATIONS.max),
		/** 16 random bytes. */
		salt: base64url(22)
	}),
	/** 12 random bytes. */
	iv: base64url(16),
	/** AES-GCM of the plain file's UTF-8 text, with its 16-byte tag at the end. */
	ciphertext: base64url()
});

function encryptedFile<V extends FileVersion>(version: V) {
	return z
		.looseObject({
			format: z.literal(FORMAT),
			version: z.literal(version),
			encrypted: EncryptionSchema
		})
		.register(docs, {
			id: 'encrypted',
			title: 'A file of changes encrypted with a passphrase (S3)',
			description: 'The plaintext is the UTF-8 text of a plain file.'
		});
}

export const EncryptedFileSchemaV1 = encryptedFile(1);
export const EncryptedFileSchema = encryptedFile(2);

export const SyncFileSchemaV1 = z.union([PlainFileSchemaV1, EncryptedFileSchemaV1]);
export const SyncFileSchema = z.union([PlainFileSchema, EncryptedFileSchema]);

/**
 * The JSON Schema published in the repository (S3), generated from the zod definition: one
 * file per version (tessera-changes.v1.schema.json, tessera-changes.v2.schema.json).
 */
export function syncFileJsonSchema(version: FileVersion = VERSION): Record<string, unknown> {
	const schema = z.toJSONSchema(version === 1 ? SyncFileSchemaV1 : SyncFileSchema, {
		io: 'input',
		metadata: docs,
		// `.readonly()` is there for TypeScript; JSON Schema's readOnly means something else.
		override: ({ jsonSchema }) => {
			delete jsonSchema.readOnly;
		}
	});
	return {
		$schema: schema.$schema,
		$id: `https://tessera.invalid/schemas/tessera-changes.v${version}.schema.json`,
		title: `Tessera change file, version ${version}`,
		description:
			'Changes exported by one Tessera device for another (S3). Generated from ' +
			'src/lib/sync/format.ts by tests/unit/sync/schema.test.ts: do not edit by hand.',
		...schema
	};
}

/** What this version writes: exact, so a misspelt field is a compile error. */
export type ExportedSyncFile = {
	readonly format: typeof FORMAT;
	readonly version: typeof VERSION;
	readonly device: DeviceId;
	readonly exportedAt: number;
	readonly kind: SyncFileKind;
	readonly digest: string;
	readonly gaps?: readonly ChainGap[];
	readonly signatures: readonly HeadSignature[];
	readonly changes: readonly Change[];
};

export type Encryption = z.output<typeof EncryptionSchema>;

export type ExportedEncryptedFile = {
	readonly format: typeof FORMAT;
	readonly version: typeof VERSION;
	readonly encrypted: Encryption;
};

/** What may arrive: any JSON object, every field unknown until validated. */
export type ImportedSyncFile = Readonly<
	Partial<Record<keyof ExportedSyncFile | keyof ExportedEncryptedFile, unknown>>
> &
	Readonly<Record<string, unknown>>;

/** A file that passed every check: what the store merges. */
export interface SyncFileContents {
	readonly device: DeviceId;
	readonly exportedAt: number;
	readonly kind: SyncFileKind;
	readonly changes: readonly Change[];
	readonly encrypted: boolean;
	/** X5: declared open links (see PlainFileSchema.gaps), for the preview to report. */
	readonly gaps: readonly ChainGap[];
	/** X6: what the file's signatures prove, for the store to classify each change. */
	readonly evidence: FileEvidence;
}

export interface ChainGap {
	readonly device: string;
	readonly changeId: string;
}

// Compile-time proof that the schemas mirror the core's types in both directions, and that what
// this version writes is what it reads.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Accepts<Schema extends z.ZodType, T> = T extends z.input<Schema> ? true : false;
// Optional fields pass `Same` either way round, so the payload key sets are compared too.
type Parsed<T extends ChangeType> = Extract<z.output<typeof ChangeSchema>, { type: T }>;
type SameKeys = { [T in ChangeType]: Same<keyof PayloadOf<T>, keyof Parsed<T>['payload']> };
export const SCHEMA_MIRRORS_CORE = {
	change: true satisfies Same<z.output<typeof ChangeSchema>, Change>,
	payloadKeys: true satisfies Same<SameKeys[ChangeType], true>,
	newAccount: true satisfies Same<keyof NewAccount, keyof z.output<typeof NEW_ACCOUNT_SCHEMA>>,
	passwordHash: true satisfies Same<keyof PasswordHash, keyof z.output<typeof passwordHash>>,
	vault: true satisfies Same<SealedVault, z.output<typeof vault>>,
	written: true satisfies Accepts<typeof PlainFileSchema, ExportedSyncFile>,
	encrypted: true satisfies Accepts<typeof EncryptedFileSchema, ExportedEncryptedFile>
} as const;
