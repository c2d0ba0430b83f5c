/**
 * Login throttling (X2) as a pure schedule: the caller keeps a ThrottleState per account
 * on this device, asks `checkThrottle` before checking a password or code, and records the
 * outcome. `now` (ms) is always passed in, so the schedule is testable to the millisecond.
 *
 * Schedule, counting consecutive failures:
 * - failures 1–3: no delay;
 * - failures 4–9: the next attempt waits 1 s, 2 s, 4 s, 8 s, 16 s, then 30 s (doubling, capped
 *   at 30 s), counted from the last failure;
 * - the 10th failure locks for 15 minutes; each further failure after the lock ends locks
 *   again for 15 minutes (we err on the side of enforcing: no fresh allowance after a lock);
 * - a success resets everything; so does an hour without failures (a failure whose age is an
 *   hour or more is forgotten).
 * Checking while throttled is refused and is not itself a failure.
 */

export type ThrottleState = {
	failures: number;
	lockedUntil: number | null;
	lastFailureAt: number | null;
};
export type ThrottleCheck =
	{ allowed: true } | { allowed: false; retryAt: number; reason: 'slow-down' | 'locked' };

export const FREE_FAILURES = 3;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 30_000;
export const LOCK_AT_FAILURES = 10;
export const LOCK_MS = 15 * 60_000;
export const FORGET_AFTER_MS = 60 * 60_000;

export function initialThrottleState(): ThrottleState {
	return { failures: 0, lockedUntil: null, lastFailureAt: null };
}

/** The wait before the next attempt after `failures` consecutive failures. */
export function delayAfter(failures: number): number {
	if (failures <= FREE_FAILURES) return 0;
	return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS);
}

export function checkThrottle(state: ThrottleState, now: number): ThrottleCheck {
	if (state.lockedUntil !== null && now < state.lockedUntil) {
		return { allowed: false, retryAt: state.lockedUntil, reason: 'locked' };
	}
	const live = current(state, now);
	if (live.lastFailureAt === null) return { allowed: true };
	const retryAt = live.lastFailureAt + delayAfter(live.failures);
	if (now < retryAt) return { allowed: false, retryAt, reason: 'slow-down' };
	return { allowed: true };
}

export function recordFailure(state: ThrottleState, now: number): ThrottleState {
	const failures = current(state, now).failures + 1;
	return {
		failures,
		lockedUntil: failures >= LOCK_AT_FAILURES ? now + LOCK_MS : null,
		lastFailureAt: now
	};
}

export function recordSuccess(): ThrottleState {
	return initialThrottleState();
}

/** The state with stale failures forgotten. A clock set backwards forgets nothing. */
function current(state: ThrottleState, now: number): ThrottleState {
	if (state.lastFailureAt !== null && now - state.lastFailureAt >= FORGET_AFTER_MS) {
		return initialThrottleState();
	}
	return state;
}
