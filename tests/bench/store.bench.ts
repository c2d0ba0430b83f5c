// Store in headless Chromium: 100k changes committed in batches through IdbStore, against
// the floor of a raw IndexedDB put of the same records in one transaction (goal ≤ 2×).
import type { Browser } from '@playwright/test';

interface Figures {
	accepted: number;
	batchedMs: number;
	floorMs: number;
	floorWithMailMs: number;
	mailCount: number;
	singleMs: number;
	replayMs: number;
	logSize: number;
}

export default async function storeBench({
	browser,
	viteURL,
	log
}: {
	browser: Browser;
	viteURL: string;
	log: (line: string) => void;
}): Promise<void> {
	const page = await browser.newPage();
	// Vite may optimise a late-found dependency and reload the page once: settle, then reload.
	await page.goto(`${viteURL}/tests/bench/store.html`, { waitUntil: 'networkidle' });
	await page.waitForTimeout(1000);
	await page.goto(`${viteURL}/tests/bench/store.html`, { waitUntil: 'networkidle' });
	await page.waitForFunction(() => typeof window.runStoreBench === 'function', undefined, {
		timeout: 60_000
	});
	const total = 100_000;
	const batch = 5_000;
	const singles = 500;
	const f: Figures = await page.evaluate(
		([t, b, s]) => {
			if (!window.runStoreBench) throw new Error('bench page not ready');
			return window.runStoreBench(t, b, s);
		},
		[total, batch, singles] as const
	);
	await page.close();
	log(
		`commitMany: ${f.accepted} of ${total} changes in batches of ${batch}: ${f.batchedMs.toFixed(0)} ms`
	);
	log(
		`raw IndexedDB put of the same ${f.logSize} records in one transaction: ${f.floorMs.toFixed(0)} ms`
	);
	log(`ratio to the floor: ${(f.batchedMs / f.floorMs).toFixed(2)}× (goal ≤ 2×)`);
	log(
		`the projection also stores the ${f.mailCount} mails those changes send; raw put of changes + mails: ${f.floorWithMailMs.toFixed(0)} ms → ratio ${(f.batchedMs / f.floorWithMailMs).toFixed(2)}×`
	);
	log(
		`single commits (the path a click takes): ${(f.singleMs / singles).toFixed(2)} ms each over ${singles}`
	);
	log(`replay of the whole log (${f.logSize + singles} changes): ${f.replayMs.toFixed(0)} ms`);
}
