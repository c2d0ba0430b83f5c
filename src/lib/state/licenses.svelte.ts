/**
 * The license pages' glue: the Licenses list's filters, paging and expanded cards (kept while
 * the person visits Billing overview and comes back), and `runCommand`, the one way these
 * pages run an app command: as the logged-in account, with the refusal's or error's words
 * announced in the shell's live region (SPEC §9) and the result handed back to the form.
 */
import { SvelteSet } from 'svelte/reactivity';
import { accountId } from '$lib/core';
import type { AccountId } from '$lib/core';
import type { AppContext } from '$lib/app/context';
import type { CommitResult, Committed } from '$lib/store/types';
import { describeError } from '$lib/ui/errors';
import type { Phrase } from '$lib/ui/phrase';
import { describeRefusal } from '$lib/ui/refusals';
import { data } from './data.svelte';
import { session } from './session.svelte';
import { status } from './status.svelte';

/** Cards rendered at a time; "Show more" adds as many again. */
export const PAGE_SIZE = 50;

class LicensesPage {
	#productId = $state('');
	#query = $state('');
	limit = $state(PAGE_SIZE);
	readonly expanded = new SvelteSet<string>();
	#busy = $state(0);

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

	/** True while a command runs: buttons that would start another are disabled. */
	get busy(): boolean {
		return this.#busy > 0;
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

	begin(): void {
		this.#busy++;
	}

	end(): void {
		this.#busy--;
	}
}

export const licensesPage = new LicensesPage();

/** The logged-in account as the core names it, or null. */
export function currentActor(): AccountId | null {
	const current = session.current;
	return current === null ? null : accountId(current.accountId);
}

/**
 * Runs an app command as the logged-in account and announces the outcome. Returns the
 * result (null when nothing ran: logged out, or storage failed) so forms can keep or clear
 * what was typed.
 */
export async function runCommand(
	command: (ctx: AppContext, actor: AccountId) => Promise<CommitResult>,
	success: (committed: Committed) => string | Phrase
): Promise<CommitResult | null> {
	const actor = currentActor();
	if (actor === null) {
		status.announce('Log in first: your session has ended.', 'error');
		return null;
	}
	licensesPage.begin();
	try {
		const ctx = await data.ctx();
		const result = await command(ctx, actor);
		if (result.ok) status.announce(success(result.value), 'success');
		else status.announce(describeRefusal(result.error), 'error');
		return result;
	} catch (error) {
		status.announce(describeError(error), 'error');
		return null;
	} finally {
		licensesPage.end();
	}
}
