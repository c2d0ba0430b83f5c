// The account pages' way to the app commands: the opened store (data.ctx) plus this device's
// login throttle (X2) and this tab's keyring (X6). Components never open the database.
import type { AccountsContext } from '$lib/app/accounts';
import { data } from '$lib/state/data.svelte';
import { keyring } from '$lib/state/keyring';
import { deviceThrottle } from '$lib/state/throttle';

export async function accountsContext(): Promise<AccountsContext> {
	const ctx = await data.ctx();
	return {
		store: ctx.store,
		now: () => ctx.now(),
		newId: (p) => ctx.newId(p),
		deviceKeys: ctx.deviceKeys,
		throttle: deviceThrottle(),
		keyring
	};
}

/** Opens the store for a page that shows data; a failure is shown by the shell (data.problem). */
export function openData(): void {
	data.open().catch(() => undefined);
}
