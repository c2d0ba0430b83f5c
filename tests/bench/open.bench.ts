// Opening a database that holds 10k and 100k changes (P4): IdbStore.open plus the Licenses
// page's first window, in headless Chromium, three opens each (median, min–max); the heap the
// open projection keeps (after a forced garbage collection, CDP's Runtime.getHeapUsage); and
// bytes on disk per change (navigator.storage.estimate() before and after filling). Figures only.
import { openBenchPage } from './bench-page';
import type { BenchContext } from './bench-page';
import { summary } from './stats';

const OPENS = 3;

export default async function openBench(ctx: BenchContext): Promise<void> {
	const { log } = ctx;
	const page = await openBenchPage(ctx, 'open.html', 'openBench');
	const cdp = await page.context().newCDPSession(page);
	const heap = async (): Promise<number> => {
		await cdp.send('HeapProfiler.collectGarbage');
		return (await cdp.send('Runtime.getHeapUsage')).usedSize;
	};
	try {
		for (const total of [10_000, 100_000]) {
			const name = `bench-open-${total}-${Date.now()}`;
			const filled = await page.evaluate(
				([n, t]) => {
					if (!window.openBench) throw new Error('bench page not ready');
					return window.openBench.fill(n, t);
				},
				[name, total] as const
			);
			const times: number[] = [];
			const heaps: number[] = [];
			let licenses = 0;
			for (let i = 0; i < OPENS; i++) {
				const before = await heap();
				const o = await page.evaluate(
					([n]) => {
						if (!window.openBench) throw new Error('bench page not ready');
						return window.openBench.open(n, 'p-0');
					},
					[name] as const
				);
				heaps.push((await heap()) - before);
				times.push(o.ms);
				licenses = o.licenses;
				await page.evaluate(() => window.openBench?.close());
			}
			const k = `${total / 1000}k`;
			log(
				`${k} changes (${filled.accepted} accepted, ${filled.mails} mails): ${(filled.bytes / 1024 / 1024).toFixed(1)} MB on disk, ${(filled.bytes / total).toFixed(0)} bytes per change`
			);
			log(
				`  open → the Licenses page's first window (${licenses} licenses for the viewer): ${summary(times, 'ms', 0)} (goal ≤ 1,000 ms at 100k)`
			);
			log(
				`  heap kept by the open store: ${summary(
					heaps.map((b) => b / 1024 / 1024),
					'MB'
				)} (goal ≤ 20 MB at 100k)`
			);
			await page.evaluate((n) => window.openBench?.drop(n), name);
		}
	} finally {
		await page.close();
	}
}
