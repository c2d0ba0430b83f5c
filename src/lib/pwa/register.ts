/**
 * Registers the service worker with workbox-window and translates its lifecycle into the
 * `pwa` state. Kept out of components so the update flow can be followed in one place:
 * waiting → user clicks Reload → (waits for unsent input, P1) → SKIP_WAITING message →
 * `controlling` → one reload.
 */
import { dev } from '$app/environment';
import { Workbox } from 'workbox-window';
import { pwa } from '$lib/state/pwa.svelte';
import { unsavedInput } from './unsaved';

export function registerServiceWorker(url = '/service-worker.js'): Workbox | null {
	unsavedInput.start(document);
	pwa.configure({ unsent: () => unsavedInput.fields().length });
	if (!('serviceWorker' in navigator)) return null;
	// SvelteKit bundles the worker as a classic script; only `vite dev` serves it as a module.
	const wb = new Workbox(url, { type: dev ? 'module' : 'classic' });

	wb.addEventListener('installed', (event) => {
		// The very first install: the app now loads with no network.
		if (!event.isUpdate) pwa.markOfflineReady();
	});

	wb.addEventListener('waiting', () => {
		pwa.markUpdateReady({
			apply: () => {
				wb.addEventListener('controlling', () => window.location.reload());
				wb.messageSkipWaiting();
			}
		});
	});

	wb.register().catch((error: unknown) => {
		console.error('Service worker registration failed', error);
	});
	return wb;
}
