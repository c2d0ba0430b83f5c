import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Fully static: every route is prerendered as an empty client-rendered shell and
		// 200.html answers deep links when the build is served as plain files.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		// workbox-window registers the worker (src/lib/pwa), so the update prompt is ours.
		serviceWorker: { register: false },
		// Absolute asset paths: 200.html answers deep links such as /licenses/x, where
		// relative ./_app paths would point into the wrong folder.
		paths: { relative: false },
		// X4: no inline scripts allowed; SvelteKit hashes its own boot script.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				// O1: a domain's DNS check asks the DNS-over-HTTPS resolver the admin configured
				// (any https address, or a responder on this computer); nothing else is fetched.
				'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
