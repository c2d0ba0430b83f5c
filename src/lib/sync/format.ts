// The versioned sync file (S3): one zod definition that both validates imported files and
// generates the JSON Schema published beside it (tessera-changes.v1.schema.json). Each change
// is checked strictly against the core's Change union, so a file can never carry a field the
// change log would not hash the same way on the other device (X5).
//
// Exported and imported shapes are separate types (STYLE example 6): what this version writes
// is exact; what arrives is `unknown` until this schema says otherwise. Fields a newer version-1
// writer adds beside `changes` are ignored, since nothing outside `changes` is data; anything a
// reader must understand needs version 2.
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
import type { NEW_ACCOUNT_SCHEMA, passwordHash, vault } from './change-schemas';
import { LIMITS, docs, epochMs, id, z } from './schema-base';

export { LIMITS } from './schema-base';

export const FORMAT = 'tessera-changes';
export const VERSION = 1;

/** PBKDF2 iterations an imported file may ask for: fewer is weak, more could hang the page. */
export const KDF_ITERATIONS = Object.freeze({ min: 100_000, max: 10_000_000 });

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const base64url = (length?: number) =>
	length === undefined ? z.string().regex(BASE64URL) : z.string().regex(BASE64URL).length(length);

/** Every member of the core's Change union, one strict schema each. */
export const ALL_CHANGE_SCHEMAS = [...CHANGE_SCHEMAS, ...ACCOUNT_SCHEMAS] as const;

export const ChangeSchema = z.discriminatedUnion('type', ALL_CHANGE_SCHEMAS);

const kind = z.enum(['queue', 'full']);
export type SyncFileKind = z.infer<typeof kind>;

export const PlainFileSchema = z
	.looseObject({
		format: z.literal(FORMAT),
		version: z.literal(VERSION),
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
		gaps: z
			.array(z.strictObject({ device: id(deviceId), changeId: z.string().min(1).max(100) }))
			.max(LIMITS.changes)
			.readonly()
			.optional(),
		changes: z.array(ChangeSchema).max(LIMITS.changes).readonly()
	})
	.register(docs, { id: 'plain', title: 'A file of changes in clear text' });

/** The plain envelope with its changes left unchecked, so they are validated one by one. */
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

export const EncryptedFileSchema = z
	.looseObject({
		format: z.literal(FORMAT),
		version: z.literal(VERSION),
		encrypted: EncryptionSchema
	})
	.register(docs, {
		id: 'encrypted',
		title: 'A file of changes encrypted with a passphrase (S3)',
		description: 'The plaintext is the UTF-8 text of a plain file.'
	});

export const SyncFileSchema = z.union([PlainFileSchema, EncryptedFileSchema]);

/** The JSON Schema published in the repository (S3), generated from the zod definition. */
export function syncFileJsonSchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(SyncFileSchema, {
		io: 'input',
		metadata: docs,
		// `.readonly()` is there for TypeScript; JSON Schema's readOnly means something else.
		override: ({ jsonSchema }) => {
			delete jsonSchema.readOnly;
		}
	});
	return {
		$schema: schema.$schema,
		$id: 'https://tessera.invalid/schemas/tessera-changes.v1.schema.json',
		title: 'Tessera change file, version 1',
		description:
			'Changes exported by one Tessera device for another (SPEC S3). Generated from ' +
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
