// A7: how the pages name the identity provider an account signs in through.
import type { SignInSource } from '$lib/core';

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
