// S10 across tabs: one loop per device database runs at a time (Web Locks in the browser, a
// fake lock here); a tab whose turn has not come says so, and takes over when the running tab
// closes; a tab that finds live sync paused or disconnected by another tab follows it instead
// of undoing it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { State } from '$lib/core';
import { connectLive, resumeLive } from '$lib/app/live-sync';
import type { LiveEnv, LiveSession, LiveStatus } from '$lib/app/live-sync';
import type { LiveState } from '$lib/live/loop';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { baseState, cid, commit, device, enroll, person } from '../sync/x6-world';
import type { Device, Person } from '../sync/x6-world';
import { createFakeCouch } from './fake-couch';
import type { FakeCouch } from './fake-couch';

const SERVER = { url: 'http://couch.test', database: 'team', username: '', password: '' };
const PASSPHRASE = 'team passphrase';
let alice: Person;
let base: State;

beforeAll(async () => {
	alice = await person('alice');
	base = await baseState([alice], alice, alice);
});

/** A lock like the browser's: one holder, the others queued in order (Web Locks). */
function oneLock(): NonNullable<LiveEnv['exclusively']> {
	let held = false;
	const queue: (() => void)[] = [];
	return async (task, queued, signal) => {
		if (held) {
			queued();
			let turn: () => void = () => undefined;
			const granted = new Promise<void>((resolve) => (turn = resolve));
			queue.push(turn);
			const gaveUp = new Promise<void>((resolve) =>
				signal.addEventListener('abort', () => resolve())
			);
			await Promise.race([granted, gaveUp]);
			if (signal.aborted) {
				queue.splice(queue.indexOf(turn), 1);
				return;
			}
		}
		held = true;
		try {
			await task();
		} finally {
			held = false;
			queue.shift()?.();
		}
	};
}

function envWith(couch: FakeCouch, exclusively?: LiveEnv['exclusively']): LiveEnv {
	return {
		fetch: couch.fetch,
		iterations: KDF_ITERATIONS.min,
		longPollMs: 50,
		isOnline: () => true,
		sleep: (ms, wake) =>
			new Promise((resolve) => {
				const timer = setTimeout(resolve, Math.min(ms, 20));
				wake.addEventListener('abort', () => {
					clearTimeout(timer);
					resolve();
				});
			}),
		...(exclusively === undefined ? {} : { exclusively })
	};
}

/** A tab's view of its session's status, and a way to wait for a state. */
function watcher() {
	const seen: LiveStatus[] = [];
	const waiters: { test: (s: LiveStatus) => boolean; resolve: () => void }[] = [];
	const when = (test: (s: LiveStatus) => boolean): Promise<void> => {
		const last = seen.at(-1);
		if (last !== undefined && test(last)) return Promise.resolve();
		return new Promise((resolve) => waiters.push({ test, resolve }));
	};
	return {
		seen,
		onStatus: (status: LiveStatus): void => {
			seen.push(status);
			for (const w of waiters.filter((w) => w.test(status))) w.resolve();
		},
		when,
		until: (state: LiveState): Promise<void> => when((s) => s.state === state)
	};
}

async function tabOne(d: Device, env: LiveEnv) {
	const tab = watcher();
	const joined = await connectLive(d.ctx, SERVER, PASSPHRASE, env, tab.onStatus);
	if (!joined.ok) return expect.fail(JSON.stringify(joined.error));
	await tab.until('waiting');
	return { tab, session: joined.value };
}

async function tabTwo(
	d: Device,
	env: LiveEnv
): Promise<{ tab: ReturnType<typeof watcher>; session: LiveSession }> {
	const tab = watcher();
	const session = await resumeLive(d.ctx, env, tab.onStatus);
	if (session === null) return expect.fail('nothing to resume');
	return { tab, session };
}

const rename = (name: string) => ({
	id: cid('name'),
	actor: alice.id,
	type: 'account.updateProfile' as const,
	payload: { accountId: alice.id, name }
});

async function setUp() {
	const couch = createFakeCouch();
	couch.createDb('team');
	const d = device('a', base);
	await enroll(d, alice);
	return { couch, d };
}

/** One device, two tabs sharing one lock: the first runs, the second waits its turn. */
async function twoTabs() {
	const { couch, d } = await setUp();
	const lock = oneLock();
	const first = await tabOne(d, envWith(couch, lock));
	const second = await tabTwo(d, envWith(couch, lock));
	await second.tab.until('elsewhere');
	return { couch, d, first, second };
}

