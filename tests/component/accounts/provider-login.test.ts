// O5/A7 on the Log in form and the simulated provider's form: an address that signs in through
// an identity provider is asked no Tessera password, and "Log in" goes on to the provider
// (with the checked address only); the provider's form asks Email and Password and
// "Continue", validated like a log in.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import LogInForm from '$lib/components/accounts/LogInForm.svelte';
import ProviderSignInForm from '$lib/components/accounts/ProviderSignInForm.svelte';
import { providerHeading, providerPageHref, signInPlace } from '$lib/ui/sso-words';
import { organizationId } from '$lib/core';
import type { Organization } from '$lib/core';

const ACME: Organization = {
	id: organizationId('org-acme'),
	name: 'Acme',
	admins: [],
	domains: [],
	createdAt: 0
};

describe('Log in with single sign-on (O5/A7)', () => {
	it('O5: asks no password for a provider address and goes on to the provider', async () => {
		const onsubmit = vi.fn(() => Promise.resolve(null));
		const onprovider = vi.fn(() => Promise.resolve());
		render(LogInForm, {
			email: 'carol@acme.com',
			provider: signInPlace({ provider: 'saml', organization: ACME }),
			onsubmit,
			onprovider
		});
		expect(screen.queryByLabelText('Password', { selector: 'input' })).toBeNull();
		expect(screen.getByRole('note')).toHaveTextContent(
			'This address signs in through Acme’s single sign-on (SAML)'
		);
		await fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
		await waitFor(() => expect(onprovider).toHaveBeenCalledWith('carol@acme.com'));
		expect(onsubmit).not.toHaveBeenCalled();
	});

	it('O5: the provider page says Simulated, the provider and the organization', () => {
		expect(providerHeading({ provider: 'google', organization: ACME })).toBe(
			'Simulated Google sign-in for Acme'
		);
		expect(providerHeading(null)).toBe('Simulated identity provider');
		expect(providerPageHref(' carol@acme.com ', '/profile')).toBe(
			'/identity-provider?email=carol%40acme.com&next=%2Fprofile'
		);
	});

	it('O5: the provider form asks Email and Password, then Continue', async () => {
		const onsubmit = vi.fn(() => Promise.resolve(null));
		render(ProviderSignInForm, { email: 'carol@acme.com', onsubmit });
		await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
		const password = screen.getByLabelText('Password', { selector: 'input' });
		await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
		expect(onsubmit).not.toHaveBeenCalled();
		await fireEvent.input(password, { target: { value: 'at the provider' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
		await waitFor(() =>
			expect(onsubmit).toHaveBeenCalledWith({
				email: 'carol@acme.com',
				password: 'at the provider'
			})
		);
	});
});
