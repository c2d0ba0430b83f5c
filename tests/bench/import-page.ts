// Runs in Chromium (served by Vite for `npm run bench`): a sender device commits a workload
// and writes it as one change file (`prepare`); `importOnce` then imports it into a fresh
// IdbStore end to end, as the Sync page does (readSyncFile → previewImport → importChanges),
// and `floor` is a raw IndexedDB put of the same change records in one transaction. The
// harness interleaves the two.
import { IdbStore, MemoryStore } from '$lib/store';
import type { Change } from '$lib/core';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import { rawPutFloor } from './raw-put';
import { workload } from './workload';

/** Counts pending long-task entries for the step that made them, before it changes. */
async function settle(observer: PerformanceObserver, note: (e: PerformanceEntryList) => void) {
	await new Promise((resolve) => setTimeout(resolve, 0));
	note(observer.takeRecords());
}

let text = '';
let log: Change[] = [];

export async function prepare(total: number) {
	const sender = new MemoryStore('aaaaaaaaaaaaaaaa');
	const drafts = workload(total);
	for (let i = 0; i < drafts.length; i += 5_000) {
		await sender.commitMany(drafts.slice(i, i + 5_000), Date.now());
	}
	log = await sender.changes();
	const built = await buildSyncFile({
		device: sender.device,
		exportedAt: Date.now(),
		kind: 'full',
		changes: log
	});
	if (!built.ok) throw new Error(`build refused: ${built.error.code}`);
	text = built.file.text;
	return { changes: log.length, bytes: new TextEncoder().encode(text).length };
}

async function used(): Promise<number> {
	return (await navigator.storage.estimate()).usage ?? 0;
}

export async function importOnce(again: boolean) {
	const name = `bench-import-${performance.now()}`;
	const usedBefore = await used();
	const store = await IdbStore.open({ name });
	// P4: the longest stretch the page could not respond, per step (long tasks, ≥ 50 ms).
	const longest = { read: 0, preview: 0, apply: 0 };
	let step: keyof typeof longest = 'read';
	const note = (entries: PerformanceEntryList) => {
		for (const entry of entries) longest[step] = Math.max(longest[step], entry.duration);
	};
	const observer = new PerformanceObserver((list) => note(list.getEntries()));
	observer.observe({ type: 'longtask' });
	const started = performance.now();
	const read = await readSyncFile(text, { now: Date.now() });
	if (!read.ok) throw new Error(`read refused: ${read.error.code}`);
	const readMs = performance.now() - started;
	await settle(observer, note);
	step = 'preview';
	let mark = performance.now();
	const preview = await store.previewImport(read.file.changes);
	if (!preview.ok) throw new Error(`preview refused: ${preview.error.code}`);
	const previewMs = performance.now() - mark;
	await settle(observer, note);
	step = 'apply';
	mark = performance.now();
	const imported = await store.importChanges(read.file.changes);
	if (!imported.ok) throw new Error(`import refused: ${imported.error.code}`);
	const applyMs = performance.now() - mark;
	const totalMs = performance.now() - started;
	await settle(observer, note);
	observer.disconnect();
	const bytes = (await used()) - usedBefore;
	let againMs = NaN;
	let duplicatesAgain = -1;
	if (again) {
		mark = performance.now();
		const second = await store.importChanges(read.file.changes);
		againMs = performance.now() - mark;
		duplicatesAgain = second.ok ? second.value.duplicates : -1;
	}
	const mails = store.state.mail.size;
	store.close();
	indexedDB.deleteDatabase(name);
	return {
		applied: imported.value.applied,
		readMs,
		previewMs,
		applyMs,
		totalMs,
		longest,
		bytes,
		mails,
		againMs,
		duplicatesAgain
	};
}

export function floor(): Promise<number> {
	return rawPutFloor(log);
}

declare global {
	interface Window {
		importBench?: { prepare: typeof prepare; importOnce: typeof importOnce; floor: typeof floor };
	}
}

window.importBench = { prepare, importOnce, floor };
