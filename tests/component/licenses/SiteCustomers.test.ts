// A9 in the UI: a site's Customers section, collapsed behind "Customers": list, add (Email,
// Full name), rename, remove and migrate; a refusal stays on its field.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import SiteCustomers from '$lib/components/licenses/SiteCustomers.svelte';
import type { FieldError } from '$lib/components/licenses/view';

function setUp(addOutcomes: (boolean | FieldError)[] = []) {
	const props = {
		site: 'acme.example.net',
		customers: [{ email: 'kim@shop.example', name: 'Kim Lee' }],
		onadd: vi.fn(() => Promise.resolve(addOutcomes.shift() ?? true)),
		onrename: vi.fn(() => Promise.resolve<boolean | FieldError>(true)),
		onremove: vi.fn(() => Promise.resolve(true)),
		onmigrate: vi.fn(() => Promise.resolve(true))
	};
	render(SiteCustomers, props);
	return props;
}

async function open(): Promise<HTMLElement> {
	const toggle = screen.getByRole('button', { name: 'Customers of acme.example.net' });
	expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await fireEvent.click(toggle);
	return screen.getByRole('region', { name: 'Customers of acme.example.net' });
}

describe('SiteCustomers (A9)', () => {
	it('A9: lists the customers once opened, and adds one by Email and Full name', async () => {
		const p = setUp();
		expect(screen.queryByLabelText('Email')).toBeNull();
		const section = await open();
		expect(within(section).getAllByText('kim@shop.example').length).toBeGreaterThan(0);
		expect(within(section).getByText('Kim Lee')).toBeInTheDocument();
		await fireEvent.input(screen.getByLabelText('Email'), {
			target: { value: 'lee@shop.example' }
		});
		await fireEvent.input(screen.getByLabelText('Full name'), { target: { value: 'Lee' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Add customer' }));
		expect(p.onadd).toHaveBeenCalledWith('lee@shop.example', 'Lee');
		expect(screen.getByLabelText('Email')).toHaveValue('');
	});

	it('A9: a refused address stays in its field with the reason under it', async () => {
		setUp([
			{ field: 'email', words: 'This service desk already has a customer with that email address.' }
		]);
		await open();
		const email = screen.getByLabelText('Email');
		await fireEvent.input(email, { target: { value: 'kim@shop.example' } });
		await fireEvent.input(screen.getByLabelText('Full name'), { target: { value: 'Kim' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Add customer' }));
		expect(email).toHaveValue('kim@shop.example');
		expect(email).toHaveAttribute('aria-invalid', 'true');
		expect(email).toHaveAccessibleDescription(
			'This service desk already has a customer with that email address.'
		);
	});

	it('A9: renames, removes and migrates a customer by its row buttons', async () => {
		const p = setUp();
		await open();
		await fireEvent.click(screen.getByRole('button', { name: 'Rename kim@shop.example' }));
		const name = screen.getByLabelText('New full name');
		expect(name).toHaveValue('Kim Lee');
		await fireEvent.input(name, { target: { value: 'Kim Park' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
		expect(p.onrename).toHaveBeenCalledWith('kim@shop.example', 'Kim Park');
		await fireEvent.click(screen.getByRole('button', { name: 'Remove kim@shop.example' }));
		expect(p.onremove).toHaveBeenCalledWith('kim@shop.example');
		await fireEvent.click(
			screen.getByRole('button', { name: 'Migrate to account kim@shop.example' })
		);
		expect(p.onmigrate).toHaveBeenCalledWith('kim@shop.example');
	});
});
