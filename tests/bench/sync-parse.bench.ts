// Import cost of a big sync file (P4): 100k valid changes from eight devices, each device's
// changes chained by `prev` as the store stamps them (X5), so the reader does all its work:
// hostile-input walk, strict per-change schema, digest, duplicates, chain hashes, clocks.
// Compared with a bare JSON.parse of the same text, the floor any reader pays.
import { compareChanges, deviceId } from '$lib/core';
import type { Change } from '$lib/core';
import { changeHash } from '$lib/log/digest';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import { NOW, T0, sample } from '../unit/sync/helpers';

const COUNT = 100_000;
const DEVICES = Array.from({ length: 8 }, (_, i) => deviceId(`${i}`.repeat(16)));
const EXPORTER = deviceId('0'.repeat(16));

/** Chains each device's changes; devices hash in parallel, a device's chain in order. */
function chained(changes: readonly Change[]): Change[] {
	const byDevice = new Map<string, Change[]>();
	for (const c of [...changes].sort(compareChanges)) {
		const list = byDevice.get(c.device) ?? [];
		list.push(c);
		byDevice.set(c.device, list);
	}
	const chains = [...byDevice.values()].map((list) => {
		const out: Change[] = [];
		let prev: string | null = null;
		for (const c of list) {
			const linked: Change = { ...c, prev };
			prev = changeHash(linked);
			out.push(linked);
		}
		return out;
	});
	return chains.flat().sort(compareChanges);
}

const ms = (start: number) => performance.now() - start;

async function build(changes: readonly Change[]): Promise<string> {
	const built = await buildSyncFile({ device: EXPORTER, exportedAt: T0, kind: 'full', changes });
	if (!built.ok) throw new Error(`build refused: ${built.error.code}`);
	return built.file.text;
}

export default async function syncParseBench({ log }: { log: (line: string) => void }) {
	const raw = Array.from({ length: COUNT }, (_, n) => sample(DEVICES[n % 8] ?? EXPORTER, n));
	const changes = chained(raw);

	// Warm both paths on a small file first.
	await readSyncFile(await build(changes.slice(0, 2_000)), { now: NOW });
	let start = performance.now();
	const text = await build(changes);
	const buildMs = ms(start);

	let parseMs = Infinity;
	for (let i = 0; i < 3; i++) {
		start = performance.now();
		JSON.parse(text);
		parseMs = Math.min(parseMs, ms(start));
	}
	// Progress marks where each step ends (read.ts: parse 0.1, each change 0.45, canonical
	// JSON and digest 0.55, chain hashes 0.95), so the time splits by step.
	const marks: [number, number][] = [];
	start = performance.now();
	const read = await readSyncFile(text, {
		now: NOW,
		onProgress: (f) => marks.push([f, ms(start)])
	});
	const readMs = ms(start);
	if (!read.ok) throw new Error(`read refused: ${JSON.stringify(read.error)}`);
	const at = (f: number) => marks.find(([g]) => g >= f)?.[1] ?? readMs;

	const mb = (new TextEncoder().encode(text).length / 1024 / 1024).toFixed(1);
	log(`file: ${COUNT.toLocaleString('en')} changes from ${DEVICES.length} devices, ${mb} MB`);
	log(`build (validate + canonical JSON + digest): ${buildMs.toFixed(0)} ms`);
	log(
		`parse+validate ${COUNT / 1000}k changes: ${readMs.toFixed(0)} ms (JSON.parse ${parseMs.toFixed(0)} ms, ratio ${(readMs / parseMs).toFixed(1)}×)`
	);
	const steps = [
		['parse + hostile-input walk', 0, at(0.1)],
		['schema, change by change', at(0.1), at(0.45)],
		['canonical JSON + digest', at(0.45), at(0.55)],
		['chain hashes (SHA-256)', at(0.55), at(0.95)],
		['duplicates, chain, clocks', at(0.95), readMs]
	] as const;
	log(`  ${steps.map(([name, a, b]) => `${name} ${(b - a).toFixed(0)} ms`).join(' · ')}`);
}
