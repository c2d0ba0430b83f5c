// Email domains for C5/C6/C13 (and O2 later): one normal form and the public-domain test.
// The maintained list of free mail providers (the `free-email-domains` package, ~14k entries,
// ~78 KB gzip) is NOT imported by the core, so importing the core never puts it into the first
// page load: the caller loads it (a dynamic `import()` in the app, a setup file in tests) and
// installs it with `usePublicDomains` before the first change is applied. Asking before that
// is a programming error and throws RulesNotReadyError, never a silent wrong answer.
import { RulesNotReadyError } from './errors';

const MAX_DOMAIN = 253;
const MAX_LABEL = 63;
const MAX_LOCAL = 64;
const MAX_EMAIL = 254;
// What may be left after IDNA: ASCII letters, digits and hyphens, in dot-separated labels.
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
// Characters URL parsing would treat as structure (path, port, userinfo …) rather than host.
const NOT_HOST = /[\s/\\?#@:%[\]<>^|"`{}]/u;
const LOCAL = /^[^\s@<>()[\]\\,;:"]+$/u;

/**
 * Lower-case, trim, strip one trailing dot, IDNA → punycode (via the URL host parser).
 * Returns null for anything that is not a plain DNS name with at least two labels.
 * Subdomains stay distinct: `mail.acme.com` is not `acme.com`.
 */
export function normaliseDomain(input: string): string | null {
	let d = input.trim().toLowerCase();
	if (d.endsWith('.')) d = d.slice(0, -1);
	if (d === '' || NOT_HOST.test(d)) return null;
	let host: string;
	try {
		host = new URL(`http://${d}`).hostname;
	} catch {
		return null;
	}
	if (host.length > MAX_DOMAIN) return null;
	const labels = host.split('.');
	if (labels.length < 2) return null;
	for (const label of labels) {
		if (label.length > MAX_LABEL || !LABEL.test(label)) return null;
	}
	// A numeric last label means URL read it as an IPv4 address, which is not a mail domain.
	const tld = labels[labels.length - 1] ?? '';
	if (/^[0-9]+$/.test(tld)) return null;
	return host;
}

export interface NormalisedEmail {
	/** As typed, trimmed: what the UI shows and mail is addressed to. */
	readonly email: string;
	/** Lower-cased local part @ normalised domain: the uniqueness key (accounts, mailboxes). */
	readonly key: string;
	readonly domain: string;
}

/** Splits at the last '@'; returns null when the address is not usable. */
export function normaliseEmail(input: string): NormalisedEmail | null {
	const email = input.trim();
	if (email.length === 0 || email.length > MAX_EMAIL) return null;
	const at = email.lastIndexOf('@');
	if (at <= 0) return null;
	const local = email.slice(0, at);
	if (local.length > MAX_LOCAL || !LOCAL.test(local)) return null;
	const domain = normaliseDomain(email.slice(at + 1));
	if (domain === null) return null;
	return { email, key: `${local.toLowerCase()}@${domain}`, domain };
}

/** The normalised domain of an email address, or null when the address is invalid. */
export function emailDomain(email: string): string | null {
	return normaliseEmail(email)?.domain ?? null;
}

let installed: { readonly list: readonly string[]; readonly set: ReadonlySet<string> } | undefined;

/**
 * Installs the maintained public-domain list (C5). The Set is built here, once per list:
 * installing the same array again is free; a different array replaces the previous one.
 */
export function usePublicDomains(list: readonly string[]): void {
	if (installed?.list === list) return;
	installed = { list, set: new Set(list.map((d) => d.trim().toLowerCase())) };
}

/** Whether `usePublicDomains` has run, so the app can wait for it before applying changes. */
export function publicDomainsLoaded(): boolean {
	return installed !== undefined;
}

/**
 * True only on an exact match with the maintained list, after normalisation. Throws
 * RulesNotReadyError when no list was installed: answering "not public" then would let C5
 * promote across gmail.com.
 */
export function isPublicDomain(domain: string): boolean {
	if (installed === undefined) throw new RulesNotReadyError('the public email domain list');
	const d = normaliseDomain(domain);
	return d !== null && installed.set.has(d);
}
