// The fake CouchDB's own behaviour beyond the shared scenario (couch-parity.test.ts checks it
// answers as PouchDB Server does): long-poll waking, timing out and aborting, the injected
// faults, admin party, and document ids with ':' however they are encoded.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeCouch } from './fake-couch';

const URL_BASE = 'http://couch.test';
const AUTH = { authorization: `Basic ${Buffer.from('ann:pw').toString('base64')}` };

function setup() {
	const couch = createFakeCouch({ users: { ann: 'pw' } });
	couch.createDb('team');
	const call = (
		path: string,
		init: { method?: string; body?: unknown; signal?: AbortSignal } = {}
	) =>
		couch.fetch(`${URL_BASE}/team${path}`, {
			method: init.method ?? 'GET',
			headers: { ...AUTH, 'content-type': 'application/json' },
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
			signal: init.signal
		});
	const push = (docs: { _id: string; _rev: string }[]) =>
		call('/_bulk_docs', { method: 'POST', body: { new_edits: false, docs } });
	return { couch, call, push };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('long-poll', () => {
	it('answers at once when there are changes, and waits for the next write otherwise', async () => {
		const { call, push } = setup();
		await push([{ _id: 'c:1', _rev: '1-a' }]);
		const now = await call('/_changes?since=0&feed=longpoll&timeout=60000');
		expect(await now.json()).toMatchObject({ results: [{ id: 'c:1', seq: 1 }], last_seq: 1 });
		const waiting = call('/_changes?since=1&feed=longpoll&timeout=60000&include_docs=true');
		await push([{ _id: 'c:2', _rev: '1-b' }]);
		expect(await (await waiting).json()).toEqual({
			results: [{ id: 'c:2', changes: [{ rev: '1-b' }], doc: { _id: 'c:2', _rev: '1-b' }, seq: 2 }],
			last_seq: 2
		});
	});

	it('answers no results after its timeout', async () => {
		vi.useFakeTimers();
		const { call } = setup();
		const waiting = call('/_changes?since=0&feed=longpoll&timeout=1000');
		await vi.advanceTimersByTimeAsync(1000);
		expect(await (await waiting).json()).toEqual({ results: [], last_seq: 0 });
	});

	it('rejects with the abort reason when the caller aborts, as fetch does', async () => {
		const { call } = setup();
		const controller = new AbortController();
		const waiting = call('/_changes?since=0&feed=longpoll&timeout=60000', {
			signal: controller.signal
		});
		controller.abort();
		await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
	});
});

describe('faults', () => {
	it('offline: fetch rejects with a TypeError until back online', async () => {
		const { couch, call } = setup();
		couch.faults.offline(true);
		await expect(call('')).rejects.toThrow(TypeError);
		couch.faults.offline(false);
		expect((await call('')).status).toBe(200);
	});

	it('failNext: the next n requests answer that status, then it serves again', async () => {
		const { couch, call } = setup();
		couch.faults.failNext(2, 503);
		expect((await call('')).status).toBe(503);
		expect((await call('')).status).toBe(503);
		expect((await call('')).status).toBe(200);
	});

	it('killAfterBulkDocs: keeps the first k documents of the next push, then answers 500', async () => {
		const { couch, push } = setup();
		couch.faults.killAfterBulkDocs(1);
		const docs = [
			{ _id: 'c:1', _rev: '1-a' },
			{ _id: 'c:2', _rev: '1-b' }
		];
		expect((await push(docs)).status).toBe(500);
		expect(couch.docs('team').map((doc) => doc._id)).toEqual(['c:1']);
		expect(couch.seq('team')).toBe(1);
		// The retry stores the rest and duplicates nothing.
		expect((await push(docs)).status).toBe(201);
		expect(couch.docs('team').map((doc) => doc._id)).toEqual(['c:1', 'c:2']);
		expect(couch.seq('team')).toBe(2);
	});
});

describe('the fake CouchDB', () => {
	it('takes ids with ":" encoded or not', async () => {
		const { call } = setup();
		expect((await call('/tessera%3Ateam', { method: 'PUT', body: { n: 1 } })).status).toBe(201);
		expect(await (await call('/tessera:team')).json()).toMatchObject({ _id: 'tessera:team', n: 1 });
	});

	it('keeps the winning revision by CouchDB rule when a second one is pushed', async () => {
		const { couch, push } = setup();
		await push([{ _id: 'c:1', _rev: '1-b' }]);
		await push([{ _id: 'c:1', _rev: '1-a' }]);
		expect(couch.docs('team')).toEqual([{ _id: 'c:1', _rev: '1-b' }]);
	});

	it('is an admin party without users or admins, and logs the requests it saw', async () => {
		const couch = createFakeCouch();
		const created = await couch.fetch(`${URL_BASE}/fresh`, { method: 'PUT' });
		expect(created.status).toBe(201);
		expect((await couch.fetch(`${URL_BASE}/fresh`)).status).toBe(200);
		expect(couch.requests).toEqual(['PUT /fresh', 'GET /fresh']);
	});
});
