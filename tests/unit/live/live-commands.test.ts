// S10: the live-sync commands with a team key file. live.makeKeyFile gives a file to download;
// live.connect reads a chosen file's text as hostile input (S7), refuses anything but a key file
// before a single request, and opens the team with the one that made it. Neither the file nor
// its secret is kept in this device's settings, only the derived key.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '$lib/store';
import { createContext } from '$lib/app/context';
import { liveConnect, liveDisconnect, liveMakeKeyFile } from '$lib/app/live-commands';
import { connect } from '$lib/live/connect';
import { readKeyFile } from '$lib/live/key-file';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { randomBytes } from '$lib/security/encoding';
import { createFakeCouch } from './fake-couch';

const server = { url: 'http://couch.test', database: 'team', username: '', password: '' };
const quiet = (): void => undefined;

function app() {
	const store = new MemoryStore('cccccccccccccccc');
	return { store, ctx: createContext(store, () => 1_800_000_000_000) };
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('S10: live sync commands with a team key file', () => {
	it('S10: live.makeKeyFile gives a fresh key file each time, named for download', async () => {
		const one = await liveMakeKeyFile();
		const two = await liveMakeKeyFile();
		expect(one.filename).toBe('tessera-team-key.json');
		expect(readKeyFile(one.text).ok).toBe(true);
		expect(one.text).not.toBe(two.text);
	});

	it('S7/S10: a file that is not a key file is refused before any request, and nothing is kept', async () => {
		const fetcher = vi.fn<typeof fetch>();
		vi.stubGlobal('fetch', fetcher);
		const { store, ctx } = app();
		for (const text of ['', 'not json', '{"format":"tessera-team-key","version":1}']) {
			expect(await liveConnect(ctx, server, { kind: 'key-file', text }, quiet)).toEqual({
				kind: 'refused',
				problem: { code: 'bad-key-file' }
			});
		}
		expect(fetcher).not.toHaveBeenCalled();
		expect(await store.liveSettings()).toBeUndefined(); // never saved
	});

	it('S10: the key file that made the team connects; another is refused as a key file; the file is never stored', async () => {
		const couch = createFakeCouch();
		couch.createDb('team');
		const made = await liveMakeKeyFile();
		const file = readKeyFile(made.text);
		if (!file.ok) return expect.fail(file.error);
		// The first device made the team (at the minimum cost, which the team document carries).
		const first = await connect(server, file.value, couch.fetch, {
			iterations: KDF_ITERATIONS.min,
			random: randomBytes
		});
		expect(first.ok).toBe(true);
		vi.stubGlobal('fetch', couch.fetch);
		const { store, ctx } = app();
		const other = await liveMakeKeyFile();
		expect(await liveConnect(ctx, server, { kind: 'key-file', text: other.text }, quiet)).toEqual({
			kind: 'refused',
			problem: { code: 'wrong-key-file' }
		});
		expect(await store.liveSettings()).toBeUndefined(); // never saved
		const report = await liveConnect(ctx, server, { kind: 'key-file', text: made.text }, quiet);
		expect(report.kind).toBe('connected');
		const settings = await store.liveSettings();
		const key: unknown =
			typeof settings === 'object' && settings !== null ? Reflect.get(settings, 'key') : null;
		expect(key).toBeInstanceOf(CryptoKey);
		expect(key instanceof CryptoKey && key.extractable).toBe(false);
		expect(JSON.stringify(settings)).not.toContain(file.value.secret);
		await liveDisconnect(ctx);
		expect(await store.liveSettings()).toBeNull();
	});
});
