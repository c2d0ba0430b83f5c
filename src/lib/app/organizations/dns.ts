// O1: a domain's TXT records, looked up over DNS-over-HTTPS (the JSON API that Google's and
// Cloudflare's resolvers and most others answer: GET ?name=…&type=TXT with
// `accept: application/dns-json`). The resolver is a device setting; tests point it at a small
// local responder. Nothing here decides anything: the caller compares what was found.

export const DEFAULT_RESOLVER = 'https://cloudflare-dns.com/dns-query';

export type DnsAnswer =
	| { readonly kind: 'records'; readonly values: readonly string[] }
	/** The resolver could not be reached (offline, refused, timed out). */
	| { readonly kind: 'unreachable' }
	/** The resolver answered something that is not a DNS JSON answer. */
	| { readonly kind: 'bad-answer' };

/**
 * A resolver URL this app may call: https anywhere, or plain http on this machine only (a
 * development or test responder). Anything else is refused before a request is made.
 */
export function resolverUrl(text: string): URL | null {
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		return null;
	}
	if (url.username !== '' || url.password !== '') return null;
	if (url.protocol === 'https:') return url;
	const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
	return url.protocol === 'http:' && local ? url : null;
}

/** A TXT record's text: its quoted strings joined (`"ab" "cd"` is `abcd`), quotes removed. */
export function txtText(data: string): string {
	const parts = [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '');
	const joined = parts.length === 0 ? data : parts.join('');
	return joined.replace(/\\(.)/g, '$1');
}

const TXT = 16;
const MAX_ANSWER_BYTES = 64 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The TXT values in a DNS JSON answer, or null when it is not one. */
export function txtValues(body: unknown): string[] | null {
	if (!isRecord(body) || typeof body['Status'] !== 'number') return null;
	const answer = body['Answer'];
	if (answer === undefined) return [];
	if (!Array.isArray(answer)) return null;
	const out: string[] = [];
	for (const entry of answer) {
		if (!isRecord(entry)) return null;
		if (entry['type'] === TXT && typeof entry['data'] === 'string') {
			out.push(txtText(entry['data']));
		}
	}
	return out;
}

/** Looks up the domain's TXT records through the resolver (`fetch` injectable for tests). */
export async function lookUpTxt(
	resolver: URL,
	domain: string,
	fetcher: typeof fetch = fetch,
	timeoutMs = 10_000
): Promise<DnsAnswer> {
	const url = new URL(resolver);
	url.searchParams.set('name', domain);
	url.searchParams.set('type', 'TXT');
	let response: Response;
	try {
		response = await fetcher(url, {
			headers: { accept: 'application/dns-json' },
			signal: AbortSignal.timeout(timeoutMs),
			credentials: 'omit',
			referrerPolicy: 'no-referrer'
		});
	} catch {
		return { kind: 'unreachable' };
	}
	if (!response.ok) return { kind: 'bad-answer' };
	const text = await response.text().catch(() => null);
	if (text === null || text.length > MAX_ANSWER_BYTES) return { kind: 'bad-answer' };
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return { kind: 'bad-answer' };
	}
	const values = txtValues(body);
	return values === null ? { kind: 'bad-answer' } : { kind: 'records', values };
}
