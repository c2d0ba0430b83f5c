/**
 * Hybrid logical clock (S1, S5). Every change gets a time that sorts as text, never goes
 * backwards on a device even when the wall clock does, and orders causally after any change
 * the device has imported.
 *
 * Text format (fixed width, so text order = time order):
 *
 *     2026-11-22T06:12:00.000Z-0000-3f9c2a7d0b1e4c58
 *     └── wall time, ISO-8601 ──┘ └ctr┘ └── device ──┘
 *
 * - wall time: milliseconds as `Date.prototype.toISOString()` (years 0000–9999 only);
 * - counter: 4 hex digits, increments when the wall time has not moved past the last
 *   clock (same millisecond, or the wall clock went backwards); past 65,535 the clock
 *   borrows the next millisecond;
 * - device: the 16 hex digit device id, which makes every clock unique.
 *
 * The functions are pure: the caller passes `now`. Inspired by Actual's crdt/timestamp.ts.
 */
export interface ClockState {
	/** Logical wall time in ms: max of every wall time seen. */
	readonly millis: number;
	readonly counter: number;
}

export const ZERO_CLOCK: ClockState = { millis: 0, counter: 0 };
const MAX_COUNTER = 0xffff;
const CLOCK_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

export class ClockError extends Error {
	override readonly name = 'ClockError';
	constructor(
		readonly code: 'counter-overflow' | 'malformed',
		message: string
	) {
		super(message);
	}
}

/** The next local time: strictly after `state`, at least `now`. */
export function tick(state: ClockState, now: number): ClockState {
	if (now > state.millis) return { millis: now, counter: 0 };
	// More than 65,535 changes in one millisecond (a bulk commit): borrow the next millisecond
	// rather than fail. The clock runs ahead by at most one ms per 65,536 changes.
	if (state.counter >= MAX_COUNTER) return { millis: state.millis + 1, counter: 0 };
	return { millis: state.millis, counter: state.counter + 1 };
}

/**
 * Merges a remote clock into the local one (after an import), so later local changes sort
 * after everything imported. The caller must have refused clocks far in the future already.
 */
export function receive(state: ClockState, remote: ClockState): ClockState {
	if (remote.millis > state.millis) return remote;
	if (remote.millis === state.millis && remote.counter > state.counter) return remote;
	return state;
}

export function formatClock(state: ClockState, device: string): string {
	const wall = new Date(state.millis).toISOString();
	return `${wall}-${state.counter.toString(16).padStart(4, '0')}-${device}`;
}

export function parseClock(text: string): ClockState & { readonly device: string } {
	const match = CLOCK_RE.exec(text);
	const [, wall, counter, device] = match ?? [];
	if (wall === undefined || counter === undefined || device === undefined) {
		throw new ClockError('malformed', `Not a Tessera clock: ${text.slice(0, 60)}`);
	}
	return { millis: Date.parse(wall), counter: parseInt(counter, 16), device };
}

export function isClock(text: string): boolean {
	return CLOCK_RE.test(text);
}

/** Why a change's clock is not acceptable (X7). */
export type ClockProblem = 'format' | 'device' | 'time';

/**
 * X7: a change's clock is exactly the text `formatClock` writes (a real date, lower-case hex),
 * names the change's own device, and its wall time is the change's `at`. Anything else could
 * sort anywhere ("~" sorts after every real clock) and break S5's order or the export queue.
 */
export function checkClock(text: string, device: string, at: number): ClockProblem | null {
	const match = CLOCK_RE.exec(text);
	const [, wall, counter, owner] = match ?? [];
	if (wall === undefined || counter === undefined || owner === undefined) return 'format';
	const millis = Date.parse(wall);
	// Date.parse rolls some impossible dates over (30 February); the round trip does not.
	if (!Number.isFinite(millis) || new Date(millis).toISOString() !== wall) return 'format';
	if (owner !== device) return 'device';
	return millis === at ? null : 'time';
}
