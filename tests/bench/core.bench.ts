// Core throughput: 100k valid changes applied in memory with applyInPlace (the store's and
// replay's path), and with the copy-on-write `apply` on a smaller run for comparison.
import list from 'free-email-domains';
import { apply, applyInPlace, deviceId, emptyState, usePublicDomains } from '$lib/core';
import type { Change } from '$lib/core';
import { formatClock } from '$lib/log/clock';
import type { ChangeDraft } from '$lib/store/types';
import { workload } from './workload';

const DEVICE = deviceId('00000000000000be');

function stampAll(drafts: readonly ChangeDraft[]): Change[] {
	return drafts.map((d, i) => ({
		...d,
		device: DEVICE,
		clock: formatClock({ millis: 1_800_000_000_000 + i, counter: 0 }, DEVICE),
		at: 1_800_000_000_000 + i,
		prev: null
	}));
}

export default function coreBench({ log }: { log: (line: string) => void }): void {
	usePublicDomains(list);
	const changes = stampAll(workload(100_000));
	let state = emptyState();
	let accepted = 0;
	let started = performance.now();
	for (const change of changes) if (applyInPlace(state, change).ok) accepted++;
	let ms = performance.now() - started;
	log(
		`applyInPlace: ${changes.length} changes (${accepted} accepted) in ${ms.toFixed(0)} ms → ${Math.round((changes.length / ms) * 1000).toLocaleString('en')} changes/s`
	);
	log(
		`final state: ${state.accounts.size} accounts, ${state.licenses.size} licenses, ${state.mail.size} mails`
	);

	const small = changes.slice(0, 20_000);
	state = emptyState();
	started = performance.now();
	for (const change of small) {
		const result = apply(state, change);
		if (result.ok) state = result.value.state;
	}
	ms = performance.now() - started;
	log(
		`apply (copy-on-write): ${small.length} changes in ${ms.toFixed(0)} ms → ${Math.round((small.length / ms) * 1000).toLocaleString('en')} changes/s`
	);
}
