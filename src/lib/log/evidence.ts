// X6, the evidence a file carries, as plain data: which device signature covers each change,
// and what checking it found. The reader computes it (./prove.ts does the
// cryptography), the store keeps it beside changes it holds back, and the classification
// (./authenticity.ts) reads only this, so it is testable without any cryptography.
//
// A SEGMENT is a run of one device's changes in a file, in replay order, each linked to the
// one before it by `prev` (X5): it starts at the device's first change in the file and at
// every declared gap. Its last change is its HEAD; the device signs the head statement
// (device, head id, head hash), and since every change of the run is linked by hash to the
// head, one signature covers the whole run.
import { compareChanges } from '$lib/core';
import type { Change } from '$lib/core';

/** One signature in a file's envelope (format version 2). */
export interface HeadSignature {
	readonly device: string;
	readonly changeId: string;
	readonly signature: string;
}

/** A segment's head and the signature the file gives for it (null: none). */
export interface Seal {
	readonly device: string;
	readonly head: string;
	/** The head's X5 hash: what the head statement names. */
	readonly hash: string;
	readonly signature: string | null;
}

/** The seal verified with the device's key (the key is kept: the check holds for it only). */
export interface SealCheck {
	readonly key: string;
	readonly ok: boolean;
}

/** What is known about one change before it is classified. */
export interface Evidence {
	readonly seal: Seal;
	/** Null when no key is known for the device anywhere: nothing can be checked. */
	readonly check: SealCheck | null;
	/** device.enroll only: the account key's signature over the enrollment verifies. */
	readonly enrollment?: boolean;
}

export interface FileEvidence {
	/** 1: a file from before X6, with no signatures at all. */
	readonly version: 1 | 2;
	readonly byChange: ReadonlyMap<string, Evidence>;
}

export interface Segment {
	readonly device: string;
	/** Its changes' ids, in replay order. */
	readonly ids: readonly string[];
	readonly head: string;
	readonly hash: string;
}

/**
 * The segments of a list of changes (any order); `hashes[i]` is the X5 hash of `changes[i]`.
 * A device's change starts a new segment when it does not link to the device's change before
 * it in the list: the file's first change of that device, or a declared gap.
 */
export function segmentsOf(changes: readonly Change[], hashes: readonly string[]): Segment[] {
	const order = changes.map((_, i) => i);
	order.sort((a, b) => compareChanges(item(changes, a), item(changes, b)));
	const open = new Map<string, { ids: string[]; head: string; hash: string }>();
	const done: Segment[] = [];
	for (const i of order) {
		const change = item(changes, i);
		const hash = item(hashes, i);
		const current = open.get(change.device);
		if (current !== undefined && change.prev === current.hash) {
			current.ids.push(change.id);
			current.head = change.id;
			current.hash = hash;
			continue;
		}
		if (current !== undefined) done.push({ device: change.device, ...current });
		open.set(change.device, { ids: [change.id], head: change.id, hash });
	}
	for (const [device, current] of open) done.push({ device, ...current });
	return done;
}

/** What a device with this public key may sign; undefined when its key is not known. */
export type DeviceKeys = ReadonlyMap<string, string>;

export type KeyMismatch = {
	readonly device: string;
	readonly keys: readonly [string, string];
};

/**
 * X6: each device's public key, from what this device knows (`known`: its projection's
 * enrolled devices and its own key), else from the enrollments among `changes`. Two different
 * keys for one device cannot both be right: the caller refuses the file.
 */
export function deviceKeysFor(
	changes: readonly Change[],
	known: DeviceKeys
): { ok: true; keys: Map<string, string> } | { ok: false; mismatch: KeyMismatch } {
	const keys = new Map(known);
	for (const change of changes) {
		if (change.type !== 'device.enroll') continue;
		const key = change.payload.devicePublicKey;
		const have = keys.get(change.device);
		if (have === undefined) keys.set(change.device, key);
		else if (have !== key) {
			return { ok: false, mismatch: { device: change.device, keys: [have, key] } };
		}
	}
	return { ok: true, keys };
}

function item<T>(items: readonly T[], i: number): T {
	const found = items[i];
	if (found === undefined) throw new RangeError(`no item ${i}`);
	return found;
}
