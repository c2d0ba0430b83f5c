// Long imports and exports show progress and keep the page responsive (P4): work on big files
// goes in batches, and between batches the event loop gets a turn (a macrotask, so input
// events and rendering can run, which a resolved promise alone would not allow).

/** Changes handled between two yields to the event loop. */
export const PROGRESS_EVERY = 2_000;

export function yieldToEventLoop(): Promise<void> {
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
