/**
 * End-to-end tests drive a real Chromium against the built app served as static files.
 * Playwright cannot download its own browser on our machines, so the system Chromium is
 * used ($CHROME_PATH, else /usr/bin/chromium); Playwright's own is the fallback elsewhere.
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/tools/chromium.js';

const PORT = Number(process.env.E2E_PORT ?? 4319);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'reports/e2e-artifacts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	// Once in a few clean runs headless Chromium stops producing animation frames for a page, and
	// Playwright's "stable" check before a click then waits out the whole test (seen on a
	// 'Verify domain' click that passes 4 of 4 when rerun). On CI a failed test runs once more;
	// the summary counts such a test as flaky, by name, so a real race still shows.
	retries: process.env.CI ? 1 : 0,
	// Flows sign up, log in (full-cost PBKDF2) and run axe several times: on a busy 2-core
	// machine that takes far longer than on a quiet one, so a test gets two minutes.
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
		serviceWorkers: 'allow'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: chromiumLaunchOptions()
			}
		}
	],
	webServer: {
		command: `node tests/tools/serve.js build ${PORT}`,
		env: { TESSERA_TEST_HOOKS: '1' },
		url: `http://127.0.0.1:${PORT}/`,
		// Never test a server this run did not start (another checkout's build, an old one): a
		// port already in use fails the run at once, with Playwright's "already used" error.
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
