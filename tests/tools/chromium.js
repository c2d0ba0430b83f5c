// Where Chromium is and how it starts on our machines; shared by Playwright's config and the
// benchmarks. Playwright cannot download its own browser here, so the system one comes first.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** $CHROME_PATH, else Debian's /usr/bin/chromium; undefined lets Playwright use its own. */
export function chromiumPath() {
	const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((path) => !!path && existsSync(path));
}

export function chromiumLaunchOptions() {
	return { executablePath: chromiumPath(), args: CHROMIUM_ARGS };
}
