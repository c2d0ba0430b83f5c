// Runs in Chromium (served by Vite for `npm run bench`): the Managed accounts section (O2)
// mounted on a MemoryStore with an organization managing 5,000 accounts (and 5,000 others),
// and a search typed letter by letter: each keystroke is timed from the input event until the
// filtered rows are painted (two animation frames).
import { mount, tick } from 'svelte';
import { accountId, changeId, organizationId } from '$lib/core';
import type { AccountId } from '$lib/core';
import { createContext } from '$lib/app/context';
import type { ChangeDraft } from '$lib/store/types';
import { MemoryStore } from '$lib/store';
import { data } from '$lib/state/data.svelte';
import ManagedAccounts from '$lib/components/organization/ManagedAccounts.svelte';

const ORG = organizationId('org-bench');
const frames = () =>
	new Promise<void>((resolve) =>
		requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
	);

export async function run(managed: number, typed: string) {
	const store = new MemoryStore();
	let n = 0;
	const envelope = (actor: AccountId | null) => ({ id: changeId(`c${n++}`), actor });
	const signup = (id: string, email: string, name: string): ChangeDraft => ({
		...envelope(null),
		type: 'account.create',
		payload: { accountId: accountId(id), email, name, mode: 'signup', source: 'password' }
	});
	const admin = accountId('admin');
	const drafts: ChangeDraft[] = [signup('admin', 'admin@bench.example', 'Ada Admin')];
	for (let i = 0; i < managed; i++) {
		drafts.push(signup(`m${i}`, `user${i}@bench.example`, `Person ${i} Surname${i % 97}`));
		drafts.push(signup(`o${i}`, `user${i}@elsewhere.example`, `Other ${i}`));
	}
	drafts.push(
		{
			...envelope(admin),
			type: 'organization.create',
			payload: { organizationId: ORG, name: 'Bench' }
		},
		{
			...envelope(admin),
			type: 'domain.add',
			payload: { organizationId: ORG, domain: 'bench.example', tokenHash: 'tok' }
		},
		{
			...envelope(admin),
			type: 'domain.verify',
			payload: { organizationId: ORG, domain: 'bench.example', method: 'dns', tokenHash: 'tok' }
		}
	);
	await store.commitMany(drafts, Date.now());
	data.useStore(store, createContext(store));
	const target = document.getElementById('target');
	if (target === null) throw new Error('no target');
	let started = performance.now();
	mount(ManagedAccounts, { target, props: { organizationId: ORG } });
	await tick();
	await frames();
	const first = performance.now() - started;
	const input = target.querySelector('input[type="search"]');
	if (!(input instanceof HTMLInputElement)) throw new Error('no search field');
	const keystrokes: number[] = [];
	for (let i = 1; i <= typed.length; i++) {
		started = performance.now();
		input.value = typed.slice(0, i);
		input.dispatchEvent(new Event('input'));
		await tick();
		await frames();
		keystrokes.push(performance.now() - started);
	}
	const rows = target.querySelectorAll('li').length;
	return { accounts: store.state.accounts.size, first, keystrokes, rows };
}

declare global {
	interface Window {
		runManagedBench?: typeof run;
	}
}

window.runManagedBench = run;
