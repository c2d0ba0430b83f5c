// The parts of an import that every Store shares (S4, S5, S9): planning against the local
// log, the clock to adopt, this device's chain head when a backup of its own changes comes
// back, and which conflicts are new. The stores only add their own reads and writes.
import type { Change, Conflict } from '$lib/core';
import { changeHash } from '$lib/sync/digest';
import { planImport } from '$lib/sync/merge';
import type { ImportPlan } from '$lib/sync/merge';
import type { ClockState } from './clock';
import { isClock, parseClock, receive } from './clock';
import type { Head } from './meta';
import type { ConflictRecord } from './types';

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

export function touchedIds(plan: ImportPlan) {
	return {
		licenseIds: [...plan.touches.licenseIds],
		accountIds: [...plan.touches.accountIds],
		siteIds: [...plan.touches.siteIds]
	};
}
