// S10: the documents Tessera keeps on a CouchDB-compatible server. Each change is one immutable
// document, `c:<change id>`; each head signature (X6) is one, `s:<device>:<change id>`. What the
// server needs to replicate and order them is in clear (the id, the device, the clock); the
// content is AES-GCM under the team key, with the clear fields as additional data, so the
// server can neither read a change nor move its content under another id, device or clock.
//
// Revisions are derived from the content (the change's X5 hash, the signature's bytes) and
// written with `new_edits: false`: two devices pushing the same change write the same revision,
// so CouchDB never sees a conflict of its own and a repeated push is a no-op (S4).
import { err, ok } from '$lib/core';
import type { Change, Result } from '$lib/core';
import type { HeadSignature } from '$lib/log/evidence';
import { canonicalJson, changeHash, sha256Text } from '$lib/log/digest';
import { base64urlToBytes, bytesToBase64url, utf8 } from '$lib/security/encoding';
import { z } from '$lib/sync/schema-base';

const IV_BYTES = 12;
const b64 = z.string().regex(/^[A-Za-z0-9_-]+$/);
/** A document's content, encrypted: at most a change's largest size and some. */
const MAX_CIPHERTEXT = 2_000_000;

export const ChangeDocSchema = z.looseObject({
	_id: z.string().regex(/^c:[A-Za-z0-9_-]{1,100}$/),
	_rev: z.string().max(200),
	kind: z.literal('change'),
	device: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
	clock: z.string().max(100),
	iv: b64.length(16),
	ciphertext: b64.max(MAX_CIPHERTEXT)
});
export const SignatureDocSchema = z.looseObject({
	_id: z.string().regex(/^s:[A-Za-z0-9_-]{1,100}:[A-Za-z0-9_-]{1,100}$/),
	_rev: z.string().max(200),
	kind: z.literal('signature'),
	device: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
	iv: b64.length(16),
	ciphertext: b64.max(10_000)
});
export type ChangeDoc = z.output<typeof ChangeDocSchema>;
export type SignatureDoc = z.output<typeof SignatureDocSchema>;
export type LiveDoc = ChangeDoc | SignatureDoc;

export const changeDocId = (id: string): string => `c:${id}`;
/** The change id a change document's id names; '' for any other document. */
export const changeIdOf = (docId: string): string => (docId.startsWith('c:') ? docId.slice(2) : '');
export const signatureDocId = (device: string, changeId: string): string =>
	`s:${device}:${changeId}`;

/**
 * A revision from content: generation 1, then 32 hex digits of its SHA-256. A change's is made
 * from its X5 hash, so every device gives the same change the same revision.
 */
export function revOf(content: string): string {
	const bytes = base64urlToBytes(sha256Text(content)) ?? new Uint8Array();
	let hex = '';
	for (const byte of bytes.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0');
	return `1-${hex}`;
}

/** The additional data AES-GCM binds a document's content to. */
const aad = (doc: { _id: string; device: string; clock?: string }): Uint8Array<ArrayBuffer> =>
	utf8(`${doc._id}\n${doc.device}\n${doc.clock ?? ''}`);

async function seal(
	key: CryptoKey,
	iv: Uint8Array<ArrayBuffer>,
	bound: Uint8Array<ArrayBuffer>,
	text: string
): Promise<string> {
	const data = await globalThis.crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: bound },
		key,
		utf8(text)
	);
	return bytesToBase64url(new Uint8Array(data));
}

/** `random` gives the iv: nothing in this module picks randomness itself. */
export type Random = (length: number) => Uint8Array<ArrayBuffer>;

/** `hash`: the change's X5 hash when the caller has it already. */
export async function changeDoc(
	change: Change,
	key: CryptoKey,
	random: Random,
	hash: string = changeHash(change)
): Promise<ChangeDoc> {
	const head = { _id: changeDocId(change.id), device: change.device, clock: change.clock };
	const iv = random(IV_BYTES);
	const ciphertext = await seal(key, iv, aad(head), canonicalJson(change));
	return {
		...head,
		_rev: revOf(hash),
		kind: 'change',
		iv: bytesToBase64url(iv),
		ciphertext
	};
}

export async function signatureDoc(
	signature: HeadSignature,
	key: CryptoKey,
	random: Random
): Promise<SignatureDoc> {
	const { device, changeId } = signature;
	const head = { _id: signatureDocId(device, changeId), device };
	const text = JSON.stringify({ device, changeId, signature: signature.signature });
	const iv = random(IV_BYTES);
	return {
		...head,
		_rev: revOf(text),
		kind: 'signature',
		iv: bytesToBase64url(iv),
		ciphertext: await seal(key, iv, aad(head), text)
	};
}

/** What one document from the server turned out to be. */
export type Opened =
	| { readonly kind: 'change'; readonly id: string; readonly raw: unknown }
	| { readonly kind: 'signature'; readonly signature: HeadSignature }
	/** Not ours to read: the team document, a design document, a deleted one. */
	| { readonly kind: 'other' };

/** Why a document was refused: never applied, counted and shown. */
export type DocProblem = 'malformed' | 'undecryptable' | 'mismatch';

async function unseal(
	key: CryptoKey,
	doc: { _id: string; device: string; clock?: string; iv: string; ciphertext: string }
): Promise<string | null> {
	const iv = base64urlToBytes(doc.iv);
	const data = base64urlToBytes(doc.ciphertext);
	if (iv === null || iv.length !== IV_BYTES || data === null) return null;
	try {
		const plain = await globalThis.crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv, additionalData: aad(doc) },
			key,
			data
		);
		return new TextDecoder('utf-8', { fatal: true }).decode(plain);
	} catch {
		return null;
	}
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

const SignatureContent = z.strictObject({
	device: z.string(),
	changeId: z.string(),
	signature: z.string().max(200)
});

/**
 * S10: opens a document from the server. Its content must decrypt under the team key and agree
 * with its clear fields; the change inside is still only `unknown`: the reader validates it
 * like any change in a file (S7).
 */
export async function openDoc(doc: unknown, key: CryptoKey): Promise<Result<Opened, DocProblem>> {
	if (typeof doc !== 'object' || doc === null) return err('malformed');
	const id: unknown = Reflect.get(doc, '_id');
	if (typeof id !== 'string') return err('malformed');
	if (!id.startsWith('c:') && !id.startsWith('s:')) return ok({ kind: 'other' });
	if (Reflect.get(doc, '_deleted') === true) return ok({ kind: 'other' });
	if (id.startsWith('c:')) {
		const parsed = ChangeDocSchema.safeParse(doc);
		if (!parsed.success) return err('malformed');
		const text = await unseal(key, parsed.data);
		if (text === null) return err('undecryptable');
		const raw = parse(text);
		if (typeof raw !== 'object' || raw === null) return err('mismatch');
		const agrees =
			Reflect.get(raw, 'id') === id.slice(2) &&
			Reflect.get(raw, 'device') === parsed.data.device &&
			Reflect.get(raw, 'clock') === parsed.data.clock;
		return agrees ? ok({ kind: 'change', id: id.slice(2), raw }) : err('mismatch');
	}
	const parsed = SignatureDocSchema.safeParse(doc);
	if (!parsed.success) return err('malformed');
	const text = await unseal(key, parsed.data);
	if (text === null) return err('undecryptable');
	const content = SignatureContent.safeParse(parse(text));
	if (!content.success) return err('mismatch');
	const signature = content.data;
	if (signatureDocId(signature.device, signature.changeId) !== id) return err('mismatch');
	return ok({ kind: 'signature', signature });
}
