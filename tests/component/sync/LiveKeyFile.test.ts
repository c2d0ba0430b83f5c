// S10 on the whole Sync page (a MemoryStore behind it, the fake CouchDB as the browser's fetch):
// "Make a team key file" downloads a new key file and chooses it for this connect; a chosen key
// file that is not the team's is refused in words that speak of a key file, and the team's own
// connects. The file is read by the panel and handed to live.connect as text.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContext } from '$lib/app/context';
import { connect } from '$lib/live/connect';
import { makeKeyFile, readKeyFile } from '$lib/live/key-file';
import { randomBytes } from '$lib/security/encoding';
import { data } from '$lib/state/data.svelte';
import { liveSync } from '$lib/state/live-sync.svelte';
import { status } from '$lib/state/status.svelte';
import { MemoryStore } from '$lib/store';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { KEY_FILE_MADE_WORDS } from '$lib/ui/live-words';
import { createFakeCouch } from '../../unit/live/fake-couch';
import SyncRoute from '../../../src/routes/sync/+page.svelte';

const NOW = 1_800_000_000_000;
const URL_ = 'http://couch.test';
const DB = 'team';

const said = () => status.current?.text ?? '';
const panel = () => screen.getByRole('region', { name: 'Live sync' });

beforeEach(() => {
	status.clear();
	const store = new MemoryStore('bbbbbbbbbbbbbbbb');
	data.useStore(
		store,
		createContext(store, () => NOW)
	);
});

afterEach(async () => {
	await liveSync.disconnect();
	liveSync.keyFile = null;
	liveSync.secretKind = 'passphrase';
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
});

async function chooseKeyFile(text: string, name: string): Promise<void> {
	await fireEvent.click(within(panel()).getByRole('radio', { name: 'Use a key file' }));
	const input = within(panel()).getByLabelText('Team key file');
	await fireEvent.change(input, { target: { files: [new File([text], name)] } });
	await waitFor(() => expect(panel()).toHaveTextContent(`Using ${name}.`));
}

async function fillServer(): Promise<void> {
	await fireEvent.input(within(panel()).getByLabelText('Server URL'), {
		target: { value: URL_ }
	});
	await fireEvent.input(within(panel()).getByLabelText('Database'), { target: { value: DB } });
}

describe('S10: a team key file on the Sync page', () => {
	it('S10: "Make a team key file" downloads a new key file and chooses it, with words to keep it safe', async () => {
		const made: Blob[] = [];
		vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
			if (blob instanceof Blob) made.push(blob);
			return 'blob:key';
		});
		vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
		const downloaded: string[] = [];
		vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
			this: HTMLAnchorElement
		) {
			downloaded.push(this.download);
		});
		render(SyncRoute);
		await fireEvent.click(within(panel()).getByRole('radio', { name: 'Use a key file' }));
		await fireEvent.click(within(panel()).getByRole('button', { name: 'Make a team key file' }));
		await waitFor(() => expect(downloaded).toEqual(['tessera-team-key.json']));
		expect(said()).toBe(KEY_FILE_MADE_WORDS);
		expect(panel()).toHaveTextContent('Using tessera-team-key.json, just made and downloaded.');
		const text = (await made[0]?.text()) ?? '';
		expect(readKeyFile(text).ok).toBe(true);
		// What Connect will use is the file that was downloaded.
		expect(liveSync.keyFile?.text).toBe(text);
		expect(within(panel()).getByRole('radio', { name: 'Use a key file' })).toBeChecked();
	});

	it('S10: another team’s key file is refused in words; the team’s own connects', async () => {
		const couch = createFakeCouch();
		couch.createDb(DB);
		const ours = makeKeyFile(randomBytes);
		const read = readKeyFile(ours);
		if (!read.ok) return expect.fail(read.error);
		const config = { url: URL_, database: DB, username: '', password: '' };
		const team = await connect(config, read.value, couch.fetch, {
			iterations: KDF_ITERATIONS.min,
			random: randomBytes
		});
		expect(team.ok).toBe(true);
		vi.stubGlobal('fetch', couch.fetch);
		render(SyncRoute);
		await fillServer();
		await chooseKeyFile(makeKeyFile(randomBytes), 'other-team.json');
		await fireEvent.click(within(panel()).getByRole('button', { name: 'Connect' }));
		await waitFor(() =>
			expect(said()).toBe(
				'Live sync is not on. That is not this team’s key file: nothing was read or sent.'
			)
		);
		await chooseKeyFile('{"format":"tessera-team-key","version":1}', 'broken.json');
		await fireEvent.click(within(panel()).getByRole('button', { name: 'Connect' }));
		await waitFor(() => expect(said()).toContain('That file is not a Tessera team key file'));
		await chooseKeyFile(ours, 'tessera-team-key.json');
		await fireEvent.click(within(panel()).getByRole('button', { name: 'Connect' }));
		await waitFor(() => expect(said()).toContain('Live sync is on'));
		expect(panel()).toHaveTextContent(`Connected to ${DB} on ${URL_}`);
		// The key file is forgotten once used.
		expect(liveSync.keyFile).toBeNull();
	});
});
