// `npm run bench`: prints figures, never asserts timings (shared machines are noisy).
//   1. builds the app and measures what a first visit to `/` loads (gzip bytes of JS and CSS,
//      taken from the requests a real Chromium makes) and the whole build;
//   2. runs every tests/bench/*.bench.ts module. A module's default export receives
//      { browser, viteURL, log }: a launched Chromium, the address of a Vite dev server rooted
//      at the project (so a bench page such as /tests/bench/x.html can import src/ code),
//      and a function that prints a figure. Modules run in node through Vite, so they may
//      import TypeScript from src/ ($lib works).
// Flags: --no-build reuses build/; --only NAME runs benches whose file name contains NAME.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer } from 'vite';
import { chromiumLaunchOptions } from './chromium.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const BUDGET_KB = 45;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (path) => gzipSync(readFileSync(path)).length;

function walk(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

async function sizeBench(browser) {
	if (!args.includes('--no-build')) {
		const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'ignore' });
		if (built.status !== 0) throw new Error('build failed');
	}
	const server = spawn('node', ['tests/tools/serve.js', 'build', String(PORT)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise((resolve) => server.stdout.once('data', resolve));
	try {
		const page = await browser.newPage();
		const urls = new Set();
		page.on('request', (req) => urls.add(new URL(req.url()).pathname));
		await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'networkidle' });
		await page.close();
		let js = 0;
		let css = 0;
		for (const url of urls) {
			const path = join('build', url === '/' ? 'index.html' : url);
			if (url.endsWith('.js') && !url.endsWith('service-worker.js')) js += gz(path);
			if (url.endsWith('.css')) css += gz(path);
		}
		const files = walk('build');
		const total = files.reduce((sum, f) => sum + gz(f), 0);
		const allJs = files.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gz(f), 0);
		const sw = gz('build/service-worker.js');
		console.log('First visit to / (gzip, from the requests Chromium made)');
		console.log(`  JS  ${kb(js)}`);
		console.log(`  CSS ${kb(css)}`);
		const first = js + css;
		const verdict = first <= BUDGET_KB * 1024 ? 'within' : 'OVER';
		console.log(`  JS + CSS ${kb(first)} — ${verdict} the ${BUDGET_KB} KB budget`);
		console.log(`  service worker (fetched after load) ${kb(sw)}`);
		console.log(`Whole build: ${files.length} files, ${kb(total)} gzip (all JS ${kb(allJs)})`);
	} finally {
		server.kill();
	}
}

const browser = await chromium.launch(chromiumLaunchOptions());
let vite;
try {
	if (!only || 'size'.includes(only)) await sizeBench(browser);
	const benches = readdirSync('tests/bench')
		.filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
		.sort();
	if (benches.length > 0) {
		vite = await createServer({
			configFile: false,
			logLevel: 'error',
			resolve: { alias: { $lib: join(process.cwd(), 'src/lib') } },
			// Components (a bench page may mount one) and runes modules compile as in the app.
			plugins: [svelte()],
			// Pre-bundle the browser dependencies up front, so a bench page never reloads itself.
			optimizeDeps: {
				entries: ['tests/bench/*.html'],
				include: ['idb', 'free-email-domains']
			},
			// No watching and no hot reload: a file saved mid-run must not reload a bench page.
			server: { port: PORT + 1, strictPort: true, host: '127.0.0.1', hmr: false, watch: null }
		});
		await vite.listen();
		const viteURL = `http://127.0.0.1:${PORT + 1}`;
		for (const file of benches) {
			console.log(`\n${file.replace('.bench.ts', '')}`);
			const mod = await vite.ssrLoadModule(
				`/${relative(process.cwd(), join('tests/bench', file))}`
			);
			await mod.default({ browser, viteURL, log: (line) => console.log(`  ${line}`) });
		}
	}
} finally {
	await vite?.close();
	await browser.close();
}
