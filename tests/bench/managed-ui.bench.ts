// O2 in headless Chromium: the Managed accounts section with 5,000 managed accounts, from
// mounting to the first 50 rows painted, and each keystroke of a search until the filtered
// rows are painted. Figures only: shared machines are noisy, so nothing asserts.
import { openBenchPage } from './bench-page';
import type { BenchContext } from './bench-page';

export default async function managedUiBench(ctx: BenchContext): Promise<void> {
	const page = await openBenchPage(ctx, 'managed.html', 'runManagedBench');
	const typed = 'user4999';
	const f = await page.evaluate((text) => {
		if (!window.runManagedBench) throw new Error('bench page not ready');
		return window.runManagedBench(5_000, text);
	}, typed);
	await page.close();
	const sorted = [...f.keystrokes].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
	ctx.log(
		`Managed accounts section, 5,000 managed of ${f.accounts} accounts: first rows painted in ${f.first.toFixed(0)} ms`
	);
	ctx.log(
		`search keystroke → rows painted: median ${median.toFixed(1)} ms, worst ${Math.max(...f.keystrokes).toFixed(1)} ms over "${typed}" (${f.rows} row left)`
	);
}
