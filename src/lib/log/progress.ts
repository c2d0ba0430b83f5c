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
