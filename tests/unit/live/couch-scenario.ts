// One small replication scenario as raw HTTP, run by couch-parity.test.ts against both the
// fake CouchDB and a real PouchDB Server: every request's status and body, with what differs
// by nature between servers (generated revision hashes, storage details) normalized away.

export interface Target {
	fetch: typeof fetch;
	url: string;
	db: string;
	member: { username: string; password: string };
	admin: { username: string; password: string };
}

export interface Step {
	label: string;
	status: number;
	body: unknown;
}

const DB_INFO_KEYS = ['db_name', 'doc_count', 'update_seq'];

function basic(username: string, password: string): string {
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Generated revisions `N-<32 hex>` become `N-*`; db info keeps the keys both servers give. */
export function normalize(value: unknown, key = ''): unknown {
	if (typeof value === 'string') return value.replace(/^(\d+)-[0-9a-f]{32}$/, '$1-*');
	if (Array.isArray(value)) return value.map((item) => normalize(item));
	if (typeof value !== 'object' || value === null) return value;
	const entries = Object.entries(value);
	const isInfo = key.startsWith('info');
	return Object.fromEntries(
		entries
			.filter(([k]) => !isInfo || DB_INFO_KEYS.includes(k))
			.map(([k, v]) => [k, normalize(v, k)])
	);
}

export async function runScenario(target: Target): Promise<Step[]> {
	const steps: Step[] = [];
	const member = basic(target.member.username, target.member.password);
	const at = (path: string) => `${target.url}/${path}`;
	const db = (path = '') => at(`${target.db}${path}`);
	const id = (docId: string) => `/${encodeURIComponent(docId)}`;

	async function send(
		label: string,
		url: string,
		init: { method?: string; body?: unknown; auth?: string | null } = {}
	): Promise<unknown> {
		const slot = steps.push({ label, status: 0, body: null }) - 1; // in the order sent
		const headers: Record<string, string> = {};
		const auth = init.auth === undefined ? member : init.auth;
		if (auth !== null) headers.authorization = auth;
		if (init.body !== undefined) headers['content-type'] = 'application/json';
		const body = init.body === undefined ? undefined : JSON.stringify(init.body);
		const res = await target.fetch(url, { method: init.method ?? 'GET', headers, body });
		const parsed: unknown = await res.json();
		steps[slot] = { label, status: res.status, body: normalize(parsed, label) };
		return parsed;
	}

	const bulk = (docs: unknown[]) => ({ new_edits: false, docs });
	await send('info', db());
	await send('missing db', at('nowhere'));
	await send('no credentials', db(), { auth: null });
	await send('wrong password', db(), { auth: basic(target.member.username, 'wrong') });
	await send('member creates a db', at('another'), { method: 'PUT' });
	const admin = basic(target.admin.username, target.admin.password);
	await send('db exists', db(), { method: 'PUT', auth: admin });
	await send('missing doc', db(id('c:nothing')));
	await send('team doc', db(id('tessera:team')), { method: 'PUT', body: { name: 'North' } });
	await send('team doc without rev', db(id('tessera:team')), {
		method: 'PUT',
		body: { name: 'N' }
	});
	const team = await send('read team doc', db(id('tessera:team')));
	const rev = typeof team === 'object' && team !== null && '_rev' in team ? team._rev : null;
	await send('team doc with rev', db(id('tessera:team')), {
		method: 'PUT',
		body: { name: 'South', _rev: rev }
	});
	const diff = { 'c:abc': ['1-aaaa'], 's:dev:abc': ['1-bbbb'] };
	await send('revs_diff', db('/_revs_diff'), { method: 'POST', body: diff });
	const docs = [
		{ _id: 'c:abc', _rev: '1-aaaa', v: 1 },
		{ _id: 's:dev:abc', _rev: '1-bbbb', v: 2 }
	];
	await send('bulk_docs', db('/_bulk_docs'), { method: 'POST', body: bulk(docs) });
	const again = [{ _id: 'c:abc', _rev: '1-aaaa', v: 99 }];
	await send('bulk_docs again', db('/_bulk_docs'), { method: 'POST', body: bulk(again) });
	const diff2 = { 'c:abc': ['1-aaaa', '1-cccc'], 's:dev:abc': ['1-bbbb'] };
	await send('revs_diff after', db('/_revs_diff'), { method: 'POST', body: diff2 });
	await send('changes', db('/_changes?since=0&include_docs=true'));
	await send('changes limit', db('/_changes?since=0&limit=1&include_docs=true'));
	await send('changes none', db('/_changes?since=4'));
	await send('longpoll idle', db('/_changes?since=4&feed=longpoll&timeout=300'));
	const waiting = send('longpoll woken', db('/_changes?since=4&feed=longpoll&timeout=20000'));
	await new Promise((later) => setTimeout(later, 200));
	const late = [{ _id: 'c:def', _rev: '1-dddd', v: 3 }];
	await send('bulk_docs late', db('/_bulk_docs'), { method: 'POST', body: bulk(late) });
	await waiting;
	await send('local missing', db('/_local/cp%3Adev1'));
	await send('local put', db('/_local/cp%3Adev1'), { method: 'PUT', body: { seq: 4 } });
	await send('local put without rev', db('/_local/cp%3Adev1'), { method: 'PUT', body: { s: 5 } });
	await send('local read', db('/_local/cp%3Adev1'));
	const next = { seq: 5, _rev: '0-1' };
	await send('local put with rev', db('/_local/cp%3Adev1'), { method: 'PUT', body: next });
	await send('all_docs', db('/_all_docs?include_docs=true'), { auth: admin });
	await send('info after', db());
	return steps;
}
