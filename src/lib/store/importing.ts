// The parts of an import that every Store shares (S4, S5, S9, X5, X7): planning against what
// this device holds, admitting (clocks, chain continuity, changes from the future: admit.ts),
// merging, the clock to adopt, this device's chain head when a backup of its own changes comes
// back, and which conflicts are new. The stores only add their own reads and writes.
import { compareChanges } from '$lib/core';
import type { Change, Conflict, Result, State } from '$lib/core';
import { changeHash } from '$lib/sync/digest';
import { planImport } from '$lib/sync/merge';
import type { ImportPlan } from '$lib/sync/merge';
import {
	MAX_CLOCK_SKEW_MS,
	checkContinuity,
	firstBadClock,
	isFromTheFuture,
	withGaps
} from './admit';
import type { ClockState } from './clock';
import { isClock, parseClock, receive } from './clock';
import type { Head } from './meta';
import { copyState } from './batch';
import { mergeChanges } from './merge';
import type { Merged } from './merge';
import type {
	ChainGap,
	ConflictRecord,
	HeldSummary,
	ImportOptions,
	ImportOutcome,
	ImportPreview,
	ImportRefusal,
	ReplayProgress
} from './types';

/** What an import is decided against: everything this device holds beside the projection. */
export interface LocalView {
	/** The change log, in replay order. */
	readonly log: readonly Change[];
	/** X7: changes held as from the future. */
	readonly held: readonly Change[];
	readonly conflicts: readonly ConflictRecord[];
	readonly clock: ClockState;
	readonly head: Head | null;
	readonly device: string;
}

export function planAgainst(
	changes: readonly Change[],
	log: readonly Change[],
	held: readonly Change[] = []
): ImportPlan {
	const byId = new Map<string, Change>(log.map((c) => [c.id, c]));
	for (const change of held) byId.set(change.id, change);
	return planImport(changes, {
		get: (id) => byId.get(id),
		latestClock: log.at(-1)?.clock ?? null
	});
}

/** The local clock after seeing `fresh` (far-future changes were held, not applied: X7). */
export function clockAfter(clock: ClockState, fresh: readonly Change[]): ClockState {
	let next = clock;
	for (const change of fresh) {
		if (isClock(change.clock)) next = receive(next, parseClock(change.clock));
	}
	return next;
}

/** A restored backup may carry this device's own newer changes: the chain goes on from them. */
export function headAfter(
	head: Head | null,
	fresh: readonly Change[],
	device: string
): Head | null {
	let latest: Change | null = null;
	for (const change of fresh) {
		if (change.device === device && (latest === null || change.clock > latest.clock)) {
			latest = change;
		}
	}
	if (latest === null || (head !== null && head.clock >= latest.clock)) return head;
	return { hash: changeHash(latest), clock: latest.clock };
}

/** Conflict records after a merge: all of them (keeping dismissals) and the new ones. */
export function conflictRecords(
	merged: readonly Conflict[],
	existing: readonly ConflictRecord[],
	whole: boolean
): { all: ConflictRecord[]; added: ConflictRecord[] } {
	const before = new Map(existing.map((c) => [c.change.id, c]));
	const added: ConflictRecord[] = [];
	const records = merged.map((c) => {
		const old = before.get(c.change.id);
		const record = { change: c.change, refusal: c.refusal, dismissed: old?.dismissed ?? false };
		if (old === undefined) added.push(record);
		return record;
	});
	return { all: whole ? records : [...existing, ...added], added };
}

