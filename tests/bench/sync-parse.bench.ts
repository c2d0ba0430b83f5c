// Reading a big sync file in headless Chromium (P4, issue 13's parse row): 100k valid changes
// read by readSyncFile against its floor, a bare JSON.parse of the same text, interleaved
// (A B A B …), each printed as median and min–max, with the ratio of the medians (wall time),
// the longest task the page could not respond during a read, and where one read's time went.
import { openBenchPage } from './bench-page';
import type { BenchContext } from './bench-page';

const COUNT = 100_000;
const PAIRS = 5;

const median = (xs: readonly number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;
const spread = (xs: readonly number[]) =>
	`median ${ms(median(xs))} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

export default async function syncParseBench(ctx: BenchContext): Promise<void> {
	const { log } = ctx;
	const page = await openBenchPage(ctx, 'sync-parse.html', 'runSyncParseBench');
	const f = await page.evaluate(
		([count, pairs]) => {
			if (!window.runSyncParseBench) throw new Error('bench page not ready');
			return window.runSyncParseBench(count, pairs);
		},
		[COUNT, PAIRS] as const
	);
	await page.close();
	const mb = (f.bytes / 1024 / 1024).toFixed(1);
	log(`file: ${COUNT.toLocaleString('en')} changes from ${f.devices} devices, ${mb} MB`);
	log(`build (validate + canonical JSON + digest): ${ms(f.buildMs)}`);
	log(`${f.parse.length} interleaved pairs (JSON.parse, then readSyncFile), in Chromium:`);
	log(`  JSON.parse (floor):           ${spread(f.parse)}`);
	log(`  readSyncFile (parse+validate): ${spread(f.read)}`);
	log(`  ratio of the medians (wall): ${(median(f.read) / median(f.parse)).toFixed(2)}×`);
	log(`  longest task during a read (P4): ${spread(f.longest)}`);
	// Progress marks where each step ends (read.ts: parse 0.1, each change 0.45, canonical
	// JSON and digest 0.55, chain hashes 0.9, clocks 0.95), so the last read splits by step.
	const at = (g: number) => f.marks.find(([h]) => h >= g)?.[1] ?? f.lastMs;
	const steps = [
		['parse + hostile-input walk', 0, at(0.1)],
		['schema, change by change', at(0.1), at(0.45)],
		['canonical JSON + digest', at(0.45), at(0.55)],
		['chain hashes (SHA-256)', at(0.55), at(0.95)],
		['duplicates, chain, clocks', at(0.95), f.lastMs]
	] as const;
	log(`last read: ${steps.map(([name, a, b]) => `${name} ${ms(b - a)}`).join(' · ')}`);
}
