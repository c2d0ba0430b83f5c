// X7: held changes apply by themselves when their time comes: the watcher the app runs beside
// the store looks at once, then at the next due time (at least every minute), with the time
// and the timers faked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeId } from '$lib/core';
import { HELD_CHECK_EVERY_MS, HeldWatcher } from '$lib/state/held';
import { MemoryStore } from '$lib/store';
import { MAX_CLOCK_SKEW_MS } from '$lib/store/admit';

const T = 1_800_000_000_000;
const HOUR = 3_600_000;

beforeEach(() => {
	vi.useFakeTimers({ now: T });
});
afterEach(() => {
	vi.useRealTimers();
});

describe('HeldWatcher', () => {
	it('X7: applies a held change once its time comes, and not before', async () => {
		const peer = new MemoryStore('ffffffffffffffff');
		await peer.commit(
			{ id: changeId('fast'), actor: null, type: 'renewal.remind', payload: {} },
			T + 2 * HOUR
		);
		const store = new MemoryStore('bbbbbbbbbbbbbbbb');
		await store.importChanges(await peer.changes(), undefined, { now: Date.now() });
		const release = vi.spyOn(store, 'releaseHeld');
		const watcher = new HeldWatcher(store, () => Date.now());
		await watcher.look();
		expect(release).not.toHaveBeenCalled();
		expect(await store.held()).toHaveLength(1);
		// Every minute it looks again; two hours less the skew, and the change applies.
		await vi.advanceTimersByTimeAsync(HELD_CHECK_EVERY_MS);
		expect(await store.changes()).toEqual([]);
		await vi.advanceTimersByTimeAsync(2 * HOUR - MAX_CLOCK_SKEW_MS);
		expect(release).toHaveBeenCalledOnce();
		expect((await store.changes()).map((c) => c.id)).toEqual(['fast']);
		expect(await store.held()).toEqual([]);
		watcher.stop();
	});
});
