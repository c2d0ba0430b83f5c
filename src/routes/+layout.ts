// Every route is prerendered as an empty shell and rendered in the browser: the data lives
// in IndexedDB, so there is nothing to render on a server. `prerender` makes index.html
// (the service worker's navigation fallback); `ssr = false` keeps rendering client-side.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';
