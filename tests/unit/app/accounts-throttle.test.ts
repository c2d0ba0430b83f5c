// X2 on the device: wrong passwords slow down and then lock the account here, the counts
// live in storage shared by every tab and change only under one lock, so attempts made in
// parallel (two tabs at once) are counted one by one and cannot slip past the schedule.
import { describe, expect, it } from 'vitest';
import { logIn } from '$lib/app/accounts';
import { LOCK_AT_FAILURES, LOCK_MS } from '$lib/security';
import { DeviceThrottle, localLocks, parseTable } from '$lib/state/throttle';
import { PASSWORD, harness, memoryStorage, verifiedAccount } from './accounts-helpers';

describe('login throttling (X2)', () => {
	it('locks after ten wrong passwords, refuses even the right one, and unlocks later', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		for (let i = 0; i < LOCK_AT_FAILURES; i++) {
			let step = await logIn(h.ctx, { email: 'alice@acme.com', password: `wrong ${i}` });
			if (step.kind === 'throttled') {
				expect(step.reason).toBe('slow-down');
				h.advance(step.retryAt - h.now());
				step = await logIn(h.ctx, { email: 'alice@acme.com', password: `wrong ${i}` });
			}
			expect(step).toEqual({ kind: 'invalid' });
		}
		const locked = await logIn(h.ctx, { email: 'alice@acme.com', password: PASSWORD });
		expect(locked).toEqual({ kind: 'throttled', reason: 'locked', retryAt: h.now() + LOCK_MS });
		h.advance(LOCK_MS);
		expect(await logIn(h.ctx, { email: 'alice@acme.com', password: PASSWORD })).toMatchObject({
			kind: 'logged-in'
		});
		expect(h.throttle.failures('alice@acme.com')).toBe(0);
	});

	it('counts an unknown address like a known one, so locking reveals nothing', async () => {
		const h = harness();
		for (let i = 0; i < 4; i++) await logIn(h.ctx, { email: 'ghost@acme.com', password: 'x' });
		expect(await logIn(h.ctx, { email: 'Ghost@ACME.com', password: 'x' })).toMatchObject({
			kind: 'throttled',
			reason: 'slow-down'
		});
	});

	it('serialises parallel attempts from two tabs sharing storage and the lock', async () => {
		const storage = memoryStorage();
		const locks = localLocks();
		const tabA = harness({ storage, locks });
		await verifiedAccount(tabA, 'alice@acme.com');
		const tabB = harness({ storage, locks, store: tabA.store });
		const tries = Array.from({ length: 12 }, (_, i) =>
			logIn((i % 2 === 0 ? tabA : tabB).ctx, { email: 'alice@acme.com', password: `wrong ${i}` })
		);
		const steps = await Promise.all(tries);
		// Three free failures, a fourth that starts the delay, and every other one waits.
		expect(steps.filter((s) => s.kind === 'invalid')).toHaveLength(4);
		expect(steps.filter((s) => s.kind === 'throttled')).toHaveLength(8);
		expect(new DeviceThrottle(storage).failures('alice@acme.com')).toBe(4);
	});

	it('reads damaged storage as no failures instead of failing', () => {
		expect(parseTable('not json')).toEqual({});
		expect(
			parseTable('{"a":{"failures":"x"},"b":{"failures":2,"lockedUntil":null,"lastFailureAt":5}}')
		).toEqual({
			b: { failures: 2, lockedUntil: null, lastFailureAt: 5 }
		});
	});

	it('forgets stale entries when it writes, so storage does not grow', async () => {
		const storage = memoryStorage();
		const h = harness({ storage });
		await logIn(h.ctx, { email: 'old@acme.com', password: 'x' });
		h.advance(2 * 60 * 60 * 1000);
		await logIn(h.ctx, { email: 'new@acme.com', password: 'x' });
		expect(Object.keys(parseTable(storage.getItem('tessera.throttle')))).toEqual(['new@acme.com']);
	});
});