export function touchedIds(plan: ImportPlan) {
	return {
		licenseIds: [...plan.touches.licenseIds],
		accountIds: [...plan.touches.accountIds],
		siteIds: [...plan.touches.siteIds]
	};
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
interface Admitted {
	readonly plan: ImportPlan;
	readonly apply: readonly Change[];
	readonly hold: readonly Change[];
	readonly release: readonly Change[];
	readonly needsReplay: boolean;
	readonly gaps: readonly ChainGap[];
}

function admit(
	local: LocalView,
	changes: readonly Change[],
	options: ImportOptions
): Result<Admitted, ImportRefusal> {
	const plan = planAgainst(changes, local.log, local.held);
	if (plan.error) return { ok: false, error: plan.error };
	const badClock = firstBadClock(plan.fresh);
	if (badClock) return { ok: false, error: badClock };
	const continuity = checkContinuity(plan.fresh, changes, [...local.log, ...local.held], {
		self: { device: local.device, head: local.head },
		declared: options.gaps ?? []
	});
	if (!continuity.ok) return continuity;
	// This device's own changes are never held: they continue its own chain, which a change
	// released later could only fork (the chain admits no break, X5).
	const now = options.now;
	const later = (c: Change) => c.device !== local.device && isFromTheFuture(c, now);
	const hold = plan.fresh.filter(later);
	const release = now === undefined ? [] : local.held.filter((c) => !isFromTheFuture(c, now));
	const due = plan.fresh.filter((c) => !later(c));
	const apply = release.length === 0 ? due : [...due, ...release].sort(compareChanges);
	const latest = local.log.at(-1)?.clock ?? null;
	// X5: the gaps the file declares (the reader found them open) are remembered too, so this
	// device's history check knows them as missing changes, not as tampering.
	const freshIds = new Set<string>(plan.fresh.map((c) => c.id));
	const declared = (options.gaps ?? []).filter((g) => freshIds.has(g.changeId));
	return {
		ok: true,
		value: {
			plan,
			apply,
			hold,
			release,
			needsReplay: latest !== null && apply.some((c) => c.clock <= latest),
			gaps: withGaps(continuity.gaps, declared)
		}
	};
}

/** S9: what importing `changes` would do, from a copy of the projection; writes nothing. */
export async function previewOf(
	state: State,
	local: LocalView,
	changes: readonly Change[],
	options: ImportOptions = {}
): Promise<Result<ImportPreview, ImportRefusal>> {
	const admitted = admit(local, changes, options);
	if (!admitted.ok) return admitted;
	const { plan, apply, hold, needsReplay, gaps } = admitted.value;
	const merged = await mergeChanges(copyState(state), local.log, apply, needsReplay);
	const { added } = conflictRecords(merged.conflicts, local.conflicts, merged.whole);
	const declared = new Set((options.gaps ?? []).map((g) => `${g.device}\u0000${g.changeId}`));
	return {
		ok: true,
		value: {
			fresh: plan.fresh.length,
			duplicates: plan.duplicates,
			wouldConflict: added,
			needsReplay,
			...touchedIds(plan),
			held: heldSummary(hold),
			gaps: gaps.filter((g) => !declared.has(`${g.device}\u0000${g.changeId}`))
		}
	};
}

/** An import worked out, ready for a store to write (or already decided without writing). */
export type PreparedImport =
	| { readonly kind: 'done'; readonly result: Result<ImportOutcome, ImportRefusal> }
	| {
			readonly kind: 'write';
			/** Changes for the log (fresh ones due now, and held ones released). */
			readonly fresh: readonly Change[];
			/** X7: new changes to hold, and held ones to let go of. */
			readonly hold: readonly Change[];
			readonly release: readonly Change[];
			/** X5: open links accepted by this import, to remember. */
			readonly gaps: readonly ChainGap[];
			readonly merged: Merged;
			readonly conflicts: { all: ConflictRecord[]; added: ConflictRecord[] };
			readonly clock: ClockState;
			readonly head: Head | null;
			readonly outcome: ImportOutcome;
	  };

/**
 * S4/S5/X5/X7: admits the changes and merges what applies now — IN PLACE into `state` when
 * appending (the caller owns it and rereads it if its write fails), into a new state when
 * replaying. Changes from the future are returned to hold, not merged.
 */
export async function prepareImport(
	state: State,
	local: LocalView,
	changes: readonly Change[],
	options: ImportOptions = {},
	onProgress?: (p: ReplayProgress) => void
): Promise<PreparedImport> {
	const admitted = admit(local, changes, options);
	if (!admitted.ok) return { kind: 'done', result: admitted };
	const { plan, apply, hold, release, needsReplay, gaps } = admitted.value;
	if (apply.length === 0 && hold.length === 0) {
		const outcome = { applied: 0, conflicts: [], duplicates: plan.duplicates, replayed: false };
		return { kind: 'done', result: { ok: true, value: outcome } };
	}
	const merged = await mergeChanges(state, local.log, apply, needsReplay, onProgress);
	const conflicts = conflictRecords(merged.conflicts, local.conflicts, merged.whole);
	return {
		kind: 'write',
		fresh: apply,
		hold,
		release,
		gaps,
		merged,
		conflicts,
		clock: clockAfter(local.clock, apply),
		head: headAfter(local.head, apply, local.device),
		outcome: {
			applied: merged.applied,
			conflicts: conflicts.added,
			duplicates: plan.duplicates,
			replayed: merged.whole,
			...(hold.length > 0 ? { held: hold.length } : {}),
			...(release.length > 0 ? { released: release.length } : {})
		}
	};
}
