// S5/S6 in the UI: conflicts under a "Conflicts" heading with the reason in words, who made
// the change, where and when; "Dismiss" hides one and "Show dismissed" lists it again.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ConflictList from '$lib/components/sync/ConflictList.svelte';
import type { ConflictView } from '$lib/components/sync/views';

const conflict = (id: string, dismissed = false): ConflictView => ({
	id,
	what: [`Make Priya Shah primary billing contact of Tessera Issues SEN-${id}`],
	reason: ['That person is not a contact in this role any more.'],
	by: ['Olivia Park (olivia@acme.com)'],
	device: 'device bbbbbbbb',
	time: '22 Nov 2026, 06:50',
	dismissed
});

describe('ConflictList', () => {
	it('lists each conflict with its reason, author, device and time', () => {
		render(ConflictList, { conflicts: [conflict('1')], showDismissed: false, ondismiss: vi.fn() });
		const region = screen.getByRole('region', { name: 'Conflicts' });
		const item = within(region).getByRole('listitem');
		expect(item).toHaveTextContent('SEN-1');
		expect(item).toHaveTextContent('not a contact in this role any more');
		expect(item).toHaveTextContent(
			'By Olivia Park (olivia@acme.com), on device bbbbbbbb, 22 Nov 2026, 06:50.'
		);
	});

	it('says when there are none', () => {
		render(ConflictList, { conflicts: [], showDismissed: false, ondismiss: vi.fn() });
		expect(screen.getByText('No conflicts.')).toBeInTheDocument();
		expect(screen.queryByLabelText(/Show dismissed/)).toBeNull();
	});

	it('dismisses one and moves focus to the heading', async () => {
		const ondismiss = vi.fn(() => Promise.resolve());
		render(ConflictList, {
			conflicts: [conflict('1'), conflict('2')],
			showDismissed: false,
			ondismiss
		});
		const [first] = screen.getAllByRole('button', { name: 'Dismiss' });
		if (!first) throw new Error('no button');
		await fireEvent.click(first);
		expect(ondismiss).toHaveBeenCalledWith('1');
		await vi.waitFor(() =>
			expect(screen.getByRole('heading', { name: 'Conflicts' })).toHaveFocus()
		);
	});

	it('hides dismissed ones behind "Show dismissed"', async () => {
		render(ConflictList, {
			conflicts: [conflict('1', true), conflict('2')],
			showDismissed: false,
			ondismiss: vi.fn()
		});
		expect(screen.getAllByRole('listitem')).toHaveLength(1);
		await fireEvent.click(screen.getByLabelText('Show dismissed (1)'));
		const items = screen.getAllByRole('listitem');
		expect(items).toHaveLength(2);
		expect(items[0]).toHaveTextContent('Dismissed');
		expect(within(items[0] ?? document.body).queryByRole('button')).toBeNull();
	});
});
