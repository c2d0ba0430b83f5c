// A7: how the pages name the identity provider an account signs in through.
import { signInRoute } from '$lib/core';
import type { Account, SignInSource } from '$lib/core';
import { data } from '$lib/state/data.svelte';

/**
 * O5/A7: where the account signs in: its own source, or its organization's single sign-on
 * (an account of a domain whose organization uses SAML or Google), as the rules read it.
 */
export function signInOf(account: Pick<Account, 'email' | 'source'>): SignInSource {
	if (account.source !== 'password') return account.source;
	return signInRoute(data.state, account.email)?.provider ?? 'password';
}

export function providerWords(source: SignInSource): string {
	switch (source) {
		case 'google':
			return 'your Google account (G Suite)';
		case 'saml':
			return 'your organization’s SAML single sign-on';
		default:
			return 'Tessera';
	}
}
