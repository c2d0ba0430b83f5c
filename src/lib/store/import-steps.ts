// The batched steps of an import that read every change (P4): planning the file against the
// log, the clock after it and this device's chain head after it. Each is a generator that
// yields between batches (run with runInTurns, so a 100,000-change import never holds the page
// for long); the result is the same however it is run.
import type { Change } from '$lib/core';
import type { ClockState } from '$lib/log/clock';
import { isClock, parseClock, receive } from '$lib/log/clock';
import { changeHash } from '$lib/log/digest';
import { planSteps } from '$lib/log/plan';
import type { ImportPlan } from '$lib/log/plan';
import { turnAfter } from '$lib/log/progress';
import type { Batched } from '$lib/log/progress';
import type { Head } from './meta';

/** The file's changes against the log and the held changes (batched, P4). */
export function* planAgainst(
	changes: readonly Change[],
	log: readonly Change[],
	held: readonly Change[] = []
): Batched<ImportPlan> {
	const byId = new Map<string, Change>();
	for (let i = 0; i < log.length; i++) {
		const change = log[i];
		if (change !== undefined) byId.set(change.id, change);
		if (turnAfter(i)) yield;
	}
	for (const change of held) byId.set(change.id, change);
	return yield* planSteps(changes, {
		get: (id) => byId.get(id),
		latestClock: log.at(-1)?.clock ?? null
	});
}

/** The local clock after seeing `fresh` (far-future changes were held, not applied: X7). */
export function* clockAfter(clock: ClockState, fresh: readonly Change[]): Batched<ClockState> {
	let next = clock;
	for (let i = 0; i < fresh.length; i++) {
		const change = fresh[i];
		if (change !== undefined && isClock(change.clock)) {
			next = receive(next, parseClock(change.clock));
		}
		if (turnAfter(i)) yield;
	}
	return next;
}

/** A restored backup may carry this device's own newer changes: the chain goes on from them. */
export function* headAfter(
	head: Head | null,
	fresh: readonly Change[],
	device: string
): Batched<Head | null> {
	let latest: Change | null = null;
	for (const [i, change] of fresh.entries()) {
		if (change.device === device && (latest === null || change.clock > latest.clock)) {
			latest = change;
		}
		if (turnAfter(i)) yield;
	}
	if (latest === null || (head !== null && head.clock >= latest.clock)) return head;
	return { hash: changeHash(latest), clock: latest.clock };
}
