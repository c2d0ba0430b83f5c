// X6, the cryptography behind the evidence (./evidence.ts): one Ed25519 verification per
// segment head and one per enrollment, whatever the number of changes. Everything that decides
// what the results mean is pure, in ./authenticity.ts.
import type { Change } from '$lib/core';
import { enrollStatement, headStatement, verify } from '$lib/security/signing';
import type { SyncErrorOf } from './errors';
import { deviceKeysFor, segmentsOf } from './evidence';
import { turnAfter, yieldToEventLoop } from './progress';
import type {
	DeviceKeys,
	Evidence,
	FileEvidence,
	HeadSignature,
	Seal,
	SealCheck
} from './evidence';

/** Verifies a seal with the device's key; null when the key is not known. */
export async function checkSeal(seal: Seal, key: string | undefined): Promise<SealCheck | null> {
	if (key === undefined) return null;
	if (seal.signature === null) return { key, ok: false };
	const statement = headStatement(seal.device, seal.head, seal.hash);
	return { key, ok: await verify(key, statement, seal.signature) };
}

/** The account key's signature inside an enrollment, over what it enrolls. */
export function checkEnrollment(change: Change): Promise<boolean> {
	if (change.type !== 'device.enroll') return Promise.resolve(false);
	const p = change.payload;
	const statement = enrollStatement(p.accountId, change.device, p.devicePublicKey);
	return verify(p.accountPublicKey, statement, p.signature);
}

export interface ProveInput {
	readonly version: 1 | 2;
	/** Unique, already chain-checked (X5). */
	readonly changes: readonly Change[];
	/** `hashes[i]`: the X5 hash of `changes[i]`. */
	readonly hashes: readonly string[];
	readonly signatures: readonly HeadSignature[];
	/** What the importing device knows: its projection's enrolled devices and its own key. */
	readonly known: DeviceKeys;
}

export type ProveResult =
	| { readonly ok: true; readonly value: FileEvidence }
	| { readonly ok: false; readonly error: SyncErrorOf<'device-key-mismatch'> };

/** The evidence for every change of a file; refuses a file that gives a device two keys. */
export async function proveFile(input: ProveInput): Promise<ProveResult> {
	const keys = deviceKeysFor(input.changes, input.known);
	if (!keys.ok) {
		return { ok: false, error: { code: 'device-key-mismatch', device: keys.mismatch.device } };
	}
	const given = new Map<string, string>();
	for (const s of input.signatures) {
		const at = `${s.device}\u0000${s.changeId}`;
		if (!given.has(at)) given.set(at, s.signature);
	}
	const byChange = new Map<string, Evidence>();
	// P4: a turn for the page between batches of changes.
	let done = 0;
	for (const segment of segmentsOf(input.changes, input.hashes)) {
		const seal: Seal = {
			device: segment.device,
			head: segment.head,
			hash: segment.hash,
			signature: given.get(`${segment.device}\u0000${segment.head}`) ?? null
		};
		const check = await checkSeal(seal, keys.keys.get(segment.device));
		const evidence: Evidence = { seal, check };
		for (const id of segment.ids) {
			byChange.set(id, evidence);
			if (turnAfter(done++)) await yieldToEventLoop();
		}
	}
	for (const change of input.changes) {
		if (turnAfter(done++)) await yieldToEventLoop();
		if (change.type !== 'device.enroll') continue;
		const found = byChange.get(change.id);
		if (found) byChange.set(change.id, { ...found, enrollment: await checkEnrollment(change) });
	}
	return { ok: true, value: { version: input.version, byChange } };
}
