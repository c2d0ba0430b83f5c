// C4 in the UI: "<Role> contact email" + "Add"; a "Full name" field appears for an address
// no account has, and what was typed survives a refusal.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import AddContactForm from '$lib/components/licenses/AddContactForm.svelte';
import type { AddOutcome } from '$lib/components/licenses/view';

function setUp(outcomes: AddOutcome[], isNewAddress = (_: string) => false) {
	const onadd = vi.fn(() => Promise.resolve(outcomes.shift() ?? 'added'));
	render(AddContactForm, { role: 'billing', isNewAddress, onadd });
	return { onadd, email: screen.getByLabelText('Billing contact email') };
}

describe('AddContactForm', () => {
	it('adds an existing person by email and clears the field', async () => {
		const { onadd, email } = setUp(['added']);
		await fireEvent.input(email, { target: { value: 'bob@acme.com' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
		expect(onadd).toHaveBeenCalledWith('bob@acme.com', undefined);
		expect(email).toHaveValue('');
		expect(screen.queryByLabelText('Full name')).toBeNull();
	});

	it('shows Full name as soon as the typed address has no account', async () => {
		const { onadd, email } = setUp(['added'], (e) => e === 'new@acme.com');
		expect(screen.queryByLabelText('Full name')).toBeNull();
		await fireEvent.input(email, { target: { value: 'new@acme.com' } });
		const name = screen.getByLabelText('Full name');
		await fireEvent.input(name, { target: { value: 'New Person' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
		expect(onadd).toHaveBeenCalledWith('new@acme.com', 'New Person');
	});

	it('asks for the name when the core needs it, keeping the email, and focuses it', async () => {
		const { onadd, email } = setUp(['need-name', 'added']);
		await fireEvent.input(email, { target: { value: 'who@acme.com' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
		const name = screen.getByLabelText('Full name');
		expect(name).toHaveFocus();
		expect(email).toHaveValue('who@acme.com');
		await fireEvent.input(name, { target: { value: 'Who' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
		expect(onadd).toHaveBeenLastCalledWith('who@acme.com', 'Who');
		expect(screen.queryByLabelText('Full name')).toBeNull();
	});

	it('keeps what was typed when the add is refused', async () => {
		const { email } = setUp(['refused']);
		await fireEvent.input(email, { target: { value: 'not-an-address' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
		expect(email).toHaveValue('not-an-address');
	});
});
