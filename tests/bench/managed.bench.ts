// O2 at scale: an organization managing 5,000 accounts (plus 5,000 elsewhere). Times building
// the admin's list (one pass and one sort, redone only when records change) and each filter
// keystroke over it (one pass, no sort), typing a search letter by letter. In memory, through
// the core's queries the Managed accounts section uses. Figures only, nothing is asserted.
import list from 'free-email-domains';
import {
	accountId,
	applyInPlace,
	changeId,
	deviceId,
	emptyState,
	filterManagedRows,
	managedAccountRows,
	organizationId,
	usePublicDomains
} from '$lib/core';
import type { Change, State } from '$lib/core';

const DEVICE = deviceId('00000000000000be');
const ORG = organizationId('org-bench');
const MANAGED = 5_000;

export function managedWorld(count = MANAGED): State {
	const state = emptyState();
	let n = 0;
	const envelope = (actor: string | null) => ({
		id: changeId(`c${n}`),
		device: DEVICE,
		clock: `${String(n).padStart(12, '0')}-${DEVICE}`,
		at: 1_800_000_000_000 + n++,
		actor: actor === null ? null : accountId(actor),
		prev: null
	});
	const changes: Change[] = [];
	const signup = (id: string, email: string, name: string): Change => ({
		...envelope(null),
		type: 'account.create',
		payload: { accountId: accountId(id), email, name, mode: 'signup', source: 'password' }
	});
	changes.push(signup('admin', 'admin@bench.example', 'Ada Admin'));
	for (let i = 0; i < count; i++) {
		changes.push(signup(`m${i}`, `user${i}@bench.example`, `Person ${i} Surname${i % 97}`));
		changes.push(signup(`o${i}`, `user${i}@elsewhere.example`, `Other ${i}`));
	}
	changes.push(
		{
			...envelope('admin'),
			type: 'organization.create',
			payload: { organizationId: ORG, name: 'Bench' }
		},
		{
			...envelope('admin'),
			type: 'domain.add',
			payload: { organizationId: ORG, domain: 'bench.example', tokenHash: 'tok' }
		},
		{
			...envelope('admin'),
			type: 'domain.verify',
			payload: { organizationId: ORG, domain: 'bench.example', method: 'dns', tokenHash: 'tok' }
		}
	);
	for (const c of changes) applyInPlace(state, c);
	return state;
}

export default function managedBench({ log }: { log: (line: string) => void }): void {
	usePublicDomains(list);
	const state = managedWorld();
	let started = performance.now();
	const rows = managedAccountRows(state, ORG);
	const build = performance.now() - started;
	log(
		`managed accounts: list of ${rows.length} (of ${state.accounts.size} accounts) built in ${build.toFixed(1)} ms`
	);
	const typed = 'user4999';
	const times: number[] = [];
	let shown = 0;
	for (let i = 1; i <= typed.length; i++) {
		started = performance.now();
		shown = filterManagedRows(rows, { query: typed.slice(0, i) }).length;
		times.push(performance.now() - started);
	}
	const worst = Math.max(...times);
	const mean = times.reduce((a, b) => a + b, 0) / times.length;
	log(
		`managed accounts: filter keystroke over ${rows.length}: mean ${mean.toFixed(2)} ms, worst ${worst.toFixed(2)} ms (${shown} match "${typed}")`
	);
	started = performance.now();
	const off = filterManagedRows(rows, { twoStep: 'off', status: 'active', source: 'password' });
	log(
		`managed accounts: status + two-step + source filter in ${(performance.now() - started).toFixed(2)} ms (${off.length} rows)`
	);
}
