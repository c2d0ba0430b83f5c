// `npm run browser`: makes sure a Chromium exists for the end-to-end tests. Playwright cannot
// download its own browser on our machines, so on Debian/Ubuntu (as root, or with sudo) this
// installs the distribution's `chromium`; elsewhere it says what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium.js';

function sh(command) {
	console.log(`$ ${command}`);
	return spawnSync('sh', ['-c', command], { stdio: 'inherit' }).status === 0;
}

let path = chromiumPath();
if (!path && existsSync('/usr/bin/apt-get')) {
	const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
	const env = 'DEBIAN_FRONTEND=noninteractive';
	if (sh(`${sudo}apt-get update -qq && ${sudo}env ${env} apt-get install -y -qq chromium`)) {
		path = chromiumPath();
	}
}
if (path) {
	console.log(`Chromium for the end-to-end tests: ${path}`);
} else if (existsSync(chromium.executablePath())) {
	console.log(`Using Playwright's own Chromium: ${chromium.executablePath()}`);
} else {
	console.error(
		'No Chromium found. Install one (Debian: apt-get install chromium), or set CHROME_PATH.'
	);
	process.exit(1);
}
