// S10: the part of CouchDB's replication protocol Tessera speaks, over `fetch` (no second copy
// of the log in another database: docs/decisions.md). Every answer is checked before it is
// used: a server is trusted no more than a file. Failures come back as codes, never thrown.
import { err, ok } from '$lib/core';
import type { Result } from '$lib/core';
import { z } from '$lib/sync/schema-base';

export interface ServerConfig {
	/** The server's base URL, e.g. https://couch.example.com */
	readonly url: string;
	readonly database: string;
	readonly username: string;
	readonly password: string;
}

export type CouchProblem =
	| { readonly code: 'bad-url' }
	/** The network is down or the server does not answer. */
	| { readonly code: 'offline' }
	| { readonly code: 'unauthorized' }
	| { readonly code: 'forbidden' }
	| { readonly code: 'no-database' }
	| { readonly code: 'server'; readonly status: number }
	/** The server answered something that is not what the protocol says. */
	| { readonly code: 'bad-response' }
	| { readonly code: 'aborted' };

export type CouchResult<T> = Result<T, CouchProblem>;

const ChangesSchema = z.object({
	results: z.array(
		z.object({
			id: z.string(),
			seq: z.union([z.string(), z.number()]),
			deleted: z.boolean().optional(),
			doc: z.unknown().optional()
		})
	),
	last_seq: z.union([z.string(), z.number()]),
	pending: z.number().optional()
});
const RevsDiffSchema = z.record(z.string(), z.object({ missing: z.array(z.string()).optional() }));
const DbInfoSchema = z.object({
	db_name: z.string().optional(),
	doc_count: z.number().optional(),
	update_seq: z.union([z.string(), z.number()]).optional()
});

export type Seq = string | number;
export type ChangesPage = z.output<typeof ChangesSchema>;

/** The database's URL, or null when the settings do not make one. */
export function databaseUrl(config: Pick<ServerConfig, 'url' | 'database'>): URL | null {
	let base: URL;
	try {
		base = new URL(config.url);
	} catch {
		return null;
	}
	if (base.protocol !== 'https:' && base.protocol !== 'http:') return null;
	// CouchDB's database names: lower case, starting with a letter.
	if (!/^[a-z][a-z0-9_$()+/-]{0,237}$/.test(config.database)) return null;
	const path = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
	return new URL(`${path}${encodeURIComponent(config.database)}/`, base);
}

function basic(username: string, password: string): string {
	const bytes = new TextEncoder().encode(`${username}:${password}`);
	let text = '';
	for (const byte of bytes) text += String.fromCharCode(byte);
	return `Basic ${btoa(text)}`;
}

export class CouchClient {
	readonly #db: URL;
	readonly #auth: string | null;
	readonly #fetch: typeof fetch;

	private constructor(db: URL, config: ServerConfig, fetcher: typeof fetch) {
		this.#db = db;
		this.#auth = config.username === '' ? null : basic(config.username, config.password);
		this.#fetch = fetcher;
	}

	static create(config: ServerConfig, fetcher: typeof fetch): CouchResult<CouchClient> {
		const db = databaseUrl(config);
		return db === null ? err({ code: 'bad-url' }) : ok(new CouchClient(db, config, fetcher));
	}

	async #request(
		path: string,
		init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
		accept: readonly number[] = []
	): Promise<CouchResult<{ status: number; body: unknown }>> {
		const headers: Record<string, string> = { Accept: 'application/json' };
		if (this.#auth !== null) headers.Authorization = this.#auth;
		if (init.body !== undefined) headers['Content-Type'] = 'application/json';
		let response: Response;
		try {
			response = await this.#fetch(new URL(path, this.#db), {
				method: init.method ?? 'GET',
				headers,
				credentials: 'omit',
				cache: 'no-store',
				...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
				...(init.signal ? { signal: init.signal } : {})
			});
		} catch {
			return err(init.signal?.aborted === true ? { code: 'aborted' } : { code: 'offline' });
		}
		let text: string;
		try {
			text = await response.text();
		} catch {
			// The connection broke while the body came (or the wait was cut short).
			return err(init.signal?.aborted === true ? { code: 'aborted' } : { code: 'offline' });
		}
		let body: unknown;
		try {
			body = JSON.parse(text);
		} catch {
			body = undefined;
		}
		const status = response.status;
		if (status === 401) return err({ code: 'unauthorized' });
		if (status === 403) return err({ code: 'forbidden' });
		if (response.ok || accept.includes(status)) {
			return body === undefined ? err({ code: 'bad-response' }) : ok({ status, body });
		}
		if (status === 404) return err({ code: 'no-database' });
		return err({ code: 'server', status });
	}

	/** The database exists and these credentials may read it. */
	async info(): Promise<CouchResult<{ updateSeq: Seq | null }>> {
		const answer = await this.#request('');
		if (!answer.ok) return answer;
		const parsed = DbInfoSchema.safeParse(answer.value.body);
		if (!parsed.success) return err({ code: 'bad-response' });
		return ok({ updateSeq: parsed.data.update_seq ?? null });
	}

	/** One document, or null when there is none. */
	async get(id: string): Promise<CouchResult<unknown>> {
		const answer = await this.#request(encodeURIComponent(id), {}, [404]);
		if (!answer.ok) return answer;
		return ok(answer.value.status === 404 ? null : answer.value.body);
	}

	/** Creates a document; 'exists' when another device made it first. */
	async create(id: string, doc: object): Promise<CouchResult<'created' | 'exists'>> {
		const answer = await this.#request(encodeURIComponent(id), { method: 'PUT', body: doc }, [409]);
		if (!answer.ok) return answer;
		return ok(answer.value.status === 409 ? 'exists' : 'created');
	}

	/** The replication protocol's revs diff: which of these revisions the server lacks. */
	async missing(revs: ReadonlyMap<string, string>): Promise<CouchResult<Set<string>>> {
		const body: Record<string, string[]> = {};
		for (const [id, rev] of revs) body[id] = [rev];
		const answer = await this.#request('_revs_diff', { method: 'POST', body });
		if (!answer.ok) return answer;
		const parsed = RevsDiffSchema.safeParse(answer.value.body);
		if (!parsed.success) return err({ code: 'bad-response' });
		const lacking = new Set<string>();
		for (const [id, entry] of Object.entries(parsed.data)) {
			if ((entry.missing ?? []).length > 0) lacking.add(id);
		}
		return ok(lacking);
	}

	/** Writes documents with their own revisions (`new_edits: false`): repeating it is a no-op. */
	async write(docs: readonly object[]): Promise<CouchResult<null>> {
		const answer = await this.#request('_bulk_docs', {
			method: 'POST',
			body: { new_edits: false, docs }
		});
		return answer.ok ? ok(null) : answer;
	}

	/** `_changes` since a checkpoint, with the documents; long-polls when `wait` is given. */
	async changes(
		since: Seq,
		limit: number,
		options: { readonly wait?: number; readonly signal?: AbortSignal } = {}
	): Promise<CouchResult<ChangesPage>> {
		const query = new URLSearchParams({
			since: String(since),
			limit: String(limit),
			include_docs: 'true'
		});
		if (options.wait !== undefined) {
			query.set('feed', 'longpoll');
			query.set('timeout', String(options.wait));
		}
		const answer = await this.#request(
			`_changes?${query.toString()}`,
			options.signal ? { signal: options.signal } : {}
		);
		if (!answer.ok) return answer;
		const parsed = ChangesSchema.safeParse(answer.value.body);
		return parsed.success ? ok(parsed.data) : err({ code: 'bad-response' });
	}
}
