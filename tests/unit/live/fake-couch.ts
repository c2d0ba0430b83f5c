// An in-memory CouchDB for unit tests of live sync: a `fetch` that answers the subset of
// CouchDB's HTTP API the client speaks, with real Response objects, the statuses and body
// shapes seen from PouchDB Server 4.2.0 (fake-couch.test.ts runs the same requests against
// both), and faults to inject: offline (fetch rejects with a TypeError, as a network failure
// does), the next n requests failing with a status, and a `_bulk_docs` that stores only its
// first k documents and then answers 500 (a crash mid-push).
//
// Auth: with neither `users` nor `admins`, everyone is admin ("admin party"). Otherwise Basic
// credentials are checked on every request that carries them (wrong → 401); `users` are
// members of every database, `admins` may also create databases; a database request without
// credentials, or from someone else, is 401 as PouchDB Server answers it (CouchDB 3 answers
// 403 to a signed-in non-member).
import { FakeDatabase, isObject } from './fake-couch-db';
import type { CouchDoc, Json, JsonObject } from './fake-couch-db';

export type { CouchDoc } from './fake-couch-db';

export interface FakeCouchOptions {
	users?: Record<string, string>;
	admins?: Record<string, string>;
}

export interface FakeCouch {
	fetch: typeof fetch;
	/** Every document of a database (winning revisions, by id), `_local` ones excluded. */
	docs(db: string): CouchDoc[];
	/** A database's update sequence (0 for none). */
	seq(db: string): number;
	/** Creates a database as an admin would (no-op when it exists). */
	createDb(db: string): void;
	/** How many requests reached it, by "METHOD /path" (query left out). */
	requests: string[];
	faults: {
		offline(on: boolean): void;
		failNext(n: number, status: number): void;
		killAfterBulkDocs(k: number): void;
	};
}

const DEFAULT_LONGPOLL_MS = 60_000;

function respond(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json' }
	});
}

function error(status: number, name: string, reason: string): Response {
	return respond(status, { error: name, reason });
}

const NOT_AUTHORIZED = () =>
	error(401, 'unauthorized', 'You are not authorized to access this db.');

/** Basic credentials from the request: absent, or name and password. */
function credentials(request: Request): { name: string; password: string } | null {
	const match = /^Basic\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
	if (!match?.[1]) return null;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return null;
	return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

async function jsonBody(request: Request): Promise<JsonObject | null> {
	try {
		const parsed: unknown = JSON.parse(await request.text());
		return isObject(parsed) ? parsed : null;
	} catch {
		return null;
	}
}

function isDoc(value: Json): value is CouchDoc {
	return isObject(value) && typeof value._id === 'string' && typeof value._rev === 'string';
}

function revLists(body: JsonObject): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [id, revs] of Object.entries(body)) {
		if (Array.isArray(revs)) out[id] = revs.filter((rev) => typeof rev === 'string');
	}
	return out;
}

