// Stamps and applies a list of drafts on a private copy of the projection, for one-transaction
// bulk commits. Shared by every Store so a batch means the same everywhere.
import { applyInPlace } from '$lib/core';
import type { Change, DeviceId, Effect, State } from '$lib/core';
import { changeHash } from '$lib/log/digest';
import type { ClockState } from '$lib/log/clock';
import type { Head } from './meta';
import { stamp } from './stamp';
import type { ChangeDraft, CommitResult, ReplayProgress } from './types';

export interface Batch {
	readonly state: State;
	readonly changes: readonly Change[];
	/** One write per record: the last one the batch made. */
	readonly effects: readonly Effect[];
	readonly results: CommitResult[];
	readonly clock: ClockState;
	readonly head: Head | null;
}

const PROGRESS_EVERY = 1000;

/**
 * Applies `drafts` in order INTO `state` (the caller owns it: a copy, or the live projection
 * it will reread from the database if the write fails).
 */
export function applyBatch(
	state: State,
	drafts: readonly ChangeDraft[],
	device: DeviceId,
	last: { readonly clock: ClockState; readonly head: Head | null },
	now: number,
	onProgress?: (p: ReplayProgress) => void
): Batch {
	const changes: Change[] = [];
	const effects = new Map<string, Effect>();
	const results: CommitResult[] = [];
	let clock = last.clock;
	let head = last.head;
	for (const [i, draft] of drafts.entries()) {
		const stamped = stamp(draft, device, { clock, head }, now);
		const result = applyInPlace(state, stamped.change);
		if (result.ok) {
			const hash = changeHash(stamped.change);
			clock = stamped.clock;
			head = { hash, clock: stamped.change.clock };
			changes.push(stamped.change);
			for (const e of result.value.effects) {
				const key = `${e.store}\u0000${e.kind === 'put' ? e.value.id : e.key}`;
				effects.delete(key); // keep write order: the last write goes last
				effects.set(key, e);
			}
			results.push({ ok: true, value: { change: stamped.change, applied: result.value } });
		} else {
			results.push(result);
		}
		if (onProgress && (i + 1) % PROGRESS_EVERY === 0)
			onProgress({ done: i + 1, total: drafts.length });
	}
	onProgress?.({ done: drafts.length, total: drafts.length });
	return { state, changes, effects: [...effects.values()], results, clock, head };
}
