// S10 in the UI: the Live sync panel asks for the server, database, user, password and the
// team's secret (its passphrase, or a team key file chosen or made here) by label; once connected
// it shows the status line, a first pull's progress, and Pause (Resume when paused or stopped)
// and Disconnect.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import LivePanel from '$lib/components/sync/LivePanel.svelte';
import type { LiveStatus } from '$lib/app/command-types';
import { KEY_FILE_MAX_CHARS } from '$lib/live/key-file';
import { zeroCounts } from '$lib/live/replicator';
import type { ChosenKeyFile, SecretKind } from '$lib/state/live-sync.svelte';

const PASSPHRASE: SecretKind = 'passphrase';
const KEY_FILE: SecretKind = 'key-file';

const handlers = () => ({
	onconnect: vi.fn(),
	onkeyfile: vi.fn<(file: ChosenKeyFile | null) => void>(),
	onmakekeyfile: vi.fn(),
	onpause: vi.fn(),
	onresume: vi.fn(),
	ondisconnect: vi.fn()
});
const fields = {
	url: '',
	database: '',
	username: '',
	password: '',
	passphrase: '',
	secretKind: PASSPHRASE,
	keyFile: null
};
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

	it('S10: "Key file" swaps the passphrase for a file input and "Make a team key file", with a word to keep it safe', async () => {
		const h = handlers();
		render(LivePanel, { server: null, status: null, ...fields, ...h });
		const panel = screen.getByRole('region', { name: 'Live sync' });
		const choice = within(panel).getByRole('group', { name: 'The team’s secret' });
		expect(within(choice).getByRole('radio', { name: 'Use a passphrase' })).toBeChecked();
		expect(within(panel).queryByLabelText('Team key file')).toBeNull();
		await fireEvent.click(within(choice).getByRole('radio', { name: 'Use a key file' }));
		expect(within(panel).queryByLabelText('Team passphrase')).toBeNull();
		const input = within(panel).getByLabelText('Team key file');
		expect(input).toHaveAttribute('type', 'file');
		expect(input).toBeRequired();
		expect(input).toHaveAccessibleDescription(
			/Keep the file safe, and copy it to the team’s other devices/
		);
		await fireEvent.click(within(panel).getByRole('button', { name: 'Make a team key file' }));
		expect(h.onmakekeyfile).toHaveBeenCalledOnce();
		expect(h.onconnect).not.toHaveBeenCalled();
	});

	it('S10: a chosen file the browser cannot read is handed on with no text, not thrown', async () => {
		const h = handlers();
		render(LivePanel, { server: null, status: null, ...fields, secretKind: KEY_FILE, ...h });
		const input = screen.getByLabelText('Team key file');
		const unreadable = new File(['{}'], 'gone.json');
		vi.spyOn(unreadable, 'slice').mockReturnValue(new Blob(['{}'], { type: 'application/json' }));
		const blob = unreadable.slice();
		vi.spyOn(blob, 'text').mockRejectedValue(new DOMException('gone', 'NotReadableError'));
		await fireEvent.change(input, { target: { files: [unreadable] } });
		await waitFor(() => expect(h.onkeyfile).toHaveBeenCalledOnce());
		const handed: ChosenKeyFile = { name: 'gone.json', text: '', made: false };
		expect(h.onkeyfile).toHaveBeenCalledWith(handed);
		expect(screen.getByRole('button', { name: 'Connect' })).toBeEnabled();
	});

	it('S10: a chosen key file’s text is read and handed on; a made one is shown as chosen', async () => {
		const h = handlers();
		const text = '{"format":"tessera-team-key","version":1,"secret":"x"}';
		const { rerender } = render(LivePanel, {
			server: null,
			status: null,
			...fields,
			secretKind: KEY_FILE,
			...h
		});
		const panel = screen.getByRole('region', { name: 'Live sync' });
		const input = within(panel).getByLabelText('Team key file');
		await fireEvent.change(input, { target: { files: [new File([text], 'our-team.json')] } });
		await waitFor(() => expect(h.onkeyfile).toHaveBeenCalledOnce());
		const chosen: ChosenKeyFile = { name: 'our-team.json', text, made: false };
		expect(h.onkeyfile).toHaveBeenCalledWith(chosen);
		// Only the start of a big file is read: the key-file reader refuses it by its size.
		const big = 'x'.repeat(1_000_000);
		await fireEvent.change(input, { target: { files: [new File([big], 'big.json')] } });
		await waitFor(() => expect(h.onkeyfile).toHaveBeenCalledTimes(2));
		const read = h.onkeyfile.mock.calls[1]?.[0];
		expect(read).toMatchObject({ name: 'big.json', made: false });
		expect(read?.text.length).toBeGreaterThan(KEY_FILE_MAX_CHARS);
		expect(read?.text.length).toBeLessThan(big.length);
		await rerender({
			keyFile: { name: 'tessera-team-key.json', text, made: true }
		});
		expect(panel).toHaveTextContent('Using tessera-team-key.json, just made and downloaded.');
		expect(within(panel).getByLabelText('Team key file')).not.toBeRequired();
		await fireEvent.input(within(panel).getByLabelText('Server URL'), {
			target: { value: 'https://couch.example' }
		});
		await fireEvent.input(within(panel).getByLabelText('Database'), { target: { value: 'team' } });
		await fireEvent.click(within(panel).getByRole('button', { name: 'Connect' }));
		expect(h.onconnect).toHaveBeenCalledOnce();
	});
});
