// Long imports and exports show progress and keep the page responsive (P4): work on big files
// goes in batches, and between batches the event loop gets a turn (a macrotask, so input
// events and rendering can run, which a resolved promise alone would not allow).

/** Changes handled between two yields to the event loop. */
export const PROGRESS_EVERY = 2_000;

/**
 * A macrotask turn. Where the browser has `scheduler.yield` (Chromium) it is used: input and
 * rendering still run first, but the work resumes at once, where a chain of `setTimeout(0)`
 * is clamped to 4 ms a turn after five (P4: 50 turns for 100,000 changes).
 */
export function yieldToEventLoop(): Promise<void> {
	const scheduler: unknown = Reflect.get(globalThis, 'scheduler');
	const yielder: unknown =
		typeof scheduler === 'object' && scheduler !== null ? Reflect.get(scheduler, 'yield') : null;
	if (typeof yielder === 'function') {
		const turn: unknown = Reflect.apply(yielder, scheduler, []);
		if (turn instanceof Promise) return turn.then(() => undefined);
	}
	return new Promise((resolve) => setTimeout(resolve, 0));
}

export type OnProgress = (fraction: number) => void;

/**
 * Maps the progress of one step onto its share of the whole: step `from`–`to` of 0–1. Calls
 * never go backwards, so a progress bar fed by several steps only moves forward.
 */
export function stepProgress(
	onProgress: OnProgress | undefined,
	from: number,
	to: number
): (fraction: number) => void {
	return (fraction) => onProgress?.(from + (to - from) * Math.min(1, Math.max(0, fraction)));
}

/**
 * Work that stops between batches (P4): a generator that `yield`s wherever the page may have a
 * turn and returns its result. Run it with `runInTurns` (the page gets the event loop between
 * batches) or `runAtOnce` (the same steps, no turns): both give the very same result, since
 * the steps are one and the same code.
 */
export type Batched<T> = Generator<void, T, void>;

/** Items handled between two turns by the batched checks of an import (P4). */
export const BATCH = PROGRESS_EVERY;

/** Runs batched work to the end in one go (sync callers, and tests comparing the two). */
export function runAtOnce<T>(work: Batched<T>): T {
	let step = work.next();
	while (step.done !== true) step = work.next();
	return step.value;
}

/** Runs batched work, giving the page the event loop between batches (P4). */
export async function runInTurns<T>(work: Batched<T>): Promise<T> {
	let step = work.next();
	while (step.done !== true) {
		await yieldToEventLoop();
		step = work.next();
	}
	return step.value;
}

/** True after every BATCH-th item: where a batched loop yields (`if (turnAfter(i)) yield;`). */
export function turnAfter(index: number, batch = BATCH): boolean {
	return (index + 1) % batch === 0;
}
