// S1/S5: the hybrid logical clock sorts as text, never goes backwards, and encodes the device.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockError, ZERO_CLOCK, formatClock, parseClock, receive, tick } from '$lib/log/clock';

const DEVICE = '0123456789abcdef';

describe('hybrid logical clock', () => {
	it('S5: formats a fixed-width text that round-trips and names the device', () => {
		const text = formatClock({ millis: Date.UTC(2026, 10, 22, 6, 12), counter: 10 }, DEVICE);
		expect(text).toBe('2026-11-22T06:12:00.000Z-000a-0123456789abcdef');
		expect(parseClock(text)).toEqual({
			millis: Date.UTC(2026, 10, 22, 6, 12),
			counter: 10,
			device: DEVICE
		});
	});

	it('S5: stays monotonic when the wall clock goes backwards', () => {
		const a = tick(ZERO_CLOCK, 5_000);
		const b = tick(a, 4_000); // the wall clock jumped back one second
		const c = tick(b, 4_500);
		const texts = [a, b, c].map((s) => formatClock(s, DEVICE));
		expect(b).toEqual({ millis: 5_000, counter: 1 });
		expect(c).toEqual({ millis: 5_000, counter: 2 });
		expect([...texts].sort()).toEqual(texts);
		expect(new Set(texts).size).toBe(3);
	});

	it('S5: any sequence of wall times gives strictly increasing clock texts', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 4_102_444_800_000 }), { maxLength: 60 }),
				(walls) => {
					let state = ZERO_CLOCK;
					let last = '';
					for (const wall of walls) {
						state = tick(state, wall);
						const text = formatClock(state, DEVICE);
						if (!(text > last)) return false;
						last = text;
					}
					return true;
				}
			)
		);
		expect(tick(ZERO_CLOCK, 1).millis).toBe(1);
	});

	it('S5: after receiving a remote clock, local times sort after it', () => {
		const local = tick(ZERO_CLOCK, 1_000);
		const remote = { millis: 9_000, counter: 3 };
		const merged = receive(local, remote);
		const next = tick(merged, 1_001);
		expect(formatClock(next, DEVICE) > formatClock(remote, 'ffffffffffffffff')).toBe(true);
		expect(receive(merged, { millis: 100, counter: 0 })).toEqual(merged);
	});

	it('S5: past 65,535 changes in one millisecond it borrows the next one, never reusing a time', () => {
		const full = { millis: 10, counter: 0xffff };
		const next = tick(full, 10);
		expect(next).toEqual({ millis: 11, counter: 0 });
		expect(formatClock(next, DEVICE) > formatClock(full, DEVICE)).toBe(true);
	});

	it('refuses malformed clock text', () => {
		expect(() => parseClock('yesterday')).toThrow(ClockError);
	});
});
