// A12 "sudo mode" for a section of the Profile page: a sensitive action runs at once while
// the password was entered in the last ten minutes; otherwise the section shows ReauthForm
// and the action waits (its form keeps what was typed) until the password is confirmed or
// the person cancels. The app commands check the same rule again (X3).
import { reauthenticate } from '$lib/app/accounts';
import { session } from '$lib/state/session.svelte';
import { throttleWords } from '$lib/ui/account-words';
import { accountsContext } from './context';
import type { SubmitOutcome } from './form.svelte';

export class SudoGuard {
	asking = $state(false);
	#resolve: ((confirmed: boolean) => void) | null = null;

	/** Runs `action` now, or once the password is confirmed; null when the person cancels. */
	async run<T>(action: () => T | Promise<T>): Promise<T | null> {
		if (session.needsReauth(Date.now())) {
			this.#resolve?.(false);
			this.asking = true;
			const confirmed = await new Promise<boolean>((resolve) => (this.#resolve = resolve));
			if (!confirmed) return null;
		}
		return action();
	}

	async confirm(password: string): Promise<SubmitOutcome> {
		const current = session.current;
		if (current === null) return { password: 'You are logged out. Log in again.' };
		const ctx = await accountsContext();
		const result = await reauthenticate(ctx, current, password);
		if (result.kind === 'invalid') return { password: 'That password is not right.' };
		if (result.kind === 'throttled') return { password: throttleWords(result, ctx.now()) };
		session.reauthenticated(ctx.now());
		this.#settle(true);
		return null;
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
