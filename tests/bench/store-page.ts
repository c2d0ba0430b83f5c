// Runs in Chromium (served by Vite for `npm run bench`): commits a workload through the real
// IdbStore in batches, and the floor — a raw IndexedDB put of the same change records in one
// transaction — as separate calls, so the harness can interleave them; plus single commits (the
// path a click takes) and a replay of the whole log.
import { IdbStore } from '$lib/store';
import type { Change } from '$lib/core';
import { rawPutFloor } from './raw-put';
import { workload } from './workload';

let log: Change[] = [];

/** commitMany of `total` drafts in batches of `batch` into a fresh database (A). */
export async function batched(total: number, batch: number) {
	const drafts = workload(total);
	const store = await IdbStore.open({ name: `bench-store-${performance.now()}` });
	const started = performance.now();
	let accepted = 0;
	for (let i = 0; i < total; i += batch) {
		const results = await store.commitMany(drafts.slice(i, i + batch), Date.now());
		accepted += results.filter((r) => r.ok).length;
	}
	const ms = performance.now() - started;
	if (log.length === 0) log = await store.changes();
	const mails = store.state.mail.size;
	store.close();
	return { ms, accepted, mails };
}

/** The floor (B): the change records of the first batched run, raw put in one transaction. */
export function floor(): Promise<number> {
	return rawPutFloor(log);
}

/** Single commits after `total` batched ones, then a replay of the whole log. */
export async function singlesAndReplay(total: number, batch: number, singles: number) {
	const drafts = workload(total + singles);
	const store = await IdbStore.open({ name: `bench-store-${performance.now()}` });
	for (let i = 0; i < total; i += batch) {
		await store.commitMany(drafts.slice(i, Math.min(i + batch, total)), Date.now());
	}
	let started = performance.now();
	for (const draft of drafts.slice(total)) await store.commit(draft, Date.now());
	const singleMs = performance.now() - started;
	started = performance.now();
	await store.replay();
	const replayMs = performance.now() - started;
	store.close();
	return { singleMs, replayMs, logSize: total + singles };
}

declare global {
	interface Window {
		storeBench?: {
			batched: typeof batched;
			floor: typeof floor;
			singlesAndReplay: typeof singlesAndReplay;
		};
	}
}

window.storeBench = { batched, floor, singlesAndReplay };
