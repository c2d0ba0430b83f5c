// X6 at the store's door: which of a file's new changes may go into the log. The file's
// changes are classified together with the changes held back from earlier files (a missing
// enrollment may have arrived since), against what this device's projection knows. Proved
// changes go on to the rules (X3); unverified ones are held apart, with the reason and their
// evidence; unsignable ones need the person's trust. Shared by every Store and by the preview.
import { classify, deviceKeysIn, isUnverified, knownFrom } from '$lib/log/authenticity';
import { deviceKeysFor } from '$lib/log/evidence';
import type { Evidence, FileEvidence, HeadSignature, Seal, SealCheck } from '$lib/log/evidence';
import { checkSeal } from '$lib/log/prove';
import type { Change, State } from '$lib/core';
import type { ConflictRecord, ImportRefusal } from './types';

/** What the reader found in a file, and whether the person trusts where it came from. */
export interface ImportProof {
	readonly evidence: FileEvidence;
	/** The person ticked "I trust where this file came from": unsignable changes may go in. */
	readonly trust: boolean;
}

export interface Authenticated {
	/** New changes that may go into the log: the file's and released held ones. */
	readonly accepted: readonly Change[];
	/** Every held change after this import (kept dismissals). */
	readonly held: readonly ConflictRecord[];
	/** Held for the first time by this file. */
	readonly added: readonly ConflictRecord[];
	/** Held before, proved now. */
	readonly released: number;
	/** The file's changes nothing can verify: in `accepted` with trust, listed here without. */
	readonly unsignable: number;
	readonly waiting: readonly Change[];
	/** Head signatures that verified, for changes this device will hold: kept for re-export. */
	readonly signatures: readonly HeadSignature[];
}

export interface AuthInput {
	readonly state: State;
	/** This device and its public key. */
	readonly self: { readonly device: string; readonly key: string };
	/** The file's changes not in the log yet, and the ones it holds that are. */
	readonly fresh: readonly Change[];
	readonly inLog: (id: string) => boolean;
	readonly proof: ImportProof;
	readonly held: readonly ConflictRecord[];
}

export async function authenticate(
	input: AuthInput
): Promise<{ ok: true; value: Authenticated } | { ok: false; error: ImportRefusal }> {
	const { state, proof } = input;
	const known = deviceKeysIn(state.accounts.values());
	known.set(input.self.device, input.self.key);
	const fileKeys = deviceKeysFor(input.fresh, known);
	if (!fileKeys.ok) {
		return { ok: false, error: { code: 'device-key-mismatch', device: fileKeys.mismatch.device } };
	}
	const keys = fileKeys.keys;
	for (const record of input.held) {
		const c = record.change;
		if (c.type === 'device.enroll' && !keys.has(c.device)) {
			keys.set(c.device, c.payload.devicePublicKey);
		}
	}

	// One candidate per id: the file's copy unless the held one is better proved.
	const heldById = new Map(input.held.map((r) => [r.change.id, r]));
	const candidates = new Map<string, { change: Change; evidence: Evidence; held: boolean }>();
	for (const change of input.fresh) {
		const evidence = proof.evidence.byChange.get(change.id);
		const before = heldById.get(change.id);
		if (before?.evidence && !(evidence?.check?.ok === true && before.evidence.check?.ok !== true)) {
			continue;
		}
		candidates.set(change.id, {
			change,
			evidence: evidence ?? { seal: unsealed(change), check: null },
			held: false
		});
	}
	for (const record of input.held) {
		if (candidates.has(record.change.id) || record.evidence === undefined) continue;
		candidates.set(record.change.id, {
			change: record.change,
			evidence: record.evidence,
			held: true
		});
	}

	// Checks made with another key than the one that counts now are made again (one per seal).
	const rechecked = new Map<Seal, SealCheck | null>();
	for (const candidate of candidates.values()) {
		const { seal, check } = candidate.evidence;
		const key = keys.get(seal.device);
		if (check?.key === key) continue;
		if (!rechecked.has(seal)) rechecked.set(seal, await checkSeal(seal, key));
		candidate.evidence = { ...candidate.evidence, check: rechecked.get(seal) ?? null };
	}

	const list = [...candidates.values()];
	const verdicts = classify(
		list.map((c) => c.change),
		(id) => candidates.get(id)?.evidence,
		knownFrom(state.accounts.values())
	);
	const accepted: Change[] = [];
	const held: ConflictRecord[] = [];
	const added: ConflictRecord[] = [];
	let released = 0;
	let unsignable = 0;
	const waiting: Change[] = [];
	for (const { change, evidence, held: wasHeld } of list) {
		const verdict = verdicts.get(change.id);
		const before = heldById.get(change.id);
		if (verdict?.kind === 'unsignable' && !wasHeld) unsignable++;
		if (verdict?.kind === 'proved' || (verdict?.kind === 'unsignable' && !wasHeld && proof.trust)) {
			accepted.push(change);
			if (wasHeld) released++;
			continue;
		}
		if (verdict?.kind === 'unsignable' && !wasHeld) {
			waiting.push(change);
			continue;
		}
		const refusal =
			verdict?.kind === 'unverified'
				? verdict.reason
				: before && isUnverified(before.refusal)
					? before.refusal
					: { code: 'not-enrolled' as const, device: change.device, accountId: change.actor };
		const record: ConflictRecord = {
			change,
			refusal,
			dismissed: before?.dismissed ?? false,
			evidence
		};
		held.push(record);
		if (before === undefined) added.push(record);
	}
	// A held record this import did not settle (the file brought a copy that waits for trust,
	// or the record has no evidence) stays as it was.
	const kept = new Set([...held.map((r) => r.change.id), ...accepted.map((c) => c.id)]);
	for (const record of input.held) if (!kept.has(record.change.id)) held.push(record);

	// Signatures that verified for a run whose head this device will hold: kept for re-export.
	// Held changes proved now bring theirs too (their runs' heads may be nowhere else).
	const will = new Set<string>(accepted.map((c) => c.id));
	const signatures: HeadSignature[] = [];
	const seals = new Map<Seal, SealCheck | null>();
	for (const { seal, check } of list.map((c) => c.evidence)) seals.set(seal, check);
	for (const { seal, check } of proof.evidence.byChange.values()) {
		if (!seals.has(seal)) seals.set(seal, check);
	}
	for (const [seal, check] of seals) {
		if (seal.signature === null) continue;
		// Verified; or, for a device whose key is not known here yet (its changes went in on
		// trust), kept unverified so the files this device writes still carry it: a reader
		// that knows the key checks it, and a wrong one can only make a run fail there.
		const verified = check?.ok === true && check.key === keys.get(seal.device);
		if (!verified && (check !== null || keys.has(seal.device))) continue;
		if (!will.has(seal.head) && !input.inLog(seal.head)) continue;
		signatures.push({ device: seal.device, changeId: seal.head, signature: seal.signature });
	}
	const value = { accepted, held, added, released, unsignable, waiting, signatures };
	return { ok: true, value };
}

/** A change the reader gave no evidence for: a seal that nothing signs. */
function unsealed(change: Change): Seal {
	return { device: change.device, head: change.id, hash: '', signature: null };
}
