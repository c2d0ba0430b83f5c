// license region (UI vocabulary): named by product and SEN, expanded by a button named with the
// product, details with both contact lists and their add forms, support for technical
// contacts (C9), and what a site admin who is no contact sees (C12).
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import LicenseCard from '$lib/components/licenses/LicenseCard.svelte';
import type { LicenseView } from '$lib/components/licenses/view';
import { adminOnlyView, licenseViewOf } from './factories';

function setUp(view: LicenseView, expanded = true, busy = false) {
	const props = {
		view,
		expanded,
		busy,
		ontoggle: vi.fn(),
		isNewAddress: () => false,
		onadd: vi.fn(() => Promise.resolve('added' as const)),
		onmakeprimary: vi.fn(),
		ondelete: vi.fn(),
		onrequestsupport: vi.fn(() => Promise.resolve(true))
	};
	render(LicenseCard, props);
	const region = screen.getByRole('region', { name: /Tessera Issues.*SEN-1234567890/ });
	return { props, region };
}

describe('LicenseCard', () => {
	it('is a region named by product and SEN, collapsed to a summary', async () => {
		const { props, region } = setUp(licenseViewOf(), false);
		const toggle = within(region).getByRole('button', { name: /Tessera Issues/ });
		expect(toggle).toHaveAttribute('aria-expanded', 'false');
		expect(region).toHaveTextContent('Server · 25 users');
		expect(region).toHaveTextContent('Billing: Alice · Technical: Alice');
		expect(within(region).queryByRole('list', { name: 'Billing contacts' })).toBeNull();
		await fireEvent.click(toggle);
		expect(props.ontoggle).toHaveBeenCalledOnce();
	});

	it('expanded: details, both contact lists and an add form per role', () => {
		const { region } = setUp(licenseViewOf());
		const r = within(region);
		expect(r.getByRole('button', { name: /Tessera Issues/ })).toHaveAttribute(
			'aria-expanded',
			'true'
		);
		expect(r.getByText('Product').nextElementSibling).toHaveTextContent('Tessera Issues');
		expect(r.getByText('Hosting').nextElementSibling).toHaveTextContent('Server');
		expect(r.getByText('Users').nextElementSibling).toHaveTextContent('25');
		expect(r.getByText('Expires').nextElementSibling).toHaveTextContent('2031-01-15');
		expect(r.getByRole('list', { name: 'Billing contacts' })).toBeInTheDocument();
		expect(r.getByRole('list', { name: 'Technical contacts' })).toBeInTheDocument();
		expect(r.getByLabelText('Billing contact email')).toBeInTheDocument();
		expect(r.getByLabelText('Technical contact email')).toBeInTheDocument();
		expect(r.getAllByRole('button', { name: 'Add' })).toHaveLength(2);
	});

	it('passes the role with each contact action', async () => {
		const { props, region } = setUp(licenseViewOf());
		const billing = within(region).getByRole('list', { name: 'Billing contacts' });
		await fireEvent.click(within(billing).getByRole('button', { name: 'Make primary' }));
		expect(props.onmakeprimary).toHaveBeenCalledWith('billing', 'a-bob');
		const technical = within(region).getByRole('list', { name: 'Technical contacts' });
		await fireEvent.click(within(technical).getByRole('button', { name: 'Delete' }));
		expect(props.ondelete).toHaveBeenCalledWith('technical', 'a-alice');
	});

	it('a site admin who is no contact sees the contacts but cannot change them (C12)', () => {
		const { region } = setUp(adminOnlyView());
		const r = within(region);
		expect(r.getByRole('list', { name: 'Billing contacts' })).toHaveTextContent('carol@acme.com');
		expect(r.queryByRole('button', { name: 'Make primary' })).toBeNull();
		expect(r.queryByRole('button', { name: 'Delete' })).toBeNull();
		expect(r.queryByLabelText('Billing contact email')).toBeNull();
		expect(r.queryByRole('button', { name: 'Request support' })).toBeNull();
		expect(r.getByRole('link', { name: 'Billing overview' })).toHaveAttribute(
			'href',
			'/billing?site=s-1'
		);
		expect(r.getByText('Site').nextElementSibling).toHaveTextContent('acme.example.net');
	});

	it('disables the contact buttons and Add while busy', () => {
		const { region } = setUp(licenseViewOf(), true, true);
		for (const name of ['Make primary', 'Delete', 'Add']) {
			for (const b of within(region).getAllByRole('button', { name })) expect(b).toBeDisabled();
		}
	});

	it('marks a license expiring soon or expired', () => {
		render(LicenseCard, {
			view: licenseViewOf({ expiry: 'soon', daysLeft: 12 }),
			expanded: false,
			ontoggle: vi.fn(),
			isNewAddress: () => false,
			onadd: vi.fn(() => Promise.resolve('added' as const)),
			onmakeprimary: vi.fn(),
			ondelete: vi.fn(),
			onrequestsupport: vi.fn(() => Promise.resolve(true))
		});
		expect(screen.getByText('Expires in 12 days')).toBeInTheDocument();
	});
});

describe('LicenseCard support requests (C9)', () => {
	it('a technical contact opens the form; empty fields are explained, typing is kept', async () => {
		const { props, region } = setUp(licenseViewOf());
		const r = within(region);
		await fireEvent.click(r.getByRole('button', { name: 'Request support' }));
		const subject = r.getByLabelText('Subject');
		expect(subject).toHaveFocus();
		await fireEvent.input(subject, { target: { value: 'Upgrade fails' } });
		await fireEvent.click(r.getByRole('button', { name: 'Send support request' }));
		expect(r.getByText('Enter a subject and a description.')).toBeInTheDocument();
		expect(props.onrequestsupport).not.toHaveBeenCalled();
		expect(r.getByLabelText('Subject')).toHaveValue('Upgrade fails');
		expect(r.getByLabelText('Description')).toHaveAttribute('aria-invalid', 'true');
		await fireEvent.input(r.getByLabelText('Description'), { target: { value: 'Error 42' } });
		await fireEvent.click(r.getByRole('button', { name: 'Send support request' }));
		expect(props.onrequestsupport).toHaveBeenCalledWith('Upgrade fails', 'Error 42');
	});

	it('lists the requests kept with the license, and hides the button from billing-only', () => {
		const { region } = setUp(
			licenseViewOf({
				canRequestSupport: false,
				supportRequests: [
					{ id: 'r1', subject: 'Slow search', description: 'Since Monday', at: 0, by: 'x@acme.com' }
				]
			})
		);
		const list = within(region).getByRole('list', { name: 'Support requests' });
		expect(list).toHaveTextContent('Slow search');
		expect(list).toHaveTextContent('x@acme.com');
		expect(within(region).queryByRole('button', { name: 'Request support' })).toBeNull();
	});
});
