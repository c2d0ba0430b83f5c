// What an import may let into the log (X5, X7), decided against what this device already
// holds, after authenticity (X6, authenticate.ts) has screened it and before anything is merged. Pure functions of the changes and the local log, shared by
// every Store and by the import preview, so the preview refuses exactly what the import would.
//
// - Clocks (X7): every new change's clock is the store's format, names its own device and
//   agrees with its `at` (the reader checks this too; the store does not trust its caller).
// - Chain continuity (X5): a new change must link to the change of its device just before it
//   on this device (the head already held). A file's own links are the reader's job; here the
//   links that reach outside the file are checked.
// - The future (X7): a change dated more than MAX_CLOCK_SKEW_MS after this device's wall clock
//   is held, not applied, until its time comes, so a fast peer cannot drag this device's clock.
import { compareChanges } from '$lib/core';
import type { Change, Result } from '$lib/core';
import { changeHash } from '$lib/log/digest';
import { checkClock } from '$lib/log/clock';
import { turnAfter } from '$lib/log/progress';
import type { Batched } from '$lib/log/progress';
import type { Head } from './meta';
import type { LocalView } from './importing';
import type { ChainGap, HeldSummary, ImportOptions, ImportRefusal } from './types';

/** X7: how far ahead of this device's wall clock a change may be and still apply at once. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** True when a change is too far ahead of `now` to apply yet (X7); never without a `now`. */
export function isFromTheFuture(change: Change, now: number | undefined): boolean {
	return now !== undefined && change.at > now + MAX_CLOCK_SKEW_MS;
}

/** X7: the first new change whose clock is not acceptable, as a refusal (batched, P4). */
export function* firstBadClock(fresh: readonly Change[]): Batched<ImportRefusal | null> {
	for (let i = 0; i < fresh.length; i++) {
		const change = fresh[i];
		if (change === undefined) continue;
		const problem = checkClock(change.clock, change.device, change.at);
		if (problem !== null) return { code: 'bad-clock', index: null, changeId: change.id, problem };
		if (turnAfter(i)) yield;
	}
	return null;
}

/** `items` that pass `keep`, a batch at a time (P4). */
function* filtered<T>(items: readonly T[], keep: (item: T) => boolean): Batched<T[]> {
	const out: T[] = [];
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		if (item !== undefined && keep(item)) out.push(item);
		if (turnAfter(i)) yield;
	}
	return out;
}

/** The ids of `changes`, a batch at a time (P4). */
export function* idsOf(changes: readonly Change[]): Batched<Set<string>> {
	const ids = new Set<string>();
	for (let i = 0; i < changes.length; i++) {
		const change = changes[i];
		if (change !== undefined) ids.add(change.id);
		if (turnAfter(i)) yield;
	}
	return ids;
}

export interface Continuity {
	/** This device's id and chain head (meta): its own chain admits no break at all. */
	readonly self: { readonly device: string; readonly head: Head | null };
	/** Links the file declares open (X5 `gaps`). */
	readonly declared: readonly ChainGap[];
}

const key = (device: string, changeId: string) => `${device}\u0000${changeId}`;

/**
 * X5, issue #9 fault 5: checks where new changes join the chains this device holds. `fresh` are
 * the new changes (replay order), `file` every change of the file (their links to each other
 * were checked by the reader), `local` what this device holds (log and held changes, replay
 * order). For each new change whose predecessor on its device, in replay order, is a change
 * held here and not in the file:
 *
 * - this device's own chain: the first new change must link to this device's head and come
 *   after it; a declared gap is no excuse (a device never misses its own changes);
 * - another device: linking to that predecessor is whole; `prev` null, or the `prev` of a
 *   change held here (two changes after one: a fork), is refused as broken; a link to a change
 *   this device has not received is a gap, accepted and returned so the preview reports it and
 *   the history check knows it (a missed file, or a gap the file declares).
 */
export function* checkContinuity(
	fresh: readonly Change[],
	file: readonly Change[],
	local: readonly Change[],
	rules: Continuity
): Batched<{ ok: true; gaps: ChainGap[] } | { ok: false; error: ImportRefusal }> {
	const own = yield* checkOwnChain(fresh, rules);
	if (own) return { ok: false, error: own };
	const others = yield* filtered(fresh, (c) => c.device !== rules.self.device);
	const devices = new Set(others.map((c) => c.device));
	if (devices.size === 0) return { ok: true, gaps: [] };
	const held = new Map<string, Change[]>();
	for (let i = 0; i < local.length; i++) {
		const change = local[i];
		if (turnAfter(i)) yield;
		if (change === undefined || !devices.has(change.device)) continue;
		const list = held.get(change.device);
		if (list) list.push(change);
		else held.set(change.device, [change]);
	}
	if (held.size === 0) return { ok: true, gaps: [] };
	const inFile = yield* idsOf(file);
	const freshIds = yield* idsOf(fresh);
	const gaps: ChainGap[] = [];
	for (const [device, mine] of held) {
		const prevs = new Set(mine.map((c) => c.prev));
		const theirs = yield* filtered(file, (c) => c.device === device);
		const merged = [...mine.filter((c) => !inFile.has(c.id)), ...theirs].sort(compareChanges);
		for (const [i, change] of merged.entries()) {
			if (turnAfter(i)) yield;
			const before = merged[i - 1];
			if (!freshIds.has(change.id) || before === undefined || inFile.has(before.id)) continue;
			const expected = changeHash(before);
			if (change.prev === expected) continue;
			if (change.prev === null || prevs.has(change.prev)) {
				const found = change.prev;
				return {
					ok: false,
					error: { code: 'broken-chain', device, changeId: change.id, expected, found }
				};
			}
			gaps.push({ device, changeId: change.id });
		}
	}
	return { ok: true, gaps };
}

