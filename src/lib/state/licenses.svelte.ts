/**
 * What the Licenses list shows for one person: filters, paging and expanded cards, kept while
 * they visit Billing overview and come back. It belongs to the person, not the device: each
 * account has its own, and all of it is dropped when nobody is logged in any more (log out,
 * session end, another tab), so no one sees another person's search (a SEN) on a shared
 * device.
 */
import { untrack } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';

/** Cards rendered at a time; "Show more" adds as many again. */
export const PAGE_SIZE = 50;

export class LicensesView {
	#productId = $state('');
	#query = $state('');
	limit = $state(PAGE_SIZE);
	readonly expanded = new SvelteSet<string>();

	get productId(): string {
		return this.#productId;
	}

	/** A new filter starts again from the first page. */
	set productId(value: string) {
		this.#productId = value;
		this.limit = PAGE_SIZE;
	}

	get query(): string {
		return this.#query;
	}

	set query(value: string) {
		this.#query = value;
		this.limit = PAGE_SIZE;
	}

	toggle(id: string): void {
		if (this.expanded.has(id)) this.expanded.delete(id);
		else this.expanded.add(id);
	}

	showMore(): void {
		this.limit += PAGE_SIZE;
	}

	/** Shows one license: filters to its SEN and opens it (after starting it, say). */
	focusOn(id: string, sen: string): void {
		this.productId = '';
		this.query = sen;
		this.expanded.add(id);
	}
}

class LicensesViews {
	// Plain fields: handing out a view may happen while a page derives, where state must not
	// be written. `#cleared` is what makes readers ask again after a log out.
	#owner: string | null = null;
	#view = new LicensesView();
	#cleared = $state(0);

	/** The view of `accountId`; a different person (or the same after a log out) gets a fresh one. */
	of(accountId: string): LicensesView {
		void this.#cleared;
		if (this.#owner !== accountId) {
			this.#owner = accountId;
			this.#view = new LicensesView();
		}
		return this.#view;
	}

	/** Nobody is logged in any more: forget the filters, the search and the open cards. */
	clear(): void {
		this.#owner = null;
		this.#view = new LicensesView();
		// Called from the shell's effect on the session: it must not depend on what it bumps.
		untrack(() => this.#cleared++);
	}
}

export const licensesViews = new LicensesViews();
