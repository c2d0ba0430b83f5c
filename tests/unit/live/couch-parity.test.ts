// The fake CouchDB against the real thing: one scenario (couch-scenario.ts) sent to a PouchDB
// Server started by tests/tools/couch-server.js and to the fake gives the same statuses and
// bodies. Also the test server itself: its data survives a SIGKILL and a restart, and it
// refuses a port already in use. Skipped, and only then, when the server cannot start here
// within its own timeout (say so in the output, not silently).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouch } from '../../tools/couch-server.js';
import type { CouchServer } from '../../tools/couch-server.js';
import { runScenario } from './couch-scenario';
import { createFakeCouch } from './fake-couch';

const START_TIMEOUT_MS = 90_000;
const member = { username: 'member-team', password: 'member-secret' };

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return typeof address === 'object' && address !== null ? address.port : 0;
}

let dir = '';
let real: CouchServer | null = null;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'tessera-couch-unit-'));
	try {
		real = await startCouch({ port: await freePort(), dir, readyTimeoutMs: START_TIMEOUT_MS });
	} catch (cause) {
		console.warn('PouchDB Server did not start; the parity tests are skipped.', cause);
	}
}, START_TIMEOUT_MS + 10_000);

afterAll(async () => {
	await real?.stop();
	await rm(dir, { recursive: true, force: true });
});

describe('the fake CouchDB and PouchDB Server', () => {
	it('answer the same scenario with the same statuses and bodies', async (ctx) => {
		if (real === null) return ctx.skip();
		await real.createDatabase('team', member);
		const fromReal = await runScenario({
			fetch,
			url: real.url,
			db: 'team',
			member,
			admin: real.admin
		});
		const admin = { username: 'admin', password: 'admin-secret' };
		const fake = createFakeCouch({
			users: { [member.username]: member.password },
			admins: { [admin.username]: admin.password }
		});
		fake.createDb('team');
		const fromFake = await runScenario({
			fetch: fake.fetch,
			url: 'http://couch.test',
			db: 'team',
			member,
			admin
		});
		expect(fromFake).toEqual(fromReal);
		// What the client relies on, spelled out once (the real server's answers).
		const status = Object.fromEntries(fromReal.map((step) => [step.label, step.status]));
		expect(status).toMatchObject({
			info: 200,
			'missing db': 404,
			'no credentials': 401,
			'wrong password': 401,
			'member creates a db': 401,
			'db exists': 412,
			'team doc': 201,
			'team doc without rev': 409,
			bulk_docs: 201,
			'longpoll idle': 200,
			'local put without rev': 409
		});
		const body = Object.fromEntries(fromReal.map((step) => [step.label, step.body]));
		expect(body['longpoll idle']).toEqual({ results: [], last_seq: 4 });
		expect(body['changes none']).toEqual({ results: [], last_seq: 4 });
		expect(body['longpoll woken']).toEqual({
			results: [{ id: 'c:def', changes: [{ rev: '1-dddd' }], seq: 5 }],
			last_seq: 5
		});
		expect(body['bulk_docs again']).toEqual([]);
		expect(body['revs_diff after']).toEqual({ 'c:abc': { missing: ['1-cccc'] } });
	});

	it('the test server keeps its data through a SIGKILL and a restart', async (ctx) => {
		if (real === null) return ctx.skip();
		const team = await real.createDatabase('crash', member);
		const put = await real.request(`/${team.name}/${encodeURIComponent('c:kept')}`, {
			method: 'PUT',
			body: JSON.stringify({ v: 1 })
		});
		expect(put.status).toBe(201);
		await real.kill();
		await expect(fetch(`${real.url}/`)).rejects.toThrow(TypeError);
		await real.restart();
		const kept = await real.allDocs(team.name);
		expect(kept).toHaveLength(1);
		expect(kept).toMatchObject([{ _id: 'c:kept', v: 1 }]);
	});

	it('the test server refuses a port that is already in use', async () => {
		const blocker = createServer();
		await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
		const address = blocker.address();
		const port = typeof address === 'object' && address !== null ? address.port : 0;
		try {
			await expect(startCouch({ port, dir: join(dir, 'taken') })).rejects.toThrow(
				`Port ${port} on 127.0.0.1 is already in use`
			);
		} finally {
			await new Promise<void>((resolve) => blocker.close(() => resolve()));
		}
	});
});
