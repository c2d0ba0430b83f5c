// S10 in the UI: the Live sync panel asks for the server, database, user, password and team
// passphrase by label; once connected it shows the status line, a first pull's progress, and
// Pause (Resume when paused or stopped) and Disconnect.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import LivePanel from '$lib/components/sync/LivePanel.svelte';
import type { LiveStatus } from '$lib/app/command-types';
import { zeroCounts } from '$lib/live/replicator';

const handlers = () => ({
	onconnect: vi.fn(),
	onpause: vi.fn(),
	onresume: vi.fn(),
	ondisconnect: vi.fn()
});
const fields = { url: '', database: '', username: '', password: '', passphrase: '' };
const server = { url: 'https://couch.example', database: 'team', username: 'zoe', password: '' };
const status = (over: Partial<LiveStatus> = {}): LiveStatus => ({
	state: 'live',
	counts: zeroCounts(),
	problem: null,
	locked: false,
	...over
});

describe('LivePanel', () => {
	it('S10: asks for the server by label and connects on submit', async () => {
		const h = handlers();
		render(LivePanel, { server: null, status: null, ...fields, ...h });
		const panel = screen.getByRole('region', { name: 'Live sync' });
		for (const label of [
			'Server URL',
			'Database',
			'User name',
			'Server password',
			'Team passphrase'
		]) {
			expect(within(panel).getByLabelText(label)).toBeInTheDocument();
		}
		expect(within(panel).getByLabelText('Server password')).toHaveAttribute('type', 'password');
		expect(within(panel).getByLabelText('Team passphrase')).toHaveAttribute('type', 'password');
		await fireEvent.input(within(panel).getByLabelText('Server URL'), {
			target: { value: 'https://couch.example' }
		});
		await fireEvent.input(within(panel).getByLabelText('Database'), { target: { value: 'team' } });
		await fireEvent.click(within(panel).getByRole('button', { name: 'Connect' }));
		expect(h.onconnect).toHaveBeenCalledOnce();
	});

	it('S10: connected, it shows the status line, the first pull’s progress and Pause / Disconnect', async () => {
		const h = handlers();
		const counts = { ...zeroCounts(), catchingUp: { done: 250, total: 1_000 } };
		render(LivePanel, { server, status: status({ counts }), ...fields, ...h });
		const panel = screen.getByRole('region', { name: 'Live sync' });
		expect(panel).toHaveTextContent('Connected to team on https://couch.example as zoe.');
		expect(panel).toHaveTextContent('Connected, catching up.');
		expect(within(panel).getByLabelText('Receiving changes')).toHaveAttribute('value', '25');
		await fireEvent.click(within(panel).getByRole('button', { name: 'Pause' }));
		expect(h.onpause).toHaveBeenCalledOnce();
		await fireEvent.click(within(panel).getByRole('button', { name: 'Disconnect' }));
		expect(h.ondisconnect).toHaveBeenCalledOnce();
		expect(within(panel).queryByRole('button', { name: 'Connect' })).toBeNull();
	});

	it('S10: paused or stopped by the server, it offers Resume', async () => {
		const h = handlers();
		const failed = status({ state: 'failed', problem: { code: 'unauthorized' } });
		render(LivePanel, { server, status: failed, ...fields, ...h });
		const panel = screen.getByRole('region', { name: 'Live sync' });
		expect(panel).toHaveTextContent(
			'Stopped: The server did not accept this user name and password.'
		);
		await fireEvent.click(within(panel).getByRole('button', { name: 'Resume' }));
		expect(h.onresume).toHaveBeenCalledOnce();
	});
});