describe('S10: live sync across the tabs of one browser', () => {
	it('S10: a second tab waits its turn ("elsewhere") and takes over when the first one closes', async () => {
		const { couch, d, first, second } = await twoTabs();
		expect(second.tab.seen.map((s) => s.state)).toEqual(['elsewhere']);
		first.session.stop(); // the first tab closes
		await second.tab.until('waiting');
		await commit(d, rename('Alice from the second tab'));
		await second.tab.when((s) => s.state === 'waiting' && s.counts.pushed > 0);
		const docs = couch.docs('team').filter((doc) => doc._id.startsWith('c:'));
		expect(docs).toHaveLength((await d.store.changes()).length);
		second.session.stop();
	});

	it('S10: a tab whose turn comes after another tab paused stays paused', async () => {
		const { first, second } = await twoTabs();
		await first.session.pause();
		await second.tab.until('paused');
		expect(second.tab.seen.some((s) => s.state === 'live' || s.state === 'waiting')).toBe(false);
		first.session.stop();
		second.session.stop();
	});

	it('S10: a Pause in a tab that waits its turn pauses the running tab at once', async () => {
		const { d, first, second } = await twoTabs();
		await second.session.pause();
		await first.tab.until('paused'); // nothing committed: the saved settings are heard
		const settings = await d.store.liveSettings();
		expect(
			typeof settings === 'object' && settings !== null && Reflect.get(settings, 'paused')
		).toBe(true);
		first.session.stop();
		second.session.stop();
	});

	it('S10: a Resume in another tab resumes the paused tabs; the one that does not run waits its turn', async () => {
		const { couch, d, first, second } = await twoTabs();
		await first.session.pause();
		await second.tab.until('paused');
		await second.session.resume();
		// Whichever gets the lock runs, and the other says so; an edit then reaches the server.
		const settled = (s: LiveStatus) => s.state === 'waiting' || s.state === 'elsewhere';
		await Promise.all([first.tab.when(settled), second.tab.when(settled)]);
		const states = [first.session.status.state, second.session.status.state].sort();
		expect(states).toEqual(['elsewhere', 'waiting']);
		const running = first.session.status.state === 'waiting' ? first : second;
		const before = running.session.status.counts.pushed;
		await commit(d, rename('Alice after resume'));
		await running.tab.when((s) => s.counts.pushed > before);
		const docs = couch.docs('team').filter((doc) => doc._id.startsWith('c:'));
		expect(docs).toHaveLength((await d.store.changes()).length);
		first.session.stop();
		second.session.stop();
	});

	it('S10: a tab that finds live sync disconnected by another tab stops at once, and does not write the settings back', async () => {
		const { couch, d } = await setUp();
		const first = await tabOne(d, envWith(couch));
		await d.store.saveLiveSettings(null); // another tab's Disconnect
		await first.tab.until('stopped');
		await commit(d, rename('Alice after disconnect'));
		expect(await d.store.liveSettings()).toBeNull();
	});

	it('S10: a reload still says when something was last sent; a damaged time drops only itself', async () => {
		const { couch, d } = await setUp();
		const env = envWith(couch);
		const first = await tabOne(d, env);
		await commit(d, rename('Alice before the reload'));
		await first.tab.when((s) => s.counts.lastPush !== null);
		const sentAt = first.session.status.counts.lastPush;
		first.session.stop(); // the page reloads
		const again = await tabTwo(d, env);
		expect(again.session.status.counts).toMatchObject({ pushed: 0, lastPush: sentAt });
		expect(sentAt).toEqual(expect.any(Number));
		again.session.stop();
		const kept = await d.store.liveSettings();
		if (typeof kept !== 'object' || kept === null) return expect.fail('no settings');
		const checkpoint: unknown = Reflect.get(kept, 'checkpoint');
		if (typeof checkpoint !== 'object' || checkpoint === null) return expect.fail('no checkpoint');
		for (const lastPush of ['soon', -1, 1e20, 1.5]) {
			await d.store.saveLiveSettings({ ...kept, checkpoint: { ...checkpoint, lastPush } });
			const damaged = await tabTwo(d, env);
			expect(damaged.session.server.url).toBe(SERVER.url);
			expect(damaged.session.status.counts.lastPush).toBeNull();
			damaged.session.stop();
		}
	});
});
