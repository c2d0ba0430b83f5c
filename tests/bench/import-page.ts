// Runs in Chromium (served by Vite for `npm run bench`): a sender device commits a workload
// and writes it as one change file; a fresh IdbStore then imports it end to end, as the Sync
// page does (readSyncFile → previewImport → importChanges). The floor is a raw IndexedDB put
// of the same change records in one transaction.
import { IdbStore, MemoryStore } from '$lib/store';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import { rawPutFloor } from './raw-put';
import { workload } from './workload';

/** Counts pending long-task entries for the step that made them, before it changes. */
async function settle(observer: PerformanceObserver, note: (e: PerformanceEntryList) => void) {
	await new Promise((resolve) => setTimeout(resolve, 0));
	note(observer.takeRecords());
}

export async function run(total: number) {
	const sender = new MemoryStore('aaaaaaaaaaaaaaaa');
	const drafts = workload(total);
	for (let i = 0; i < drafts.length; i += 5_000) {
		await sender.commitMany(drafts.slice(i, i + 5_000), Date.now());
	}
	const log = await sender.changes();
	const built = await buildSyncFile({
		device: sender.device,
		exportedAt: Date.now(),
		kind: 'full',
		changes: log
	});
	if (!built.ok) throw new Error(`build refused: ${built.error.code}`);
	const bytes = new TextEncoder().encode(built.file.text).length;

	// Bytes on disk for this origin (a fresh browser context: only the bench's databases).
	const usage = async () => (await navigator.storage.estimate()).usage ?? 0;
	const diskBefore = await usage();
	const store = await IdbStore.open({ name: `bench-import-${performance.now()}` });
	// P4: the longest stretch the page could not respond, per step (long tasks, ≥ 50 ms).
	const longest = { read: 0, preview: 0, apply: 0 };
	let step: keyof typeof longest = 'read';
	const note = (entries: PerformanceEntryList) => {
		for (const entry of entries) longest[step] = Math.max(longest[step], entry.duration);
	};
	const observer = new PerformanceObserver((list) => note(list.getEntries()));
	observer.observe({ type: 'longtask' });
	let started = performance.now();
	const read = await readSyncFile(built.file.text, { now: Date.now() });
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

	started = performance.now();
	const again = await store.importChanges(read.file.changes);
	const againMs = performance.now() - started;
	const mail = [...store.state.mail.values()];
	store.close();
	const diskAfter = await usage();

	const floorMs = await rawPutFloor(log, []);
	const floorWithMailMs = await rawPutFloor(log, mail);
	return {
		changes: log.length,
		bytes,
		applied: imported.value.applied,
		duplicatesAgain: again.ok ? again.value.duplicates : -1,
		readMs,
		previewMs,
		applyMs,
		totalMs,
		againMs,
		floorMs,
		floorWithMailMs,
		mailCount: mail.length,
		diskBefore,
		diskAfter,
		longest
	};
}

declare global {
	interface Window {
		runImportBench?: typeof run;
	}
}

window.runImportBench = run;
