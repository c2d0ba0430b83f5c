// Serves the static build the way a plain file host would: /licenses → licenses.html,
// unknown paths → 200.html (the SPA fallback), and sw/manifest never cached by the browser.
// Used by `npm run serve` and by the end-to-end tests. Usage: node tests/tools/serve.js [dir] [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.env.PORT ?? process.argv[3] ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2'
};

async function isFile(path) {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

async function resolvePath(pathname) {
	const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const candidates = [join(root, safe)];
	if (!extname(safe)) candidates.push(join(root, `${safe}.html`), join(root, safe, 'index.html'));
	for (const path of candidates) {
		if ((path === root || path.startsWith(root + sep)) && (await isFile(path))) return path;
	}
	return null;
}

// End-to-end tests only (TESSERA_TEST_HOOKS=1): a `sw-bump` cookie makes the service worker
// byte-different for that browser context, which is how a new version looks to the browser.
function withTestBump(req, path, body) {
	if (process.env.TESSERA_TEST_HOOKS !== '1' || !path.endsWith('service-worker.js')) return body;
	const bump = /(?:^|;\s*)sw-bump=(\d+)/.exec(req.headers.cookie ?? '')?.[1];
	return bump ? Buffer.concat([body, Buffer.from(`\n// test bump ${bump}\n`)]) : body;
}

const server = createServer(async (req, res) => {
	try {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path = await resolvePath(url.pathname);
		let code = 200;
		if (!path) {
			if (extname(url.pathname)) {
				res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
				return;
			}
			path = join(root, '200.html');
		}
		const body = await readFile(path);
		const immutable = path.includes(`${sep}_app${sep}immutable${sep}`);
		res.writeHead(code, {
			'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			'x-content-type-options': 'nosniff'
		});
		res.end(req.method === 'HEAD' ? undefined : withTestBump(req, path, body));
	} catch (error) {
		res.writeHead(500, { 'content-type': 'text/plain' }).end('Server error');
		console.error(error);
	}
});

// A port in use is an error, said plainly: the e2e tests must never talk to a server some
// other checkout started on it.
server.on('error', (error) => {
	const busy = error && typeof error === 'object' && 'code' in error && error.code === 'EADDRINUSE';
	console.error(
		busy
			? `Port ${port} on ${host} is already in use: stop what runs there, or choose another port (PORT=…).`
			: `The server could not start: ${String(error)}`
	);
	process.exit(1);
});

server.listen(port, host, () => {
	console.log(`Tessera is served at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
});
