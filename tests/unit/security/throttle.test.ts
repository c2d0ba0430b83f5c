/**
 * X2: wrong passwords or codes slow down, then lock for 15 minutes. The schedule is pure,
 * so every boundary is checked to the millisecond.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	checkThrottle,
	delayAfter,
	initialThrottleState,
	recordFailure,
	recordSuccess
} from '$lib/security';
import type { ThrottleState } from '$lib/security';

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;

/** `count` failures, each made as soon as the schedule allows; returns the state and time. */
function failRepeatedly(count: number, start = T0): { state: ThrottleState; now: number } {
	let state = initialThrottleState();
	let now = start;
	for (let i = 0; i < count; i++) {
		const check = checkThrottle(state, now);
		if (!check.allowed) now = check.retryAt;
		state = recordFailure(state, now);
	}
	return { state, now };
}

describe('throttle schedule (X2)', () => {
	const table: [failures: number, delayMs: number][] = [
		[0, 0],
		[1, 0],
		[2, 0],
		[3, 0],
		[4, 1_000],
		[5, 2_000],
		[6, 4_000],
		[7, 8_000],
		[8, 16_000],
		[9, 30_000]
	];

	it.each(table)('after %i failures the next attempt waits %i ms', (failures, delayMs) => {
		expect(delayAfter(failures)).toBe(delayMs);
		const { state, now } = failRepeatedly(failures);
		if (delayMs === 0) {
			expect(checkThrottle(state, now)).toEqual({ allowed: true });
		} else {
			expect(checkThrottle(state, now + delayMs - 1)).toEqual({
				allowed: false,
				retryAt: now + delayMs,
				reason: 'slow-down'
			});
			expect(checkThrottle(state, now + delayMs)).toEqual({ allowed: true });
		}
	});

	it('locks on the 10th failure for exactly 15 minutes', () => {
		const { state, now } = failRepeatedly(10);
		expect(state.lockedUntil).toBe(now + 15 * MINUTE);
		expect(checkThrottle(state, now)).toEqual({
			allowed: false,
			retryAt: now + 15 * MINUTE,
			reason: 'locked'
		});
		expect(checkThrottle(state, now + 15 * MINUTE - 1).allowed).toBe(false);
		expect(checkThrottle(state, now + 15 * MINUTE)).toEqual({ allowed: true });
	});

	it('locks again at once for a failure right after a lock ends', () => {
		const { state, now } = failRepeatedly(10);
		const unlocked = now + 15 * MINUTE;
		const again = recordFailure(state, unlocked);
		expect(again.failures).toBe(11);
		expect(checkThrottle(again, unlocked)).toEqual({
			allowed: false,
			retryAt: unlocked + 15 * MINUTE,
			reason: 'locked'
		});
	});

	it('resets on success', () => {
		const { state, now } = failRepeatedly(8);
		expect(checkThrottle(state, now).allowed).toBe(false);
		const reset = recordSuccess();
		expect(reset).toEqual(initialThrottleState());
		expect(checkThrottle(reset, now)).toEqual({ allowed: true });
	});

	it('forgets failures an hour after the last one', () => {
		const { state, now } = failRepeatedly(9);
		expect(recordFailure(state, now + 60 * MINUTE - 1).failures).toBe(10);
		expect(recordFailure(state, now + 60 * MINUTE)).toEqual({
			failures: 1,
			lockedUntil: null,
			lastFailureAt: now + 60 * MINUTE
		});
	});

	it('forgets a lock an hour after it began', () => {
		const { state, now } = failRepeatedly(10);
		const later = recordFailure(state, now + 60 * MINUTE);
		expect(later.failures).toBe(1);
		expect(checkThrottle(later, now + 60 * MINUTE)).toEqual({ allowed: true });
	});

	it('never allows an attempt while locked or slowed down (property)', () => {
		const everyAttemptRespectsTheSchedule = fc.property(
			fc.array(fc.integer({ min: 0, max: 2 * 60 * MINUTE }), { maxLength: 30 }),
			(gaps) => {
				let state = initialThrottleState();
				let now = T0;
				for (const gap of gaps) {
					now += gap;
					const check = checkThrottle(state, now);
					const locked = state.lockedUntil !== null && now < state.lockedUntil;
					if (locked && check.allowed) return false;
					if (!check.allowed && check.retryAt <= now) return false;
					if (check.allowed) state = recordFailure(state, now);
				}
				return true;
			}
		);
		expect(() => fc.assert(everyAttemptRespectsTheSchedule)).not.toThrow();
	});
});
