// X1 in headless Chromium: how long PBKDF2-HMAC-SHA256 at 600,000 iterations makes a person
// wait to sign up and to log in. Figures only: shared machines are noisy, so nothing asserts.
import { openBenchPage } from './bench-page';
import type { BenchContext } from './bench-page';

const median = (xs: readonly number[]): number => {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const range = (xs: readonly number[]) =>
	`median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

export default async function loginBench(ctx: BenchContext): Promise<void> {
	const { log } = ctx;
	const page = await openBenchPage(ctx, 'login.html', 'runLoginBench');
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
	log(`derive a vault key (X6): ${range(f.vault)}`);
	log(`verify + derive side by side (X6 log in): ${range(f.both)}`);
	log(
		`log in (app command: lookup, Web Lock, throttle, verify + vault, session): ${range(f.login)}`
	);
	log(`sign up (hash + vault, key, token, enroll, commit): ${f.signup.toFixed(0)} ms`);
	// Before X6 a log in ran one PBKDF2 (verify); now two side by side (verify + vault key).
	log(
		`ratio verify + vault / verify alone (X6 log in, medians): ${(median(f.both) / median(f.verify)).toFixed(2)}×`
	);
}
