/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Precaches the whole build so Tessera loads with no network after the first visit (P1).
 * Each build gets its own cache (suffix = SvelteKit's build version) and activation deletes
 * every older Tessera cache. A new worker waits until the user clicks Reload (the page sends
 * SKIP_WAITING); it never takes over on its own, so no unsaved input is lost.
 */
import { build, files, prerendered, version } from '$service-worker';
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

const PREFIX = 'tessera';
setCacheNameDetails({ prefix: PREFIX, suffix: version, precache: 'precache' });

// Hashed build assets carry their revision in the name; static files and prerendered pages
// are revisioned by the build version.
precacheAndRoute([
	...build.map((url) => ({ url, revision: null })),
	...files.map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
]);

// Deep links (/licenses/…) answer with the prerendered shell; the router takes over in the page.
if (prerendered.includes('/')) {
	registerRoute(new NavigationRoute(createHandlerBoundToURL('/')));
}

self.addEventListener('message', (event) => {
	const data: unknown = event.data;
	if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'SKIP_WAITING') {
		void self.skipWaiting();
	}
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys
						.filter((key) => key.startsWith(`${PREFIX}-`) && !key.endsWith(version))
						.map((key) => caches.delete(key))
				)
			)
	);
});

// The first install controls the page that registered it, so it works offline at once.
clientsClaim();
