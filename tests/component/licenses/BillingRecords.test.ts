// C14 in the UI: the billing details for the primary billing contact (shown, edited with the
// reason on its field, focus back on Edit after saving), Renew and the Invoices list for billing
// contacts (focus on the new invoice), and nothing of it for a technical contact (C12).
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import BillingRecords from '$lib/components/licenses/BillingRecords.svelte';
import type { BillingActions, LicenseView } from '$lib/components/licenses/view';
import { licenseViewOf } from './factories';

const INVOICE = {
	number: 'INV-c_1',
	at: Date.UTC(2026, 10, 30),
	totalCents: 20_375,
	periodTo: Date.UTC(2027, 10, 30)
};

function setUp(
	view: Partial<LicenseView>,
	outcome: boolean | { field: string; words: string } = true
) {
	const actions = {
		save: vi.fn(() => Promise.resolve(outcome)),
		renew: vi.fn(() => Promise.resolve())
	} satisfies BillingActions;
	const result = render(BillingRecords, { view: licenseViewOf(view), actions });
	return { actions, ...result };
}

describe('BillingRecords (C14)', () => {
	it('C14: the primary billing contact sees the details and edits them; focus returns to Edit', async () => {
		const { actions } = setUp({
			billingDetails: { name: 'Acme Ltd', address: '1 Main St\nTown', taxId: 'GB123' },
			canRenew: true,
			invoices: []
		});
		expect(screen.getByText('Acme Ltd')).toBeInTheDocument();
		expect(screen.getByText(/Tax id: GB123/)).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('button', { name: 'Edit billing details' }));
		expect(screen.getByLabelText('Billing name')).toHaveFocus();
		expect(screen.getByLabelText('Billing name')).toHaveValue('Acme Ltd');
		await fireEvent.input(screen.getByLabelText('Billing name'), {
			target: { value: 'Acme Group' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Save billing details' }));
		expect(actions.save).toHaveBeenCalledWith('l-1', {
			name: 'Acme Group',
			address: '1 Main St\nTown',
			taxId: 'GB123'
		});
		await vi.waitFor(() =>
			expect(screen.getByRole('button', { name: 'Edit billing details' })).toHaveFocus()
		);
	});

	it('C14: an empty name is stopped on its field; a refusal stays on the field it names', async () => {
		const { actions } = setUp(
			{ billingDetails: null, canRenew: true, invoices: [] },
			{ field: 'taxId', words: 'A tax id has at most 50 characters.' }
		);
		expect(screen.getByText(/No billing details yet/)).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('button', { name: 'Edit billing details' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Save billing details' }));
		expect(actions.save).not.toHaveBeenCalled();
		expect(screen.getByLabelText('Billing name')).toHaveAttribute('aria-invalid', 'true');
		await fireEvent.input(screen.getByLabelText('Billing name'), { target: { value: 'A' } });
		await fireEvent.input(screen.getByLabelText('Billing address'), { target: { value: 'B' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Save billing details' }));
		await vi.waitFor(() =>
			expect(screen.getByLabelText('Tax id (optional)')).toHaveAttribute('aria-invalid', 'true')
		);
		expect(screen.getByText('A tax id has at most 50 characters.')).toBeInTheDocument();
	});

	it('C14: Renew names the license; once renewed, focus goes to the new invoice', async () => {
		const { actions, rerender } = setUp({ canRenew: true, invoices: [] });
		expect(screen.getByText('No invoices yet.')).toBeInTheDocument();
		actions.renew.mockImplementation(async () => {
			await rerender({ view: licenseViewOf({ canRenew: true, invoices: [INVOICE] }), actions });
		});
		await fireEvent.click(
			screen.getByRole('button', { name: 'Renew Tessera Issues SEN-1234567890' })
		);
		expect(actions.renew).toHaveBeenCalledWith('l-1');
		const link = screen.getByRole('link', { name: 'Invoice INV-c_1' });
		expect(link).toHaveAttribute('href', '/invoices/INV-c_1');
		await vi.waitFor(() => expect(link).toHaveFocus());
	});

	it('C12: a technical contact sees neither details, Renew nor invoices', () => {
		setUp({ canRenew: false });
		expect(screen.queryByRole('heading')).toBeNull();
		expect(screen.queryByRole('button')).toBeNull();
	});
});
