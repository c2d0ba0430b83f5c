// Store in headless Chromium: 100k changes committed in batches through IdbStore, against
// the floor of a raw IndexedDB put of the same records in one transaction (goal ≤ 2×).
import { openBenchPage } from './bench-page';
import type { BenchContext } from './bench-page';

interface Figures {
	accepted: number;
	batchedMs: number;
	floorMs: number;
	floorWithMailMs: number;
	mailCount: number;
	singleMs: number;
	replayMs: number;
	logSize: number;
}

export default async function storeBench(ctx: BenchContext): Promise<void> {
	const { log } = ctx;
	const page = await openBenchPage(ctx, 'store.html', 'runStoreBench');
	const total = 100_000;
	const batch = 5_000;
	const singles = 500;
	const f: Figures = await page.evaluate(
		([t, b, s]) => {
			if (!window.runStoreBench) throw new Error('bench page not ready');
			return window.runStoreBench(t, b, s);
		},
		[total, batch, singles] as const
	);
	await page.close();
	log(
		`commitMany: ${f.accepted} of ${total} changes in batches of ${batch}: ${f.batchedMs.toFixed(0)} ms`
	);
	log(
		`raw IndexedDB put of the same ${f.logSize} records in one transaction: ${f.floorMs.toFixed(0)} ms`
	);
	log(`ratio to the floor: ${(f.batchedMs / f.floorMs).toFixed(2)}× (goal ≤ 2×)`);
	log(
		`the projection also stores the ${f.mailCount} mails those changes send; raw put of changes + mails: ${f.floorWithMailMs.toFixed(0)} ms → ratio ${(f.batchedMs / f.floorWithMailMs).toFixed(2)}×`
	);
	log(
		`single commits (the path a click takes): ${(f.singleMs / singles).toFixed(2)} ms each over ${singles}`
	);
	log(`replay of the whole log (${f.logSize + singles} changes): ${f.replayMs.toFixed(0)} ms`);
}
