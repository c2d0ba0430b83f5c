// Store in headless Chromium: 100k changes committed in batches through IdbStore (A), against
// the floor of a raw IndexedDB put of the same change records in one transaction (B), run
// A B A B A B; wall time in the page, CPU time of the browser from /proc. Then single commits
// (the path a click takes) and a replay of the whole log. Figures only.
import { openBenchPage } from './bench-page';
import type { BenchContext } from './bench-page';
import { measured } from './cpu';
import { summary } from './stats';

const PAIRS = 3;

export default async function storeBench(ctx: BenchContext): Promise<void> {
	const { log } = ctx;
	const page = await openBenchPage(ctx, 'store.html', 'storeBench');
	const total = 100_000;
	const batch = 5_000;
	const singles = 500;
	const a = { wall: [] as number[], cpu: [] as number[] };
	const b = { wall: [] as number[], cpu: [] as number[] };
	let accepted = 0;
	let mails = 0;
	try {
		for (let i = 0; i < PAIRS; i++) {
			const x = await measured(() =>
				page.evaluate(([t, n]) => window.storeBench?.batched(t, n), [total, batch] as const)
			);
			if (x.value === undefined) throw new Error('bench page not ready');
			a.wall.push(x.value.ms);
			a.cpu.push(x.cpu);
			accepted = x.value.accepted;
			mails = x.value.mails;
			const y = await measured(() => page.evaluate(() => window.storeBench?.floor()));
			if (y.value === undefined) throw new Error('bench page not ready');
			b.wall.push(y.value);
			b.cpu.push(y.cpu);
		}
		const ratio = (xs: number[], ys: number[]) => xs.map((x, i) => x / (ys[i] ?? NaN));
		log(
			`commitMany: ${accepted} of ${total} changes in batches of ${batch} (${mails} mails), ${PAIRS} pairs:`
		);
		log(`  store ${summary(a.wall, 'ms', 0)}; CPU ${summary(a.cpu, 'ms', 0)}`);
		log(
			`  raw put of the same change records, one transaction: ${summary(b.wall, 'ms', 0)}; CPU ${summary(b.cpu, 'ms', 0)}`
		);
		log(
			`  ratio wall ${summary(ratio(a.wall, b.wall), '×', 2)}, CPU ${summary(ratio(a.cpu, b.cpu), '×', 2)} (goal ≤ 1.0×)`
		);
		const s = await page.evaluate(([t, n, k]) => window.storeBench?.singlesAndReplay(t, n, k), [
			total,
			batch,
			singles
		] as const);
		if (s === undefined) throw new Error('bench page not ready');
		log(
			`single commits (the path a click takes): ${(s.singleMs / singles).toFixed(2)} ms each over ${singles}`
		);
		log(`replay of the whole log (${s.logSize} changes): ${s.replayMs.toFixed(0)} ms`);
	} finally {
		await page.close();
	}
}
