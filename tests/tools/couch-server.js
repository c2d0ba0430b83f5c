// A CouchDB-compatible server for live sync in development and tests: PouchDB Server from npm,
// run as a child process on one port with its data on disk (killed and restarted, it keeps
// every database). It is never in "admin party": one server admin is configured, databases
// are created by that admin with a member user in `_security`, and anyone else gets 401.
// CORS allows any origin with credentials, so the app's page can call it from the browser.
//
//   node tests/tools/couch-server.js --port 5984 --dir .couch-data [--db tessera]
//
// prints the URL and the credentials; Ctrl-C stops it. The end-to-end tests start their own
// through tests/e2e/fixtures/couch.ts; the unit tests through startCouch().
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ADMIN_NAME = 'tessera-admin';
const BIN = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
const GUARD = pathToFileURL(fileURLToPath(new URL('couch-guard.js', import.meta.url))).href;

/**
 * @typedef {{ username: string, password: string }} Credentials
 * @typedef {{ url: string, name: string, username: string, password: string }} TeamDatabase
 * @typedef {{
 *   url: string,
 *   admin: Credentials,
 *   stop: () => Promise<void>,
 *   kill: () => Promise<void>,
 *   restart: () => Promise<void>,
 *   createDatabase: (name: string, member?: Credentials) => Promise<TeamDatabase>,
 *   allDocs: (name: string) => Promise<unknown[]>,
 *   request: (path: string, init?: RequestInit) => Promise<Response>
 * }} CouchServer
 */

