// Opening a bench page (tests/bench/*.html, served by the bench harness's Vite server) in the
// harness's Chromium and waiting until its entry function is on `window`.
import type { Browser, Page } from '@playwright/test';

export interface BenchContext {
	readonly browser: Browser;
	readonly viteURL: string;
	readonly log: (line: string) => void;
}

export async function openBenchPage(
	{ browser, viteURL }: BenchContext,
	file: string,
	entry: string
): Promise<Page> {
	const page = await browser.newPage();
	// Vite may optimise a late-found dependency and reload the page once: settle, then reload.
	await page.goto(`${viteURL}/tests/bench/${file}`, { waitUntil: 'networkidle' });
	await page.waitForTimeout(1000);
	await page.goto(`${viteURL}/tests/bench/${file}`, { waitUntil: 'networkidle' });
	await page.waitForFunction((name) => name in window, entry, { timeout: 60_000 });
	return page;
}
