// Offline cold start, logged out (P1): the built app against the floor of a bare SvelteKit
// static page with a workbox precache, built here from the same packages. Both are served,
// visited once online (the worker installs and precaches), then reopened in the same browser
// context with the network off; the figure is navigation start → the root layout mounted
// (the `tessera:mounted` performance mark both set in onMount). Runs interleave A B A B …
// Figures only: nothing is asserted.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { summary } from './stats';

const BASE_PORT = Number(process.env.BENCH_PORT ?? 4391);
const APP_PORT = BASE_PORT + 2;
const BARE_PORT = BASE_PORT + 3;
const PAIRS = 7;
const BARE = 'reports/bench-bare';

/** The floor: one prerendered page, a root layout that registers a workbox precache. */
const BARE_FILES: Record<string, string> = {
	'svelte.config.js': `import adapter from '@sveltejs/adapter-static';
export default { kit: { adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html' }), serviceWorker: { register: false }, paths: { relative: false } } };
`,
	'vite.config.js': `import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
export default defineConfig({ plugins: [sveltekit()] });
`,
	'src/app.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Bare</title>%sveltekit.head%</head>
<body><div style="display: contents">%sveltekit.body%</div></body></html>
`,
	'src/routes/+layout.js': `export const prerender = true;
export const ssr = false;
`,
	'src/routes/+layout.svelte': `<script>
	import { onMount } from 'svelte';
	import { Workbox } from 'workbox-window';
	let { children } = $props();
	onMount(() => {
		performance.mark('tessera:mounted');
		if ('serviceWorker' in navigator) void new Workbox('/service-worker.js').register();
	});
</script>
<main>{@render children()}</main>
`,
	'src/routes/+page.svelte': `<h1>Bare page</h1><p>A SvelteKit page with a workbox precache.</p>
`,
	'src/service-worker.js': `import { build, files, prerendered, version } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import { createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
precacheAndRoute([
	...build.map((url) => ({ url, revision: null })),
	...files.map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
]);
registerRoute(new NavigationRoute(createHandlerBoundToURL('/')));
self.skipWaiting();
clientsClaim();
`
};

function buildBare(): void {
	rmSync(BARE, { recursive: true, force: true });
	for (const [path, text] of Object.entries(BARE_FILES)) {
		const full = join(BARE, path);
		mkdirSync(join(full, '..'), { recursive: true });
		writeFileSync(full, text);
	}
	const built = spawnSync('npx', ['vite', 'build'], { cwd: BARE, stdio: 'ignore' });
	if (built.status !== 0) throw new Error('bare SvelteKit build failed');
}

function serve(dir: string, port: number) {
	const server = spawn('node', ['tests/tools/serve.js', dir, String(port)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return {
		ready: new Promise((resolve) => server.stdout.once('data', resolve)),
		stop: () => server.kill()
	};
}

/** One cold start: a new context, a first visit online, then the same page reopened offline. */
async function coldStart(
	browser: Browser,
	url: string
): Promise<{ mounted: number; requests: number }> {
	const context = await browser.newContext();
	try {
		const first = await context.newPage();
		await first.goto(url);
		// The worker controls the page once it has installed (and precached everything).
		await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
			timeout: 60_000
		});
		await first.close();
		await context.setOffline(true);
		const page = await context.newPage();
		let requests = 0;
		page.on('request', () => requests++);
		await page.goto(url);
		const mounted = await page.evaluate(async () => {
			const find = () => performance.getEntriesByName('tessera:mounted')[0]?.startTime;
			for (let i = 0; i < 600 && find() === undefined; i++) {
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			const at = find();
			if (at === undefined) throw new Error('the page never mounted');
			return at;
		});
		return { mounted, requests };
	} finally {
		await context.close();
	}
}

export default async function coldStartBench({
	browser,
	log
}: {
	browser: Browser;
	log: (line: string) => void;
}): Promise<void> {
	if (!existsSync('build/index.html')) {
		const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'ignore' });
		if (built.status !== 0) throw new Error('build failed');
	}
	buildBare();
	const app = serve('build', APP_PORT);
	const bare = serve(join(BARE, 'build'), BARE_PORT);
	try {
		await Promise.all([app.ready, bare.ready]);
		// One of each first, unmeasured: the browser's own caches warm the same way for both.
		await coldStart(browser, `http://127.0.0.1:${APP_PORT}/`);
		await coldStart(browser, `http://127.0.0.1:${BARE_PORT}/`);
		const a: number[] = [];
		const b: number[] = [];
		let appRequests = 0;
		let bareRequests = 0;
		for (let i = 0; i < PAIRS; i++) {
			const x = await coldStart(browser, `http://127.0.0.1:${APP_PORT}/`);
			const y = await coldStart(browser, `http://127.0.0.1:${BARE_PORT}/`);
			a.push(x.mounted);
			b.push(y.mounted);
			appRequests = x.requests;
			bareRequests = y.requests;
		}
		const ratios = a.map((v, i) => v / (b[i] ?? v));
		log(`offline cold start, logged out, navigation start → root layout mounted (${PAIRS} pairs):`);
		log(`  Tessera ${summary(a, 'ms')} (${appRequests} requests through the worker)`);
		log(`  bare SvelteKit + workbox precache ${summary(b, 'ms')} (${bareRequests} requests)`);
		log(`  ratio ${summary(ratios, '×', 2)} (goal ≤ 1.3×)`);
	} finally {
		app.stop();
		bare.stop();
	}
}
