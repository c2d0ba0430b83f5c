// zod for the sync schemas, configured for the Content Security Policy, and the building
// blocks every change schema shares. zod compiles object parsers with `new Function` unless
// told not to, which a CSP without 'unsafe-eval' forbids (X4), and it reads that setting when
// each schema is *built*: so the config runs here, in the module every schema file imports
// zod through, before any of them builds a schema.
import { z } from 'zod';
import { accountId, changeId, deviceId } from '$lib/core';

z.config({ jitless: true });

export { z };

/** Lengths the schema allows (S7: oversized fields are refused, with the limit named). */
export const LIMITS = Object.freeze({
	id: 100,
	clock: 100,
	email: 254,
	name: 200,
	/** A site name is a host name: DNS allows 253 characters. */
	host: 253,
	subject: 200,
	description: 10_000,
	/** Tokens, their hashes, TOTP secrets, password hash parts (the core's MAX_TOKEN). */
	token: 200,
	/** A5: an avatar is a data: URL of at most 200 KB (the core's MAX_AVATAR). */
	avatar: 200 * 1024,
	/** X6: a sealed vault's ciphertext (the core's MAX_VAULT_DATA). */
	vault: 2000,
	/** The core's MAX_RECOVERY_CODES. */
	recoveryCodes: 50,
	productIds: 100,
	changes: 1_000_000
});

// Titles and $defs for the published schema, kept out of zod's global registry.
export const docs = z.registry<z.core.JSONSchemaMeta>();

export const text = (max: number) => z.string().max(max);
export const epochMs = z.number().int().min(0).max(8.64e15);
export const count = z.number().int().min(0);

/**
 * The transforms that give back the string they were given, typed: the branded ids. The fast
 * change check (./fast-check.ts) reads through these and no other transform.
 */
export const IDENTITY_TRANSFORMS = new WeakSet<z.core.$ZodType>();

/** Ids become the core's branded ids on the way in; their constructors refuse empty strings. */
export const id = <B extends string>(brand: (s: string) => B) => {
	const schema = z
		.string()
		.min(1)
		.max(LIMITS.id)
		.transform((s) => brand(s));
	IDENTITY_TRANSFORMS.add(schema);
	return schema;
};

export const token = z.string().min(1).max(LIMITS.token);

/** One change: the envelope every change carries (S1), its type, and its payload schema. */
export function change<T extends string, P extends z.ZodType>(type: T, payload: P, title: string) {
	return z
		.strictObject({
			id: id(changeId),
			device: id(deviceId),
			clock: z.string().min(1).max(LIMITS.clock),
			at: epochMs,
			actor: id(accountId).nullable(),
			prev: z.string().min(1).max(LIMITS.id).nullable(),
			type: z.literal(type),
			payload
		})
		.register(docs, { id: type, title });
}
