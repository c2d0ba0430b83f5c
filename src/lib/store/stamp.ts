// Turns an app command's draft into a Change: device, the next clock time, and `prev`, the
// hash of this device's previous change (X5). Shared by every Store so they stamp alike.
import type { Change, DeviceId } from '$lib/core';
import type { ClockState } from '$lib/log/clock';
import { formatClock, tick } from '$lib/log/clock';
import type { Head } from './meta';
import type { ChangeDraft } from './types';

export function stamp(
	draft: ChangeDraft,
	device: DeviceId,
	last: { readonly clock: ClockState; readonly head: Head | null },
	now: number
): { change: Change; clock: ClockState } {
	const clock = tick(last.clock, now);
	const change = {
		...draft,
		device,
		clock: formatClock(clock, device),
		at: clock.millis,
		prev: last.head?.hash ?? null
	} satisfies Change;
	return { change, clock };
}
