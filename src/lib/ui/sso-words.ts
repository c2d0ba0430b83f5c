// O5/A7: the words for signing in through an identity provider (simulated in the app): the
// provider's name, how the Log in page names where an address signs in, and the heading of
// the simulated provider's page.
import type { SignInRoute } from '$lib/core';

export function providerLabel(provider: 'saml' | 'google'): string {
	return provider === 'saml' ? 'SAML' : 'Google';
}

/** "Acme’s single sign-on (SAML)", "Google (Acme)": where the address signs in. */
export function signInPlace(route: SignInRoute): string {
	const org = route.organization?.name ?? null;
	if (route.provider === 'google') return org === null ? 'Google' : `Google (${org})`;
	return org === null ? 'single sign-on (SAML)' : `${org}’s single sign-on (SAML)`;
}

/** The simulated provider page's heading: it says "Simulated", the provider, the organization. */
export function providerHeading(route: SignInRoute | null): string {
	if (route === null) return 'Simulated identity provider';
	const org = route.organization?.name;
	const base = `Simulated ${providerLabel(route.provider)} sign-in`;
	return org === undefined ? base : `${base} for ${org}`;
}

/** Where the Log in page sends an address that signs in through a provider. */
export function providerPageHref(email: string, next: string): string {
	const query = new URLSearchParams({ email: email.trim(), next });
	return `/identity-provider?${query.toString()}`;
}
