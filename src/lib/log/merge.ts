// Merging imported changes into a projection (S4, S5, S6), shared by the import and its
// preview so what the preview shows is exactly what the import will do. Appending when the
// new changes all sort after the local log; replaying the whole log in the total order when
// any sorts before. A change the rules refuse becomes a conflict: kept, listed, not applied.
import { applyInPlace, replaySteps, stateFromRecords } from '$lib/core';
import type { Change, Effect, State } from '$lib/core';
import type { Conflict } from '$lib/core';

/** How far a replay or an import has gone, in changes. */
export interface ReplayProgress {
	readonly done: number;
	readonly total: number;
}

/** A copy to write into without touching the state the UI is reading. */
export function copyState(state: State): State {
	return stateFromRecords({
		accounts: state.accounts.values(),
		licenses: state.licenses.values(),
		sites: state.sites.values(),
		mail: state.mail.values(),
		organizations: state.organizations.values(),
		supportAccounts: state.supportAccounts.values()
	});
}

export interface Merged {
	readonly state: State;
	/** Conflicts among the fresh changes (append), or of the whole log (replay). */
	readonly conflicts: readonly Conflict[];
	/** True when the projection was rebuilt and must be written whole. */
	readonly whole: boolean;
	/** Record writes, for an append. */
	readonly effects: readonly Effect[];
	readonly applied: number;
}

const PROGRESS_EVERY = 1000;

/** A macrotask, so input and rendering run between batches (P4); no 4 ms timer clamping. */
function yieldToPage(): Promise<void> {
	if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

/**
 * Appends `fresh` (already in replay order) to `state` IN PLACE, or rebuilds from `log` +
 * `fresh` when `needsReplay`, giving the page a turn every thousand changes (P4). The caller
 * passes a copy when nothing may change (preview).
 */
export async function mergeChanges(
	state: State,
	log: readonly Change[],
	fresh: readonly Change[],
	needsReplay: boolean,
	options: {
		readonly onProgress?: ((p: ReplayProgress) => void) | undefined;
		/** The projection the log starts from (MemoryStore tests); empty by default. */
		readonly base?: State | undefined;
	} = {}
): Promise<Merged> {
	const { onProgress, base } = options;
	if (needsReplay) {
		const start = base === undefined ? undefined : copyState(base);
		const steps = replaySteps([...log, ...fresh], PROGRESS_EVERY, start);
		let step = steps.next();
		while (step.done !== true) {
			onProgress?.(step.value);
			await yieldToPage();
			step = steps.next();
		}
		const replayed = step.value;
		const total = log.length + fresh.length;
		onProgress?.({ done: total, total });
		const freshIds = new Set(fresh.map((c) => c.id));
		const refusedFresh = replayed.conflicts.filter((c) => freshIds.has(c.change.id)).length;
		return {
			state: replayed.state,
			conflicts: replayed.conflicts,
			whole: true,
			effects: [],
			applied: fresh.length - refusedFresh
		};
	}
	const conflicts: Conflict[] = [];
	const effects = new Map<string, Effect>();
	let applied = 0;
	for (const [i, change] of fresh.entries()) {
		const result = applyInPlace(state, change);
		if (result.ok) {
			applied++;
			for (const e of result.value.effects) {
				const key = `${e.store}\u0000${e.kind === 'put' ? e.value.id : e.key}`;
				effects.delete(key);
				effects.set(key, e);
			}
		} else {
			conflicts.push({ change, refusal: result.error });
		}
		if ((i + 1) % PROGRESS_EVERY === 0) {
			onProgress?.({ done: i + 1, total: fresh.length });
			await yieldToPage();
		}
	}
	onProgress?.({ done: fresh.length, total: fresh.length });
	return { state, conflicts, whole: false, effects: [...effects.values()], applied };
}
