// O6 at scale: an organization whose verified domain holds the 2,000 people of a 100,000-change
// workload, so nearly every change is an audit entry. Interleaved rounds, medians, each figure
// against its floor measured in the same rounds:
// - picking the entries (auditEntries) against one plain pass over the log;
// - a filter keystroke (filterAudit on ~100k entries by account text) against the same
//   filter with nothing typed (which keeps every entry);
// plus, once, the X5 chain check that opening the section also runs.
import list from 'free-email-domains';
import {
	accountId,
	applyInPlace,
	auditEntries,
	changeId,
	deviceId,
	emptyState,
	filterAudit,
	organizationId,
	usePublicDomains
} from '$lib/core';
import type { AccountId, Change } from '$lib/core';
import { formatClock } from '$lib/log/clock';
import { changeHash, verifyChains } from '$lib/log/digest';
import type { ChangeDraft } from '$lib/store/types';
import { workload } from './workload';

const DEVICE = deviceId('00000000000000ae');
const ORG = organizationId('org-bench');
const ROUNDS = 7;
const ADMIN = accountId('p-0');

function stampAll(drafts: readonly ChangeDraft[]): Change[] {
	let prev: string | null = null;
	return drafts.map((d, i) => {
		const change: Change = {
			...d,
			device: DEVICE,
			clock: formatClock({ millis: 1_800_000_000_000 + i, counter: 0 }, DEVICE),
			at: 1_800_000_000_000 + i,
			prev
		};
		prev = changeHash(change);
		return change;
	});
}

function organization(): ChangeDraft[] {
	const base = { actor: ADMIN };
	return [
		{
			...base,
			id: changeId('org-1'),
			type: 'organization.create',
			payload: { organizationId: ORG, name: 'Acme' }
		},
		{
			...base,
			id: changeId('org-2'),
			type: 'domain.add',
			payload: { organizationId: ORG, domain: 'acme.com', tokenHash: 'bench-token-hash' }
		},
		{
			...base,
			id: changeId('org-3'),
			type: 'domain.verify',
			payload: {
				organizationId: ORG,
				domain: 'acme.com',
				method: 'dns',
				tokenHash: 'bench-token-hash'
			}
		}
	];
}

const median = (xs: number[]): number =>
	[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function time<T>(run: () => T): [T, number] {
	const started = performance.now();
	const value = run();
	return [value, performance.now() - started];
}

export default async function auditBench({ log }: { log: (line: string) => void }): Promise<void> {
	usePublicDomains(list);
	const drafts = workload(100_000);
	// The organization comes after the people signed up (its creator must exist).
	const changes = stampAll([...drafts.slice(0, 2_000), ...organization(), ...drafts.slice(2_000)]);
	const state = emptyState();
	let accepted = 0;
	for (const change of changes) if (applyInPlace(state, change).ok) accepted++;
	log(
		`O6 audit log over ${changes.length.toLocaleString('en')} changes (${accepted.toLocaleString('en')} accepted), 2,000 managed accounts`
	);

	const texts = new Map<AccountId, string>();
	for (const a of state.accounts.values()) texts.set(a.id, `${a.name} ${a.email}`.toLowerCase());
	const textOf = (id: AccountId) => texts.get(id) ?? '';

	const pick: number[] = [];
	const scan: number[] = [];
	const keystroke: number[] = [];
	const keep: number[] = [];
	let entries = auditEntries(state, changes, ORG);
	let kept = 0;
	for (let r = 0; r < ROUNDS; r++) {
		const [n, s] = time(() => changes.reduce((k, c) => (c.actor === null ? k : k + 1), 0));
		scan.push(s);
		const [e, p] = time(() => auditEntries(state, changes, ORG));
		pick.push(p);
		entries = e;
		const [all, f0] = time(() => filterAudit(entries, {}, textOf).length);
		keep.push(f0);
		const [found, f1] = time(() => filterAudit(entries, { account: `person${r + 12}@` }, textOf));
		keystroke.push(f1);
		kept = found.length + (n > 0 && all > 0 ? 0 : 1);
	}
	const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : 'n/a');
	log(`  entries: ${entries.length.toLocaleString('en')}`);
	log(
		`  pick entries (auditEntries): median ${median(pick).toFixed(1)} ms; floor (one pass over the log) ${median(scan).toFixed(1)} ms: ${ratio(median(pick), median(scan))}`
	);
	log(
		`  filter keystroke (account text, ${kept} kept): median ${median(keystroke).toFixed(1)} ms; floor (the same filter with nothing typed) ${median(keep).toFixed(1)} ms: ${ratio(median(keystroke), median(keep))}`
	);
	const started = performance.now();
	const check = await verifyChains(changes);
	log(
		`  X5 chain check (asked after the table shows): ${(performance.now() - started).toFixed(0)} ms (${check.ok ? 'intact' : 'broken'})`
	);
}
