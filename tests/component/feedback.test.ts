// Feedback a new user can trust: the confirmation dialog (C10) starts on Cancel and answers
// with Escape; the announcement carries its Undo and stays while pointed at; a refused site
// name is shown on its field (C0), an add's address on its field (C4); Reload says it waits
// for unsent input (P1); an open mail has a way back and takes focus; the billing overview
// has cards for phones (C10).
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { licenseId, siteId } from '$lib/core';
import ConfirmDialog from '$lib/components/ConfirmDialog.svelte';
import StatusRegion from '$lib/components/StatusRegion.svelte';
import UpdatePrompt from '$lib/components/UpdatePrompt.svelte';
import BillingOverview from '$lib/components/billing/BillingOverview.svelte';
import type { BillingView } from '$lib/components/billing/billing-view';
import AddContactForm from '$lib/components/licenses/AddContactForm.svelte';
import CreateSiteForm from '$lib/components/licenses/CreateSiteForm.svelte';

const words = {
	title: 'Make me billing contact?',
	body: 'You become the primary billing contact of every cloud license on acme.example.net.',
	confirm: 'Make me billing contact'
};

describe('ConfirmDialog', () => {
	it('C10: asks in a dialog, starts on Cancel, and answers yes only from its button', async () => {
		const onanswer = vi.fn();
		render(ConfirmDialog, { request: { id: 1, words }, onanswer });
		const dialog = screen.getByRole('dialog', { name: 'Make me billing contact?' });
		expect(dialog).toHaveAccessibleDescription(words.body);
		expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Make me billing contact' }));
		expect(onanswer).toHaveBeenCalledWith(true);
	});

	it('Escape cancels, and focus goes back to the button that asked', async () => {
		const asker = document.createElement('button');
		document.body.append(asker);
		asker.focus();
		const onanswer = vi.fn();
		render(ConfirmDialog, { request: { id: 2, words }, onanswer });
		await fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
		expect(onanswer).toHaveBeenCalledWith(false);
		await vi.waitFor(() => expect(asker).toHaveFocus());
		asker.remove();
	});
});

describe('StatusRegion', () => {
	it('C7: shows the Undo of an announcement, described by its words', async () => {
		const run = vi.fn();
		const onhold = vi.fn();
		render(StatusRegion, {
			message: {
				id: 3,
				text: 'Sam Lee is no longer a technical contact.',
				tone: 'success',
				action: { label: 'Undo', run }
			},
			ondismiss: vi.fn(),
			onhold,
			onrelease: vi.fn()
		});
		const undo = screen.getByRole('button', { name: 'Undo' });
		expect(undo).toHaveAccessibleDescription('Sam Lee is no longer a technical contact.');
		expect(undo).toHaveAttribute('data-focus', 'status-action');
		await fireEvent.pointerEnter(screen.getByRole('status'));
		expect(onhold).toHaveBeenCalledWith('pointer');
		await fireEvent.click(undo);
		expect(run).toHaveBeenCalledOnce();
	});
});

describe('errors on their field', () => {
	it('C0: a site name without a domain: the reason sits on Host name, focus there, text kept', async () => {
		const problem = {
			field: 'name',
			words: 'Enter the site’s address with its domain, such as acme.example.net.'
		};
		const oncreate = vi.fn(() => Promise.resolve(problem));
		render(CreateSiteForm, { oncreate });
		await fireEvent.click(screen.getByRole('button', { name: 'Create a site' }));
		const name = screen.getByLabelText('Host name');
		await fireEvent.input(name, { target: { value: 'acme' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Create site' }));
		await vi.waitFor(() => expect(name).toHaveFocus());
		expect(name).toHaveAttribute('aria-invalid', 'true');
		expect(name).toHaveAccessibleDescription(expect.stringContaining(problem.words));
		expect(name).toHaveValue('acme');
		await fireEvent.input(name, { target: { value: 'acme.example.net' } });
		expect(name).toHaveAttribute('aria-invalid', 'false');
	});

	it('C0: once created, the form closes and focus returns to “Create a site”', async () => {
		render(CreateSiteForm, { oncreate: () => Promise.resolve(true) });
		await fireEvent.click(screen.getByRole('button', { name: 'Create a site' }));
		await fireEvent.input(screen.getByLabelText('Host name'), {
			target: { value: 'acme.example.net' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Create site' }));
		await vi.waitFor(() =>
			expect(screen.getByRole('button', { name: 'Create a site' })).toHaveFocus()
		);
		expect(screen.queryByLabelText('Host name')).toBeNull();
	});

	it('C4: a refused address is explained on the address field', async () => {
		const onadd = vi.fn(() =>
			Promise.resolve({ field: 'email', words: 'That person already holds this role.' })
		);
		render(AddContactForm, { role: 'technical', isNewAddress: () => false, onadd });
		const email = screen.getByLabelText('Technical contact email');
		await fireEvent.input(email, { target: { value: 'sam@acme.com' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
		await vi.waitFor(() => expect(email).toHaveFocus());
		expect(email).toHaveAccessibleDescription('That person already holds this role.');
		expect(email).toHaveValue('sam@acme.com');
	});
});

describe('UpdatePrompt waiting for unsent input (P1)', () => {
	it('says Reload waits for what is being typed, and does not offer it twice', () => {
		render(UpdatePrompt, {
			offlineReady: false,
			updateReady: true,
			waiting: true,
			onreload: vi.fn(),
			onlater: vi.fn(),
			ondismiss: vi.fn()
		});
		expect(screen.getByRole('alert')).toHaveTextContent('as soon as you have sent or cleared');
		expect(screen.getByRole('button', { name: 'Reload' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Later' })).toBeEnabled();
	});
});

describe('BillingOverview (C10)', () => {
	const view: BillingView = {
		siteId: siteId('s1'),
		siteName: 'labs.example.net',
		isAdmin: true,
		total: 8250,
		canMakeMe: true,
		rows: [
			{
				id: licenseId('l1'),
				productName: 'Tessera Issues',
				sen: 'SEN-2041000110',
				tier: 25,
				pricePerUser: 330,
				monthly: 8250,
				expiresAt: Date.UTC(2031, 0, 1),
				billingPrimary: 'Priya Shah (priya.shah@northwind.example)',
				technicalPrimary: 'Sam Lee (sam.lee@northwind.example)',
				viewerIsPrimaryBilling: false
			}
		]
	};

	it('has the table for wide screens and one labelled card per license for phones', () => {
		render(BillingOverview, { view, onmakeme: vi.fn() });
		expect(screen.getByRole('table', { name: 'Cloud licenses on labs.example.net' })).toBeVisible();
		const cards = screen.getByRole('region', { name: 'Cloud licenses on labs.example.net' });
		const card = within(cards).getByRole('listitem');
		expect(card).toHaveTextContent('Tessera Issues SEN-2041000110');
		expect(card).toHaveTextContent(
			'Primary billing contact Priya Shah (priya.shah@northwind.example)'
		);
		expect(card).toHaveTextContent('Per month $82.50');
		expect(screen.getByRole('heading', { name: 'Upcoming billing estimate' })).toHaveAttribute(
			'data-focus',
			'billing-estimate'
		);
	});
});
