// The parts of an import that every Store shares (S4, S5, S9): planning against the local
// log, merging, the clock to adopt, this device's chain head when a backup of its own changes
// comes back, and which conflicts are new. The stores only add their own reads and writes.
import type { Change, Conflict, Result, State } from '$lib/core';
import { changeHash } from '$lib/sync/digest';
import { planImport } from '$lib/sync/merge';
import type { ImportPlan } from '$lib/sync/merge';
import type { ClockState } from './clock';
import { isClock, parseClock, receive } from './clock';
import type { Head } from './meta';
import { copyState } from './batch';
import { mergeChanges } from './merge';
import { previewDetails } from './preview';
import type { Merged } from './merge';
import type {
	ConflictRecord,
	ImportOutcome,
	ImportPreview,
	ImportRefusal,
	ReplayProgress
} from './types';

export function planAgainst(changes: readonly Change[], log: readonly Change[]): ImportPlan {
	const byId = new Map<string, Change>(log.map((c) => [c.id, c]));
	return planImport(changes, {
		get: (id) => byId.get(id),
		latestClock: log.at(-1)?.clock ?? null
	});
}

/** The local clock after seeing `fresh` (far-future clocks were refused by the reader). */
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

/** S9: what importing `changes` would do, from a copy of the projection; writes nothing. */
export async function previewOf(
	state: State,
	log: readonly Change[],
	changes: readonly Change[],
	existing: readonly ConflictRecord[]
): Promise<Result<ImportPreview, ImportRefusal>> {
	const plan = planAgainst(changes, log);
	if (plan.error) return { ok: false, error: plan.error };
	const merged = await mergeChanges(copyState(state), log, plan.fresh, plan.needsReplay);
	const { added } = conflictRecords(merged.conflicts, existing, merged.whole);
	return {
		ok: true,
		value: {
			fresh: plan.fresh.length,
			duplicates: plan.duplicates,
			wouldConflict: added,
			needsReplay: plan.needsReplay,
			...previewDetails(state, merged, plan.fresh)
		}
	};
}

/** An import worked out, ready for a store to write (or already decided without writing). */
export type PreparedImport =
	| { readonly kind: 'done'; readonly result: Result<ImportOutcome, ImportRefusal> }
	| {
			readonly kind: 'write';
			readonly fresh: readonly Change[];
			readonly merged: Merged;
			readonly conflicts: { all: ConflictRecord[]; added: ConflictRecord[] };
			readonly clock: ClockState;
			readonly head: Head | null;
			readonly outcome: ImportOutcome;
	  };

/**
 * S4/S5: plans the import and merges it — IN PLACE into `state` when appending (the caller
 * owns it and rereads it if its write fails), into a new state when replaying.
 */
export async function prepareImport(
	state: State,
	log: readonly Change[],
	changes: readonly Change[],
	existing: readonly ConflictRecord[],
	last: { readonly clock: ClockState; readonly head: Head | null; readonly device: string },
	onProgress?: (p: ReplayProgress) => void
): Promise<PreparedImport> {
	const plan = planAgainst(changes, log);
	if (plan.error) return { kind: 'done', result: { ok: false, error: plan.error } };
	if (plan.fresh.length === 0) {
		const outcome = { applied: 0, conflicts: [], duplicates: plan.duplicates, replayed: false };
		return { kind: 'done', result: { ok: true, value: outcome } };
	}
	const merged = await mergeChanges(state, log, plan.fresh, plan.needsReplay, onProgress);
	const conflicts = conflictRecords(merged.conflicts, existing, merged.whole);
	return {
		kind: 'write',
		fresh: plan.fresh,
		merged,
		conflicts,
		clock: clockAfter(last.clock, plan.fresh),
		head: headAfter(last.head, plan.fresh, last.device),
		outcome: {
			applied: merged.applied,
			conflicts: conflicts.added,
			duplicates: plan.duplicates,
			replayed: merged.whole
		}
	};
}
