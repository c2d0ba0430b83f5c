// Runs in Chromium (served by Vite for `npm run bench`): commits a workload through the real
// IdbStore in batches, and measures the floor — a raw IndexedDB put of the same change records
// in one transaction — plus single commits, the path a click takes.
import { IdbStore } from '$lib/store';
import { rawPutFloor } from './raw-put';
import { workload } from './workload';

export async function run(total: number, batch: number, singles: number) {
	const drafts = workload(total + singles);
	const store = await IdbStore.open({ name: `bench-store-${performance.now()}` });
	let started = performance.now();
	let accepted = 0;
	for (let i = 0; i < total; i += batch) {
		const results = await store.commitMany(drafts.slice(i, i + batch), Date.now());
		accepted += results.filter((r) => r.ok).length;
	}
	const batchedMs = performance.now() - started;
	const log = await store.changes();
	const floorMs = await rawPutFloor(log);
	const mail = [...store.state.mail.values()];
	const floorWithMailMs = await rawPutFloor(log, mail);
	started = performance.now();
	for (const draft of drafts.slice(total)) await store.commit(draft, Date.now());
	const singleMs = performance.now() - started;
	started = performance.now();
	await store.replay();
	const replayMs = performance.now() - started;
	store.close();
	return {
		accepted,
		batchedMs,
		floorMs,
		floorWithMailMs,
		mailCount: mail.length,
		singleMs,
		replayMs,
		logSize: log.length
	};
}

declare global {
	interface Window {
		runStoreBench?: typeof run;
	}
}

window.runStoreBench = run;
