// Bench files of changes from eight devices, each device's changes chained by `prev` (X5) as
// the store stamps them, so a reader does all its work.
import { compareChanges, deviceId } from '$lib/core';
import type { Change } from '$lib/core';
import { changeHash } from '$lib/log/digest';

export const DEVICES = Array.from({ length: 8 }, (_, i) => deviceId(`${i}`.repeat(16)));
export const EXPORTER = deviceId('0'.repeat(16));

/** Chains each device's changes in replay order; the result is in replay order (S5). */
export function chained(changes: readonly Change[]): Change[] {
	const byDevice = new Map<string, Change[]>();
	for (const c of [...changes].sort(compareChanges)) {
		const list = byDevice.get(c.device) ?? [];
		list.push(c);
		byDevice.set(c.device, list);
	}
	return [...byDevice.values()]
		.flatMap((list) => {
			let prev: string | null = null;
			return list.map((c) => {
				const linked: Change = { ...c, prev };
				prev = changeHash(linked);
				return linked;
			});
		})
		.sort(compareChanges);
}