/** This device's own changes coming back: only after its head, and linked to it. */
function* checkOwnChain(
	fresh: readonly Change[],
	{ self, declared }: Continuity
): Batched<ImportRefusal | null> {
	const own = yield* filtered(fresh, (c) => c.device === self.device);
	const first = own[0];
	if (first === undefined) return null;
	const ids = new Set<string>(own.map((c) => c.id));
	const gap = declared.find((g) => g.device === self.device && ids.has(g.changeId));
	if (gap) {
		return {
			code: 'broken-chain',
			device: self.device,
			changeId: gap.changeId,
			expected: self.head?.hash ?? '',
			found: null
		};
	}
	const head = self.head;
	// A fresh database for this device id (a restore): its history starts with the file.
	if (head === null) return null;
	if (first.clock > head.clock && first.prev === head.hash) return null;
	return {
		code: 'broken-chain',
		device: self.device,
		changeId: first.id,
		expected: head.hash,
		found: first.prev
	};
}

/** Known gaps after an import: the recorded ones and the new, without repeats. */
export function withGaps(recorded: readonly ChainGap[], added: readonly ChainGap[]): ChainGap[] {
	const seen = new Set(recorded.map((g) => key(g.device, g.changeId)));
	return [...recorded, ...added.filter((g) => !seen.has(key(g.device, g.changeId)))];
}

/** X7: how many changes are held and when the first and last of them apply. */
export function heldSummary(held: readonly Change[]): HeldSummary | null {
	if (held.length === 0) return null;
	let first = Infinity;
	let last = -Infinity;
	for (const change of held) {
		first = Math.min(first, change.at);
		last = Math.max(last, change.at);
	}
	return {
		count: held.length,
		firstAppliesAt: first - MAX_CLOCK_SKEW_MS,
		lastAppliesAt: last - MAX_CLOCK_SKEW_MS
	};
}

/** What an import admits: what applies now (replay order), what is held, what is released. */
export interface Admitted {
	readonly apply: readonly Change[];
	readonly hold: readonly Change[];
	readonly release: readonly Change[];
	readonly needsReplay: boolean;
	readonly gaps: readonly ChainGap[];
}

/**
 * X5 + X7: of the changes authenticity let through (`fresh`, replay order), which join the
 * chains held here (continuity), which apply now and which are held as from the future, and
 * which changes held from the future are due. `file` is every change the file brings, with the
 * held ones this file proved (their links to each other were checked when they were read).
 */
export function* admit(
	local: Pick<LocalView, 'log' | 'future' | 'device' | 'head'>,
	file: readonly Change[],
	fresh: readonly Change[],
	options: ImportOptions
): Batched<Result<Admitted, ImportRefusal>> {
	const continuity = yield* checkContinuity(fresh, file, [...local.log, ...local.future], {
		self: { device: local.device, head: local.head },
		declared: options.gaps ?? []
	});
	if (!continuity.ok) return continuity;
	// This device's own changes are never held: they continue its own chain, which a change
	// released later could only fork (the chain admits no break, X5).
	const now = options.now;
	const later = (c: Change) => c.device !== local.device && isFromTheFuture(c, now);
	const hold = now === undefined ? [] : yield* filtered(fresh, later);
	const release = now === undefined ? [] : local.future.filter((c) => !isFromTheFuture(c, now));
	const due = hold.length === 0 ? fresh : yield* filtered(fresh, (c) => !later(c));
	const apply = release.length === 0 ? due : [...due, ...release].sort(compareChanges);
	const latest = local.log.at(-1)?.clock ?? null;
	// X5: the gaps the file declares (the reader found them open) are remembered too, so this
	// device's history check knows them as missing changes, not as tampering.
	const gaps = options.gaps ?? [];
	const freshIds = gaps.length === 0 ? new Set<string>() : yield* idsOf(fresh);
	const declared = gaps.filter((g) => freshIds.has(g.changeId));
	const needsReplay = latest !== null && (yield* firstWith(apply, (c) => c.clock <= latest));
	return {
		ok: true,
		value: { apply, hold, release, needsReplay, gaps: withGaps(continuity.gaps, declared) }
	};
}

/** Whether some item passes `test`, a batch at a time (P4). */
function* firstWith<T>(items: readonly T[], test: (item: T) => boolean): Batched<boolean> {
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		if (item !== undefined && test(item)) return true;
		if (turnAfter(i)) yield;
	}
	return false;
}