/** `Authorization: Basic …` for these credentials. */
export function basicAuth(/** @type {Credentials} */ { username, password }) {
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Fails when something already listens on the port: a server this run did not start. */
async function assertPortFree(/** @type {number} */ port, /** @type {string} */ host) {
	await new Promise((ok, fail) => {
		const probe = createServer();
		probe.once('error', () =>
			fail(
				new Error(
					`Port ${port} on ${host} is already in use: not starting a CouchDB there, ` +
						'and never testing against a server this run did not start.'
				)
			)
		);
		probe.listen(port, host, () => probe.close(ok));
	});
}

/**
 * Starts PouchDB Server on `port` with its data in `dir`, and resolves once `GET /` answers.
 * @param {{ port: number, dir: string, password?: string, host?: string, readyTimeoutMs?: number }} options
 * @returns {Promise<CouchServer>}
 */
export async function startCouch({
	port,
	dir,
	password = randomBytes(12).toString('hex'),
	host = '127.0.0.1',
	readyTimeoutMs = 60_000
}) {
	const root = resolve(dir);
	const url = `http://${host}:${port}`;
	const admin = { username: ADMIN_NAME, password };
	const adminAuth = basicAuth(admin);
	/** @type {import('node:child_process').ChildProcess | null} */
	let child = null;
	/** @type {Promise<void>} */
	let exited = Promise.resolve();

	async function launch() {
		await assertPortFree(port, host);
		mkdirSync(join(root, 'db'), { recursive: true });
		// Written at every start: PouchDB Server hashes the plain admin password when it loads.
		const config = {
			admins: { [ADMIN_NAME]: password },
			log: { file: join(root, 'log.txt'), level: 'warning' },
			httpd: { enable_cors: true },
			cors: { origins: '*', credentials: true }
		};
		writeFileSync(join(root, 'config.json'), JSON.stringify(config, null, 2));
		const args = ['--import', GUARD, BIN, '--port', String(port), '--host', host];
		args.push('--dir', join(root, 'db'), '--config', join(root, 'config.json'), '-n');
		const proc = spawn(process.execPath, args, {
			cwd: root,
			env: {
				...process.env,
				TESSERA_COUCH_ADMIN: ADMIN_NAME,
				TESSERA_COUCH_PARENT: String(process.pid)
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child = proc;
		let output = '';
		const keep = (/** @type {Buffer} */ chunk) =>
			(output = (output + chunk.toString()).slice(-4000));
		proc.stdout?.on('data', keep);
		proc.stderr?.on('data', keep);
		let gone = false;
		exited = new Promise((done) =>
			proc.once('exit', () => {
				gone = true;
				if (child === proc) child = null;
				done();
			})
		);
		const deadline = Date.now() + readyTimeoutMs;
		for (;;) {
			if (gone) throw new Error(`PouchDB Server exited before answering:\n${output}`);
			try {
				const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
				if (res.ok) return;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) {
				proc.kill('SIGKILL');
				throw new Error(
					`PouchDB Server did not answer on ${url} within ${readyTimeoutMs} ms:\n${output}`
				);
			}
			await new Promise((later) => setTimeout(later, 100));
		}
	}

	async function halt(/** @type {NodeJS.Signals} */ signal) {
		if (child) child.kill(signal);
		await exited;
	}

	/** @type {CouchServer['request']} */
	function request(path, init = {}) {
		const headers = new Headers(init.headers);
		if (!headers.has('authorization')) headers.set('authorization', adminAuth);
		if (init.body !== undefined) headers.set('content-type', 'application/json');
		return fetch(`${url}${path}`, { ...init, headers });
	}

	async function ok(/** @type {Response} */ res, /** @type {string} */ what) {
		if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
	}

	/** @type {CouchServer['createDatabase']} */
	async function createDatabase(name, member = { username: `member-${name}`, password: 'member' }) {
		await ok(await request(`/${encodeURIComponent(name)}`, { method: 'PUT' }), `create ${name}`);
		const userPath = `/_users/${encodeURIComponent(`org.couchdb.user:${member.username}`)}`;
		const existing = await request(userPath);
		const rev = existing.ok ? { _rev: (await existing.json())._rev } : {};
		const user = {
			...rev,
			name: member.username,
			password: member.password,
			roles: [],
			type: 'user'
		};
		await ok(await request(userPath, { method: 'PUT', body: JSON.stringify(user) }), 'user');
		const security = {
			admins: { names: [], roles: [] },
			members: { names: [member.username], roles: [] }
		};
		const securityPath = `/${encodeURIComponent(name)}/_security`;
		await ok(
			await request(securityPath, { method: 'PUT', body: JSON.stringify(security) }),
			'_security'
		);
		return { url, name, username: member.username, password: member.password };
	}

	/** @type {CouchServer['allDocs']} */
	async function allDocs(name) {
		const res = await request(`/${encodeURIComponent(name)}/_all_docs?include_docs=true`);
		await ok(res, `_all_docs of ${name}`);
		/** @type {{ rows: { doc: unknown }[] }} */
		const body = await res.json();
		return body.rows.map((row) => row.doc);
	}

	await launch();
	return {
		url,
		admin,
		stop: () => halt('SIGTERM'),
		kill: () => halt('SIGKILL'),
		restart: async () => {
			await halt('SIGTERM');
			await launch();
		},
		createDatabase,
		allDocs,
		request
	};
}

/** `--name value` from the command line. */
function option(/** @type {string} */ name) {
	const at = process.argv.indexOf(`--${name}`);
	return at < 0 ? undefined : process.argv[at + 1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const port = Number(option('port') ?? 5984);
	const server = await startCouch({
		port,
		dir: option('dir') ?? '.couch-data',
		password: option('password') ?? 'tessera-dev'
	});
	console.log(`CouchDB-compatible server (PouchDB Server) on ${server.url}`);
	console.log(`  server admin: ${server.admin.username} / ${server.admin.password}`);
	const dbName = option('db');
	if (dbName) {
		const member = {
			username: option('user') ?? 'tessera',
			password: option('user-password') ?? 'tessera-dev'
		};
		const existing = await server.request(`/${encodeURIComponent(dbName)}`);
		if (existing.ok) console.log(`  database ${dbName} already exists`);
		else await server.createDatabase(dbName, member);
		console.log(`  database: ${dbName}, member: ${member.username} / ${member.password}`);
	}
	console.log('Ctrl-C stops it; the data stays in its directory.');
	const quit = () => void server.stop().then(() => process.exit(0));
	process.on('SIGINT', quit);
	process.on('SIGTERM', quit);
}
