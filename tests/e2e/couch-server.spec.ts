/**
 * The live-sync test server as the app's page sees it: from the built app's origin, with an
 * Authorization header and credentials, the browser passes CORS (preflight included) against
 * the PouchDB Server the fixture started; a document written there reads back, `_changes`
 * long-poll returns it (and, with nothing new, answers after its `timeout` as CouchDB does),
 * and a wrong password, no credentials or a user who is not a member get 401.
 */
import { expect, test } from './fixtures/couch';

interface Probe {
	url: string;
	db: string;
	auth: string;
	wrongAuth: string;
	outsiderAuth: string;
}

function basic(username: string, password: string): string {
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

test('the app page reaches the couch server through CORS with credentials', async ({
	page,
	couch
}) => {
	const team = await couch.db('cors');
	const other = await couch.db('other');
	await page.goto('/');
	const probe: Probe = {
		url: team.url,
		db: team.name,
		auth: basic(team.username, team.password),
		wrongAuth: basic(team.username, `${team.password}-wrong`),
		outsiderAuth: basic(other.username, other.password)
	};
	const seen = await page.evaluate(async ({ url, db, auth, wrongAuth, outsiderAuth }) => {
		const at = (path: string) => `${url}/${db}${path}`;
		const call = (path: string, init: RequestInit = {}, authorization: string | null = auth) =>
			fetch(at(path), {
				...init,
				credentials: 'include',
				headers: {
					...(authorization === null ? {} : { authorization }),
					...(init.body === undefined ? {} : { 'content-type': 'application/json' })
				}
			});
		const json = (res: Response): Promise<unknown> => res.json();
		const lastSeq = (body: unknown): unknown =>
			typeof body === 'object' && body !== null && 'last_seq' in body ? body.last_seq : null;
		const id = encodeURIComponent('c:abc');
		const put = await call(`/${id}`, { method: 'PUT', body: JSON.stringify({ v: 1 }) });
		const get = await call(`/${id}`);
		const first = await call('/_changes?since=0&include_docs=true&feed=longpoll&timeout=5000');
		const firstBody = await json(first);
		const since = String(lastSeq(firstBody));
		const started = performance.now();
		const idle = await call(`/_changes?since=${since}&include_docs=true&feed=longpoll&timeout=500`);
		const idleBody = await json(idle);
		const idleMs = performance.now() - started;
		const waiting = call(`/_changes?since=${since}&include_docs=true&feed=longpoll&timeout=30000`);
		const bulk = await call('/_bulk_docs', {
			method: 'POST',
			body: JSON.stringify({ new_edits: false, docs: [{ _id: 's:dev:x', _rev: '1-ab', v: 2 }] })
		});
		const woken = await json(await waiting);
		return {
			put: put.status,
			get: { status: get.status, body: await json(get) },
			first: { status: first.status, body: firstBody },
			idle: { status: idle.status, body: idleBody, ms: idleMs },
			bulk: { status: bulk.status, body: await json(bulk) },
			woken,
			wrong: (await call('', {}, wrongAuth)).status,
			none: (await call('', {}, null)).status,
			outsider: (await call('', {}, outsiderAuth)).status
		};
	}, probe);

	expect(seen.put).toBe(201);
	expect(seen.get).toEqual({ status: 200, body: { _id: 'c:abc', _rev: expect.any(String), v: 1 } });
	expect(seen.first).toMatchObject({
		status: 200,
		body: { results: [{ id: 'c:abc' }], last_seq: 1 }
	});
	expect(seen.idle.status).toBe(200);
	expect(seen.idle.body).toEqual({ results: [], last_seq: 1 });
	expect(seen.idle.ms).toBeGreaterThanOrEqual(400);
	expect(seen.bulk).toEqual({ status: 201, body: [] });
	expect(seen.woken).toEqual({
		results: [
			{
				id: 's:dev:x',
				seq: 2,
				changes: [{ rev: '1-ab' }],
				doc: { _id: 's:dev:x', _rev: '1-ab', v: 2 }
			}
		],
		last_seq: 2
	});
	// PouchDB Server answers 401 to all three (CouchDB 3 answers 403 to a signed-in non-member).
	expect(seen.wrong).toBe(401);
	expect(seen.none).toBe(401);
	expect(seen.outsider).toBe(401);

	const stored = await couch.docs(team.name);
	expect(stored).toEqual([
		{ _id: 'c:abc', _rev: expect.any(String), v: 1 },
		{ _id: 's:dev:x', _rev: '1-ab', v: 2 }
	]);
});
