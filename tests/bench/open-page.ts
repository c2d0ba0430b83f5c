// Runs in Chromium (served by Vite for `npm run bench`): fills a database with a workload
// through the real IdbStore, then opens it the way the app does and answers the Licenses
// page's first question (the viewer's list, filtered, its first window of 50).
import { accountId, filterLicenses, licenseIndex } from '$lib/core';
import { IdbStore } from '$lib/store';
import type { Store } from '$lib/store';
import { workload } from './workload';

async function used(): Promise<number> {
	return (await navigator.storage.estimate()).usage ?? 0;
}

export async function fill(name: string, total: number) {
	const before = await used();
	const store = await IdbStore.open({ name });
	const drafts = workload(total);
	let accepted = 0;
	for (let i = 0; i < drafts.length; i += 5_000) {
		const results = await store.commitMany(drafts.slice(i, i + 5_000), Date.now());
		accepted += results.filter((r) => r.ok).length;
	}
	const mails = store.state.mail.size;
	store.close();
	return { accepted, mails, bytes: (await used()) - before };
}

let opened: Store | null = null;

/** Opens `name` and computes the first window of the viewer's Licenses page; keeps it open. */
export async function open(name: string, viewer: string) {
	const started = performance.now();
	const store = await IdbStore.open({ name });
	const index = licenseIndex(store.state, accountId(viewer));
	const first = filterLicenses(index, { productId: '', query: '' }).slice(0, 50);
	const ms = performance.now() - started;
	opened = store;
	return { ms, licenses: index.length, shown: first.length };
}

export function close(): void {
	opened?.close();
	opened = null;
}

export async function drop(name: string): Promise<void> {
	close();
	await new Promise<void>((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => resolve();
	});
}

declare global {
	interface Window {
		openBench?: { fill: typeof fill; open: typeof open; close: typeof close; drop: typeof drop };
	}
}

window.openBench = { fill, open, close, drop };
