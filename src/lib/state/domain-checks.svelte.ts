// O1: DNS checks of pending domains on this device. The resolver is a device setting (kept in
// localStorage, not a change); a check asked for while offline waits in a small queue (also in
// localStorage, so it survives a reload) and runs when the browser is online again, through the
// same `perform` as a click.
import { organizationId } from '$lib/core';
import type { OrganizationId } from '$lib/core';
import { DEFAULT_RESOLVER, resolverUrl } from '$lib/app/organizations/dns';
import { organizationProblemWords, waitingWords } from '$lib/ui/organization-command-words';
import { perform } from './perform.svelte';
import { status } from './status.svelte';

const RESOLVER_KEY = 'tessera.dns.resolver';
const QUEUE_KEY = 'tessera.dns.waiting';

export interface WaitingCheck {
	readonly organizationId: OrganizationId;
	readonly domain: string;
}

function readQueue(storage: Storage): WaitingCheck[] {
	try {
		const parsed: unknown = JSON.parse(storage.getItem(QUEUE_KEY) ?? '[]');
		if (!Array.isArray(parsed)) return [];
		return parsed.flatMap((x: unknown) => {
			if (typeof x !== 'object' || x === null) return [];
			const o = 'organizationId' in x ? x.organizationId : null;
			const d = 'domain' in x ? x.domain : null;
			if (typeof o !== 'string' || typeof d !== 'string') return [];
			return [{ organizationId: organizationId(o), domain: d }];
		});
	} catch {
		return [];
	}
}

class DomainChecks {
	resolver = $state(DEFAULT_RESOLVER);
	waiting = $state<readonly WaitingCheck[]>([]);
	#storage: Storage | null = null;
	#running = false;

	/** Reads the setting and the queue; runs the queue at once when online. */
	start(target: Window = window): () => void {
		this.#storage = target.localStorage;
		this.resolver = this.#storage.getItem(RESOLVER_KEY) ?? DEFAULT_RESOLVER;
		this.waiting = readQueue(this.#storage);
		const online = (): void => void this.runWaiting();
		target.addEventListener('online', online);
		if (target.navigator.onLine) online();
		return () => target.removeEventListener('online', online);
	}

	/** The domains of the organization whose check waits for a connection. */
	waitingFor(organizationId: OrganizationId): ReadonlySet<string> {
		return new Set(
			this.waiting.filter((w) => w.organizationId === organizationId).map((w) => w.domain)
		);
	}

	/** Saves the resolver; null when it was saved, else the words for the field. */
	saveResolver(text: string): string | null {
		const url = resolverUrl(text);
		if (url === null) return organizationProblemWords({ code: 'resolver-invalid' });
		this.resolver = url.toString();
		this.#storage?.setItem(RESOLVER_KEY, this.resolver);
		status.announce('DNS resolver saved.', 'success');
		return null;
	}

	/** Checks now when online, else queues the check and says it waits. */
	async check(organizationId: OrganizationId, domain: string): Promise<void> {
		if (typeof navigator !== 'undefined' && !navigator.onLine) {
			this.#queue({ organizationId, domain });
			status.announce(waitingWords(domain), 'info');
			return;
		}
		await perform('domain.checkDns', { organizationId, domain, resolver: this.resolver });
	}

	/** Runs every waiting check once (each leaves the queue whatever it finds, and says so). */
	async runWaiting(): Promise<void> {
		if (this.#running || this.waiting.length === 0) return;
		this.#running = true;
		try {
			for (const check of [...this.waiting]) {
				this.#drop(check);
				await perform('domain.checkDns', { ...check, resolver: this.resolver });
			}
		} finally {
			this.#running = false;
		}
	}

	#queue(check: WaitingCheck): void {
		this.#drop(check);
		this.#save([...this.waiting, check]);
	}

	#drop(check: WaitingCheck): void {
		this.#save(
			this.waiting.filter(
				(w) => w.organizationId !== check.organizationId || w.domain !== check.domain
			)
		);
	}

	#save(next: readonly WaitingCheck[]): void {
		this.waiting = next;
		this.#storage?.setItem(QUEUE_KEY, JSON.stringify(next));
	}
}

export const domainChecks = new DomainChecks();
