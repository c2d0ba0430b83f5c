// X1 in headless Chromium: how long PBKDF2-HMAC-SHA256 at 600,000 iterations makes a person
// wait to sign up and to log in. Figures only: shared machines are noisy, so nothing asserts.
import type { Browser } from '@playwright/test';

const median = (xs: readonly number[]): number => {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const range = (xs: readonly number[]) =>
	`median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

export default async function loginBench({
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
	await page.goto(`${viteURL}/tests/bench/login.html`, { waitUntil: 'networkidle' });
	await page.waitForTimeout(1000);
	await page.goto(`${viteURL}/tests/bench/login.html`, { waitUntil: 'networkidle' });
	await page.waitForFunction(() => typeof window.runLoginBench === 'function', undefined, {
		timeout: 60_000
	});
	const samples = 7;
	const f = await page.evaluate((n) => {
		if (!window.runLoginBench) throw new Error('bench page not ready');
		return window.runLoginBench(n);
	}, samples);
	await page.close();
	log(
		`PBKDF2-HMAC-SHA256, ${f.iterations.toLocaleString('en')} iterations, ${samples} samples each`
	);
	log(`hash a new password: ${range(f.hash)}`);
	log(`verify a password: ${range(f.verify)}`);
	log(`log in (app command: lookup, Web Lock, throttle, verify): ${range(f.login)}`);
	log(`sign up (hash, token, commit): ${f.signup.toFixed(0)} ms`);
}
