// The app context as commands get it from `perform`: the opened store's, with this device's
// login throttle (X2) and this tab's keyring (X6), which live here in state/ because they
// belong to the browser (localStorage, Web Locks, the tab's memory), not to the app layer.
import type { AppContext } from '$lib/app/context';
import { keyring } from './keyring';
import { deviceThrottle } from './throttle';

export function withDevice(ctx: AppContext): AppContext {
	return { ...ctx, throttle: ctx.throttle ?? deviceThrottle(), keyring: ctx.keyring ?? keyring };
}
