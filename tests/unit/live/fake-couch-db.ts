// One database of the fake CouchDB (fake-couch.ts): documents, their revisions, the update
// sequence and `_local` documents, with the semantics observed from PouchDB Server 4.2.0 (and
// CouchDB 3) for the subset live sync uses. One leaf per document: `new_edits: false` with a
// second revision keeps the winner by CouchDB's rule (longer history, then the greater hash),
// which is all a log of immutable change documents ever meets.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type CouchDoc = JsonObject & { _id: string; _rev: string };

export interface Change {
	id: string;
	changes: { rev: string }[];
	doc?: CouchDoc;
	seq: number;
}

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function revPosition(rev: string): number {
	return Number(rev.split('-')[0]);
}

/** CouchDB's winner between two leaves: the longer history, then the greater hash. */
function wins(rev: string, over: string): boolean {
	const a = revPosition(rev);
	const b = revPosition(over);
	return a !== b ? a > b : rev > over;
}

export class FakeDatabase {
	private readonly docs = new Map<string, { doc: CouchDoc; seq: number; revs: Set<string> }>();
	private readonly locals = new Map<string, CouchDoc>();
	private readonly waiters = new Set<() => void>();
	updateSeq = 0;
	private hashes = 0;

	constructor(readonly name: string) {}

	/** A fresh revision hash: 32 hex digits, as CouchDB's MD5 ones look. */
	private nextHash(): string {
		this.hashes += 1;
		return this.hashes.toString(16).padStart(32, '0');
	}

	private store(doc: CouchDoc): void {
		const known = this.docs.get(doc._id);
		const revs = known?.revs ?? new Set<string>();
		revs.add(doc._rev);
		this.updateSeq += 1;
		const winner = known === undefined || wins(doc._rev, known.doc._rev) ? doc : known.doc;
		this.docs.set(doc._id, { doc: winner, seq: this.updateSeq, revs });
		for (const wake of [...this.waiters]) wake();
	}

	get(id: string): CouchDoc | undefined {
		return this.docs.get(id)?.doc;
	}

	/** PUT with CouchDB's edit rule: without the current `_rev` an existing doc is a conflict. */
	put(id: string, body: JsonObject): { ok: true; rev: string } | { ok: false } {
		const current = this.docs.get(id)?.doc;
		const given = typeof body._rev === 'string' ? body._rev : undefined;
		if (given !== current?._rev) return { ok: false };
		const position = current === undefined ? 1 : revPosition(current._rev) + 1;
		const rev = `${position}-${this.nextHash()}`;
		this.store({ ...body, _id: id, _rev: rev });
		return { ok: true, rev };
	}

	/** `new_edits: false`: stores each revision as given; one already known is ignored. */
	putReplicated(doc: CouchDoc): void {
		if (this.docs.get(doc._id)?.revs.has(doc._rev)) return;
		this.store(doc);
	}

	/** `_revs_diff`: the revisions this database lacks, for ids that lack any. */
	revsDiff(asked: Record<string, string[]>): Record<string, { missing: string[] }> {
		const out: Record<string, { missing: string[] }> = {};
		for (const [id, revs] of Object.entries(asked)) {
			const known = this.docs.get(id)?.revs;
			const missing = revs.filter((rev) => !known?.has(rev));
			if (missing.length > 0) out[id] = { missing };
		}
		return out;
	}

	/** `_changes` (normal feed): each document once, at its latest sequence, in order. */
	changes(
		since: number,
		limit: number,
		includeDocs: boolean
	): { results: Change[]; last_seq: number } {
		const rows = [...this.docs.values()]
			.filter((row) => row.seq > since)
			.sort((a, b) => a.seq - b.seq)
			.slice(0, limit);
		const results = rows.map(({ doc, seq }) => ({
			id: doc._id,
			changes: [{ rev: doc._rev }],
			...(includeDocs ? { doc } : {}),
			seq
		}));
		return { results, last_seq: results.at(-1)?.seq ?? this.updateSeq };
	}

	/** Resolves at the next write, or after `ms`, or when `signal` aborts (false then). */
	waitForWrite(ms: number, signal: AbortSignal | null): Promise<boolean> {
		return new Promise((resolve) => {
			const done = (woken: boolean) => {
				clearTimeout(timer);
				this.waiters.delete(wake);
				signal?.removeEventListener('abort', abort);
				resolve(woken);
			};
			const wake = () => done(true);
			const abort = () => done(false);
			const timer = setTimeout(() => done(false), ms);
			this.waiters.add(wake);
			signal?.addEventListener('abort', abort);
		});
	}

	allDocs(): CouchDoc[] {
		return [...this.docs.keys()].sort().flatMap((id) => this.docs.get(id)?.doc ?? []);
	}

	getLocal(id: string): CouchDoc | undefined {
		return this.locals.get(id);
	}

	/** `_local` docs: revisions 0-1, 0-2, …; the current `_rev` is needed to overwrite one. */
	putLocal(id: string, body: JsonObject): { ok: true; rev: string } | { ok: false } {
		const current = this.locals.get(id);
		const given = typeof body._rev === 'string' ? body._rev : undefined;
		if (current !== undefined && given !== current._rev) return { ok: false };
		const rev = `0-${current === undefined ? 1 : Number(current._rev.split('-')[1]) + 1}`;
		this.locals.set(id, { ...body, _id: `_local/${id}`, _rev: rev });
		return { ok: true, rev };
	}
}
