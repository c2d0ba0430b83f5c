// Runs in Chromium (served by Vite for `npm run bench`): a 100k-change file from eight devices,
// each device's changes chained by `prev` as the store stamps them (X5), so the reader does all
// its work (hostile-input walk, per-change schema, digest, duplicates, chain hashes, clocks).
// Its floor is a bare JSON.parse of the same text; the two run interleaved (A B A B …).
import type { Change } from '$lib/core';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import { NOW, T0, sample } from '../unit/sync/helpers';
import { DEVICES, EXPORTER, chained } from './chained';

async function build(changes: readonly Change[]): Promise<string> {
	const built = await buildSyncFile({ device: EXPORTER, exportedAt: T0, kind: 'full', changes });
	if (!built.ok) throw new Error(`build refused: ${built.error.code}`);
	return built.file.text;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

/** One read, timed, with where each step ended and the longest task (P4). */
async function timedRead(text: string) {
	const longTasks: number[] = [];
	const observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) longTasks.push(entry.duration);
	});
	observer.observe({ type: 'longtask' });
	const marks: [number, number][] = [];
	const start = performance.now();
	const read = await readSyncFile(text, {
		now: NOW,
		onProgress: (f) => marks.push([f, performance.now() - start])
	});
	const ms = performance.now() - start;
	await pause();
	for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
	observer.disconnect();
	if (!read.ok) throw new Error(`read refused: ${JSON.stringify(read.error)}`);
	return { ms, marks, longest: Math.max(0, ...longTasks) };
}

export async function run(count: number, pairs: number) {
	const raw = Array.from({ length: count }, (_, n) => sample(DEVICES[n % 8] ?? EXPORTER, n));
	const changes = chained(raw);
	// Warm both paths on a small file first.
	await readSyncFile(await build(changes.slice(0, 2_000)), { now: NOW });
	let start = performance.now();
	const text = await build(changes);
	const buildMs = performance.now() - start;
	const parse: number[] = [];
	const read: number[] = [];
	let last = await timedRead(text); // warm-up, not counted
	const longest: number[] = [];
	for (let i = 0; i < pairs; i++) {
		await pause();
		start = performance.now();
		JSON.parse(text);
		parse.push(performance.now() - start);
		await pause();
		last = await timedRead(text);
		read.push(last.ms);
		longest.push(last.longest);
	}
	return {
		bytes: new TextEncoder().encode(text).length,
		devices: DEVICES.length,
		buildMs,
		parse,
		read,
		longest,
		marks: last.marks,
		lastMs: last.ms
	};
}

declare global {
	interface Window {
		runSyncParseBench?: typeof run;
	}
}

window.runSyncParseBench = run;
