// Live sync in headless Chromium (S10): IdbStore devices through a PouchDB Server started here,
// by the app's own path. Prints: the sender's push of the whole workload; a new device pulling
// everything until caught up (A) against the floor of importing the same changes from the
// sender's whole-history file (B), run A B A B; and the steady-state latency of one edit on the
// sender until the device that pulled shows it (both live, idle between edits). Figures only.
// The server listens on BENCH_PORT + 200; LIVE_BENCH_TOTAL (100,000) sets the workload's size.
// The CPU figures include the server's process (a child of this one).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCouch } from '../tools/couch-server.js';
import { openBenchPage } from './bench-page';
import type { BenchContext } from './bench-page';
import { measured } from './cpu';
import { summary } from './stats';

const TOTAL = Number(process.env.LIVE_BENCH_TOTAL ?? 100_000);
const PAIRS = 2;
const EDITS = 20;
const IDLE_MS = 1_000;
const PORT = Number(process.env.BENCH_PORT ?? 4391) + 200;

export default async function liveBench(ctx: BenchContext): Promise<void> {
	const { log } = ctx;
	const dir = mkdtempSync(join(tmpdir(), 'tessera-live-bench-'));
	const couch = await startCouch({ port: PORT, dir });
	const page = await openBenchPage(ctx, 'live.html', 'liveBench');
	try {
		const db = await couch.createDatabase('bench');
		const server = { url: db.url, database: db.name, username: db.username, password: db.password };
		const prepared = await page.evaluate(([t, s]) => window.liveBench?.prepare(t, s), [
			TOTAL,
			server
		] as const);
		if (prepared === undefined) throw new Error('bench page not ready');
		log(
			`workload: ${prepared.changes.toLocaleString('en')} changes (${(prepared.bytes / 1024 / 1024).toFixed(1)} MB as a file), PouchDB Server on disk`
		);
		log(
			`  the sender's first push, connect → caught up: ${(prepared.pushMs / 1000).toFixed(1)} s (${prepared.pushed.toLocaleString('en')} pushed)`
		);
		const a = { wall: [] as number[], cpu: [] as number[], stall: [] as number[] };
		const b = { wall: [] as number[], cpu: [] as number[] };
		let pulled = 0;
		let conflicts = 0;
		for (let i = 0; i < PAIRS; i++) {
			const x = await measured(() =>
				page.evaluate(([s, keep]) => window.liveBench?.pullOnce(s, keep), [
					server,
					i === PAIRS - 1
				] as const)
			);
			if (x.value === undefined) throw new Error('bench page not ready');
			a.wall.push(x.value.ms);
			a.cpu.push(x.cpu);
			a.stall.push(x.value.longest);
			pulled = x.value.log;
			conflicts = x.value.conflicts;
			const y = await measured(() => page.evaluate(() => window.liveBench?.fileOnce()));
			if (y.value === undefined) throw new Error('bench page not ready');
			b.wall.push(y.value.ms);
			b.cpu.push(y.cpu);
		}
		const ratio = (xs: number[], ys: number[]) => xs.map((x, i) => x / (ys[i] ?? NaN));
		log(
			`a new device pulls everything, connect → caught up, ${PAIRS} pairs (${pulled.toLocaleString('en')} in its log, ${conflicts} conflicts):`
		);
		const seconds = (ms: readonly number[]) =>
			summary(
				ms.map((x) => x / 1000),
				's',
				1
			);
		log(`  pull ${seconds(a.wall)}; CPU ${seconds(a.cpu)}`);
		log(
			`  the same changes from a file (read, preview, apply): ${seconds(b.wall)}; CPU ${seconds(b.cpu)}`
		);
		log(
			`  ratio wall ${summary(ratio(a.wall, b.wall), '×', 2)}, CPU ${summary(ratio(a.cpu, b.cpu), '×', 2)}`
		);
		log(`  longest main-thread stall during the pull: ${Math.max(...a.stall).toFixed(0)} ms`);
		const total: number[] = [];
		const commit: number[] = [];
		for (let i = 0; i < EDITS; i++) {
			const e = await page.evaluate(([round, idle]) => window.liveBench?.editLatency(round, idle), [
				i,
				IDLE_MS
			] as const);
			if (e === undefined) throw new Error('bench page not ready');
			total.push(e.ms);
			commit.push(e.commitMs);
		}
		log(
			`one edit on the sender until the other device shows it, ${EDITS} edits, ${IDLE_MS} ms idle before each:`
		);
		log(`  ${summary(total, 'ms', 0)}; of which the local commit ${summary(commit, 'ms', 0)}`);
		await page.evaluate(() => window.liveBench?.close());
	} finally {
		await page.close();
		await couch.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
