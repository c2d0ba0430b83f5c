// The rules need the maintained public-domain list (C5, O2), ~78 KB gzip. It is loaded the
// first time a change is applied, not on first paint: reading the projection needs no rules.
import { publicDomainsLoaded, usePublicDomains } from '$lib/core';

let loading: Promise<void> | null = null;

export function ensureRules(): Promise<void> {
	if (publicDomainsLoaded()) return Promise.resolve();
	loading ??= import('free-email-domains').then((module) => {
		usePublicDomains(module.default);
	});
	return loading;
}
