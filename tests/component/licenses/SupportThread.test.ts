// C15 in the UI: a license's support requests show their status and thread; a technical
// contact replies (labelled field), resolves and reopens; the desk's answer is named so.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { licenseId } from '$lib/core';
import SupportRequests from '$lib/components/licenses/SupportRequests.svelte';
import type { SupportRequestView } from '$lib/components/licenses/view';

const L = licenseId('lic-1');

function request(status: SupportRequestView['status']): SupportRequestView {
	return {
		id: 'req-1',
		subject: 'Slow pages',
		description: 'Since noon',
		at: 1_700_000_000_000,
		by: 'alice@acme.com',
		status,
		thread: [{ id: 'c-2', by: null, text: 'Which steps?', at: 1_700_000_001_000 }]
	};
}

function setUp(status: SupportRequestView['status'], canRequest = true) {
	const actions = {
		reply: vi.fn(() => Promise.resolve(true)),
		resolve: vi.fn(() => Promise.resolve()),
		reopen: vi.fn(() => Promise.resolve())
	};
	render(SupportRequests, {
		licenseId: L,
		requests: [request(status)],
		canRequest,
		onrequest: vi.fn(() => Promise.resolve(true)),
		actions
	});
	return actions;
}

describe('SupportRequests with threads (C15)', () => {
	it('C15: a request waiting for the customer shows its status and the desk’s answer; Reply sends the text', async () => {
		const actions = setUp('waiting');
		const item = screen.getByRole('listitem', { name: 'Slow pages' });
		expect(within(item).getByText('Waiting for customer')).toBeInTheDocument();
		const messages = within(item).getByRole('list', { name: 'Messages' });
		expect(within(messages).getByText(/Support desk/)).toBeInTheDocument();
		expect(within(messages).getByText('Which steps?')).toBeInTheDocument();
		await fireEvent.input(within(item).getByLabelText('Reply'), { target: { value: 'Step 1' } });
		await fireEvent.click(within(item).getByRole('button', { name: 'Send reply' }));
		expect(actions.reply).toHaveBeenCalledWith(L, 'req-1', 'Step 1');
		expect(within(item).getByLabelText('Reply')).toHaveValue('');
	});

	it('C15: an empty reply is not sent and says why; Resolve resolves', async () => {
		const actions = setUp('open');
		const item = screen.getByRole('listitem', { name: 'Slow pages' });
		expect(within(item).getByText('Open')).toBeInTheDocument();
		await fireEvent.click(within(item).getByRole('button', { name: 'Send reply' }));
		expect(actions.reply).not.toHaveBeenCalled();
		expect(within(item).getByLabelText('Reply')).toHaveAttribute('aria-invalid', 'true');
		await fireEvent.click(within(item).getByRole('button', { name: 'Resolve' }));
		expect(actions.resolve).toHaveBeenCalledWith(L, 'req-1');
	});

	it('C15: a resolved request offers Reopen only; someone who may not act sees the thread only', async () => {
		const actions = setUp('resolved');
		const item = screen.getByRole('listitem', { name: 'Slow pages' });
		expect(within(item).getByText('Resolved')).toBeInTheDocument();
		expect(within(item).queryByLabelText('Reply')).toBeNull();
		await fireEvent.click(within(item).getByRole('button', { name: 'Reopen' }));
		expect(actions.reopen).toHaveBeenCalledWith(L, 'req-1');
	});

	it('C15: a billing-only contact sees status and thread without buttons', () => {
		setUp('waiting', false);
		const item = screen.getByRole('listitem', { name: 'Slow pages' });
		expect(within(item).getByText('Which steps?')).toBeInTheDocument();
		expect(within(item).queryByRole('button')).toBeNull();
	});
});
