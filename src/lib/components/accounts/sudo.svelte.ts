// A12 "sudo mode" for a section of the Profile page: a sensitive action runs at once while
// the password was entered in the last ten minutes; otherwise the section shows ReauthForm
// and the action waits (its form keeps what was typed) until the password is confirmed or
// the person cancels. The app commands check the same rule again (X3). X6: an action that
// reseals the account's vault (password, two-step) also needs this tab to hold the vault key;
// after a reload or in another tab it does not, and the password is asked for the same way.
import { perform } from '$lib/state/perform.svelte';
import { session } from '$lib/state/session.svelte';
import { formOutcome } from './form.svelte';
import type { SubmitOutcome } from './form.svelte';

export class SudoGuard {
	asking = $state(false);
	/** Why the password is asked: the ten minutes ran out, or this tab lacks the key (X6). */
	reason = $state<'time' | 'key'>('time');
	#resolve: ((confirmed: boolean) => void) | null = null;

	/**
	 * Runs `action` now, or once the password is confirmed; null when the person cancels.
	 * `needs.key`: the action reseals the vault, so this tab must hold its key (X6).
	 */
	async run<T>(
		action: () => T | Promise<T>,
		needs: { readonly key?: boolean } = {}
	): Promise<T | null> {
		const late = session.needsReauth(Date.now());
		if (late || (needs.key === true && !session.holdsKey())) {
			this.#resolve?.(false);
			this.reason = late ? 'time' : 'key';
			this.asking = true;
			const confirmed = await new Promise<boolean>((resolve) => (this.#resolve = resolve));
			if (!confirmed) return null;
		}
		return action();
	}

	/** "Confirm it's you": a wrong password or throttling shows on the password field. */
	async confirm(password: string): Promise<SubmitOutcome> {
		const current = session.current;
		if (current === null) return { password: 'You are logged out. Log in again.' };
		const done = await perform('account.reauthenticate', { session: current, password });
		if (done.ok) this.#settle(true);
		return formOutcome(done);
	}

	cancel(): void {
		this.#settle(false);
	}

	#settle(confirmed: boolean): void {
		this.asking = false;
		const resolve = this.#resolve;
		this.#resolve = null;
		resolve?.(confirmed);
	}
}
