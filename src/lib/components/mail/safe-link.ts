// X4: a mail's links come from changes, which may come from an imported file, so only links
// to the app's own pages are made clickable: a path with one leading slash. Anything else
// (javascript:, another site, //host) is shown as text.
export function isAppLink(href: string): boolean {
	return /^\/(?![/\\])[^\s\\]*$/.test(href);
}

/** Where a log in goes after: the URL's `?next=` when it is an app path (X4), else Licenses. */
export function nextPathOf(url: URL): string {
	const wanted = url.searchParams.get('next');
	return wanted !== null && isAppLink(wanted) ? wanted : '/licenses';
}
