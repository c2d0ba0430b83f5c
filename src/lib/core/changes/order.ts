// S5: every device replays the same set of changes in the same total order (clock text, then
// device id, then change id), so they converge; a change refused at replay is a conflict
// (S5/S6), kept and reported, never applied.
import type { Refusal } from '../errors';
import { emptyState } from '../state';
import type { State } from '../state';
import { applyInPlace } from './apply';
import type { Change } from './types';

export interface Conflict {
	readonly change: Change;
	readonly refusal: Refusal;
}

export interface Replayed {
	readonly state: State;
	readonly conflicts: readonly Conflict[];
}

// Code-unit order, not locale order: the same on every device.
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareChanges(a: Change, b: Change): number {
	return byText(a.clock, b.clock) || byText(a.device, b.device) || byText(a.id, b.id);
}

const PROGRESS_EVERY = 250;

/**
 * The replay as steps: sorts and folds the changes from an empty state (or from `initial`,
 * which it then owns), pausing (yielding its progress) every `every` changes so a caller can
 * give the page a turn (P4); returns the result. A change id seen twice is applied once.
 * Pure: the caller decides what a pause is.
 */
export function* replaySteps(
	changes: Iterable<Change>,
	every = PROGRESS_EVERY,
	initial?: State
): Generator<{ done: number; total: number }, Replayed, void> {
	const sorted = [...changes].sort(compareChanges);
	const state = initial ?? emptyState();
	const conflicts: Conflict[] = [];
	const seen = new Set<string>();
	let done = 0;
	for (const change of sorted) {
		done++;
		if (seen.has(change.id)) continue;
		seen.add(change.id);
		const result = applyInPlace(state, change);
		if (!result.ok) conflicts.push({ change, refusal: result.error });
		if (done % every === 0) yield { done, total: sorted.length };
	}
	return { state, conflicts };
}

/**
 * Sorts and folds the changes from an empty state in one go. `onProgress(done, total)` is
 * called every few hundred changes and at the end (P4).
 */
export function replay(
	changes: Iterable<Change>,
	onProgress?: (done: number, total: number) => void
): Replayed {
	const list = [...changes];
	const steps = replaySteps(list);
	let step = steps.next();
	while (step.done !== true) {
		onProgress?.(step.value.done, step.value.total);
		step = steps.next();
	}
	onProgress?.(list.length, list.length);
	return step.value;
}