export function createFakeCouch(options: FakeCouchOptions = {}): FakeCouch {
	const dbs = new Map<string, FakeDatabase>();
	const users = options.users ?? {};
	const admins = options.admins ?? {};
	const adminParty = options.users === undefined && options.admins === undefined;
	const requests: string[] = [];
	let offline = false;
	let failing = { count: 0, status: 500 };
	let bulkLimit: number | null = null;

	function createDb(name: string): FakeDatabase {
		const known = dbs.get(name);
		if (known) return known;
		const db = new FakeDatabase(name);
		dbs.set(name, db);
		return db;
	}

	/** Who is asking: 'admin', 'member', 'anonymous', or a 401 for wrong credentials. */
	function identify(request: Request): 'admin' | 'member' | 'anonymous' | Response {
		if (adminParty) return 'admin';
		const given = credentials(request);
		if (given === null) return 'anonymous';
		if (admins[given.name] === given.password) return 'admin';
		if (users[given.name] === given.password) return 'member';
		return error(401, 'unauthorized', 'Name or password is incorrect.');
	}

	async function changes(db: FakeDatabase, url: URL, signal: AbortSignal | null) {
		const q = url.searchParams;
		const since = Number(q.get('since') ?? 0) || 0;
		const limit = q.has('limit') ? Math.max(1, Number(q.get('limit'))) : Infinity;
		const includeDocs = q.get('include_docs') === 'true';
		let result = db.changes(since, limit, includeDocs);
		if (q.get('feed') === 'longpoll' && result.results.length === 0) {
			const asked = Number(q.get('timeout') ?? DEFAULT_LONGPOLL_MS);
			const timeout = Number.isFinite(asked) && asked >= 0 ? asked : DEFAULT_LONGPOLL_MS;
			const woken = await db.waitForWrite(timeout, signal);
			signal?.throwIfAborted();
			result = woken ? db.changes(since, limit, includeDocs) : { results: [], last_seq: since };
		}
		return respond(200, { results: result.results, last_seq: result.last_seq });
	}

	async function bulkDocs(db: FakeDatabase, request: Request): Promise<Response> {
		const body = await jsonBody(request);
		if (body === null || !Array.isArray(body.docs)) return error(400, 'bad_request', 'docs');
		if (body.new_edits !== false) {
			return error(400, 'bad_request', 'The fake CouchDB takes new_edits: false only.');
		}
		const docs = body.docs.filter(isDoc);
		const limit = bulkLimit;
		bulkLimit = null;
		for (const [index, doc] of docs.entries()) {
			if (limit !== null && index >= limit) {
				return error(500, 'internal_server_error', 'The fake CouchDB crashed mid-push.');
			}
			db.putReplicated(doc);
		}
		return respond(201, []);
	}

	async function onDatabase(request: Request, url: URL, parts: string[], db: FakeDatabase) {
		const [, first, second] = parts;
		const method = request.method;
		if (first === undefined) {
			const info = { db_name: db.name, doc_count: db.allDocs().length, update_seq: db.updateSeq };
			return respond(200, info);
		}
		if (first === '_changes' && method === 'GET') return changes(db, url, request.signal);
		if (first === '_bulk_docs' && method === 'POST') return bulkDocs(db, request);
		if (first === '_revs_diff' && method === 'POST') {
			const body = await jsonBody(request);
			return body === null
				? error(400, 'bad_request', 'body')
				: respond(200, db.revsDiff(revLists(body)));
		}
		if (first === '_all_docs' && method === 'GET') {
			const docs = db.allDocs();
			const withDocs = url.searchParams.get('include_docs') === 'true';
			const rows = docs.map((doc) => ({
				id: doc._id,
				key: doc._id,
				value: { rev: doc._rev },
				...(withDocs ? { doc } : {})
			}));
			return respond(200, { total_rows: docs.length, offset: 0, rows });
		}
		const local = first === '_local';
		const id = local ? second : first;
		if (id === undefined || (!local && id.startsWith('_'))) {
			return error(400, 'bad_request', 'Only reserved document ids may start with underscore.');
		}
		if (method === 'GET') {
			const doc = local ? db.getLocal(id) : db.get(id);
			return doc ? respond(200, doc) : error(404, 'not_found', 'missing');
		}
		if (method === 'PUT') {
			const body = await jsonBody(request);
			if (body === null) return error(400, 'bad_request', 'invalid UTF-8 JSON');
			const written = local ? db.putLocal(id, body) : db.put(id, body);
			if (!written.ok) return error(409, 'conflict', 'Document update conflict');
			return respond(201, { ok: true, id: local ? `_local/${id}` : id, rev: written.rev });
		}
		return error(405, 'method_not_allowed', `${method} is not supported by the fake CouchDB.`);
	}

	async function handle(request: Request): Promise<Response> {
		const url = new URL(request.url);
		const parts = url.pathname
			.split('/')
			.slice(1)
			.filter((part, i) => i === 0 || part !== '');
		const names = parts.map((part) => decodeURIComponent(part));
		const who = identify(request);
		if (who instanceof Response) return who;
		const [dbName] = names;
		if (!dbName)
			return respond(200, { couchdb: 'Welcome', version: '3-fake', vendor: { name: 'fake' } });
		const db = dbs.get(dbName);
		if (names.length === 1 && request.method === 'PUT') {
			if (who !== 'admin') return error(401, 'unauthorized', 'You are not a server admin.');
			if (db) return error(412, 'file_exists', 'The database could not be created.');
			createDb(dbName);
			return respond(201, { ok: true });
		}
		if (!db) return error(404, 'not_found', 'no_db_file');
		if (who === 'anonymous') return NOT_AUTHORIZED();
		return onDatabase(request, url, names, db);
	}

	const fakeFetch: typeof fetch = async (input, init) => {
		const request = new Request(input, init);
		requests.push(`${request.method} ${new URL(request.url).pathname}`);
		if (offline) throw new TypeError('Failed to fetch');
		request.signal.throwIfAborted();
		if (failing.count > 0) {
			failing = { ...failing, count: failing.count - 1 };
			return error(failing.status, 'fake_fault', 'A fault injected by the test.');
		}
		return handle(request);
	};

	return {
		fetch: fakeFetch,
		docs: (db) => dbs.get(db)?.allDocs() ?? [],
		seq: (db) => dbs.get(db)?.updateSeq ?? 0,
		createDb: (db) => void createDb(db),
		requests,
		faults: {
			offline: (on) => void (offline = on),
			failNext: (n, status) => void (failing = { count: n, status }),
			killAfterBulkDocs: (k) => void (bulkLimit = k)
		}
	};
}
