// X4: a mail's links come from changes, which may come from an imported file, so only links
// to the app's own pages are made clickable: a path with one leading slash. Anything else
// (javascript:, another site, //host) is shown as text.
export function isAppLink(href: string): boolean {
	return /^\/(?![/\\])[^\s\\]*$/.test(href);
}
