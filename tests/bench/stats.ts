// Small statistics for benchmark figures: median with min–max, and percentiles.
export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((x, y) => x - y);
	if (sorted.length === 0) return NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank] ?? NaN;
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((x, y) => x - y);
	const mid = Math.floor(sorted.length / 2);
	if (sorted.length === 0) return NaN;
	return sorted.length % 2 === 1
		? (sorted[mid] ?? NaN)
		: ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** "median 12.3 ms (min 11.0–max 14.2)". */
export function summary(values: readonly number[], unit: string, digits = 1): string {
	const f = (v: number) => `${v.toFixed(digits)}${unit === '×' ? '×' : ` ${unit}`}`;
	return `median ${f(median(values))} (min ${f(Math.min(...values))} – max ${f(Math.max(...values))})`;
}
