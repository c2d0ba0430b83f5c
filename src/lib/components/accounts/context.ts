// The account pages' way to the app commands: the opened store (data.ctx) plus this device's
// login throttle (X2). Components never open the database themselves.
import type { AccountsContext } from '$lib/app/accounts';
import { data } from '$lib/state/data.svelte';
import { deviceThrottle } from '$lib/state/throttle';

export async function accountsContext(): Promise<AccountsContext> {
	const ctx = await data.ctx();
	return {
		store: ctx.store,
		now: () => ctx.now(),
		newId: (p) => ctx.newId(p),
		throttle: deviceThrottle()
	};
}

/** Opens the store for a page that shows data; a failure is shown by the shell (data.problem). */
export function openData(): void {
	data.open().catch(() => undefined);
}
