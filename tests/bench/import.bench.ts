// Import in headless Chromium (S4, P4): a 100k-change file read, validated, previewed and
// applied into a fresh IdbStore (A), against the floor of a raw IndexedDB put of the same
// change records in one transaction (B), run A B A B A B: wall time in the page, the browser's
// CPU time from /proc. Also the longest main-thread stall per step (long tasks), bytes on disk
// per change, and the same file imported again. Prints figures only.
import { openBenchPage } from './bench-page';
import type { BenchContext } from './bench-page';
import { measured } from './cpu';
import { summary } from './stats';

const PAIRS = 3;
const TOTAL = 100_000;

export default async function importBench(ctx: BenchContext): Promise<void> {
	const { log } = ctx;
	const page = await openBenchPage(ctx, 'import.html', 'importBench');
	try {
		const file = await page.evaluate((t) => {
			if (!window.importBench) throw new Error('bench page not ready');
			return window.importBench.prepare(t);
		}, TOTAL);
		log(
			`file: ${file.changes.toLocaleString('en')} changes, ${(file.bytes / 1024 / 1024).toFixed(1)} MB`
		);
		const a = { wall: [] as number[], cpu: [] as number[] };
		const b = { wall: [] as number[], cpu: [] as number[] };
		const steps = { read: [] as number[], preview: [] as number[], apply: [] as number[] };
		const stalls = { read: [] as number[], preview: [] as number[], apply: [] as number[] };
		let last = null;
		for (let i = 0; i < PAIRS; i++) {
			const x = await measured(() =>
				page.evaluate((again) => window.importBench?.importOnce(again), i === PAIRS - 1)
			);
			if (x.value === undefined) throw new Error('bench page not ready');
			last = x.value;
			a.wall.push(x.value.totalMs);
			a.cpu.push(x.cpu);
			steps.read.push(x.value.readMs);
			steps.preview.push(x.value.previewMs);
			steps.apply.push(x.value.applyMs);
			for (const k of ['read', 'preview', 'apply'] as const) stalls[k].push(x.value.longest[k]);
			const y = await measured(() => page.evaluate(() => window.importBench?.floor()));
			if (y.value === undefined) throw new Error('bench page not ready');
			b.wall.push(y.value);
			b.cpu.push(y.cpu);
		}
		if (last === null) return;
		const ratio = (xs: number[], ys: number[]) => xs.map((x, i) => x / (ys[i] ?? NaN));
		log(`import end to end, ${PAIRS} pairs (${last.applied} applied, ${last.mails} mails):`);
		log(`  import ${summary(a.wall, 'ms', 0)}; CPU ${summary(a.cpu, 'ms', 0)}`);
		log(
			`    read + validate ${summary(steps.read, 'ms', 0)} · preview ${summary(steps.preview, 'ms', 0)} · apply ${summary(steps.apply, 'ms', 0)}`
		);
		log(
			`  raw put of the same change records, one transaction: ${summary(b.wall, 'ms', 0)}; CPU ${summary(b.cpu, 'ms', 0)}`
		);
		log(
			`  ratio wall ${summary(ratio(a.wall, b.wall), '×', 2)}, CPU ${summary(ratio(a.cpu, b.cpu), '×', 2)} (goal ≤ 1.0×)`
		);
		const worst = (k: 'read' | 'preview' | 'apply') => Math.max(...stalls[k]).toFixed(0);
		log(
			`  longest main-thread stall (long tasks), worst of ${PAIRS}: read ${worst('read')} ms, preview ${worst('preview')} ms, apply ${worst('apply')} ms (goal ≤ 50 ms)`
		);
		log(
			`  on disk: ${(last.bytes / 1024 / 1024).toFixed(1)} MB, ${(last.bytes / file.changes).toFixed(0)} bytes per change (storage.estimate)`
		);
		log(
			`  the same file again: ${last.againMs.toFixed(0)} ms, ${last.duplicatesAgain} duplicates, nothing written`
		);
	} finally {
		await page.close();
	}
}
