// A11 and A14 in the components, against a real MemoryStore (no mocks): the Users section of a
// site (its product users, Add user, the upgrade's report with a flagged bot), App passwords
// (the secret shown once in a read-only field) and a managed account's app passwords.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountId, changeId, productId, siteId } from '$lib/core';
import type { AccountId } from '$lib/core';
import type { ChangeDraft } from '$lib/store/types';
import { createContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import { confirmation } from '$lib/state/confirm.svelte';
import { data } from '$lib/state/data.svelte';
import { session } from '$lib/state/session.svelte';
import { status } from '$lib/state/status.svelte';
import SiteUsers from '$lib/components/products/SiteUsers.svelte';
import AppPasswords from '$lib/components/products/AppPasswords.svelte';
import AppPasswordList from '$lib/components/products/AppPasswordList.svelte';

const NOW = Date.UTC(2030, 0, 1);
const TOM = accountId('a-tom');
const SITE = siteId('s-labs');

let store: MemoryStore;
let n = 0;

async function commit(draft: ChangeDraft): Promise<void> {
	const result = await store.commit(draft, NOW + n++);
	if (!result.ok) throw new Error(result.error.code);
}
const envelope = (actor: AccountId | null) => ({ id: changeId(`c-${n}`), actor });

function logInAs(id: AccountId, email: string): void {
	const at = Date.now();
	session.begin({
		accountId: id,
		email,
		name: 'Tom',
		startedAt: at,
		lastActiveAt: at,
		authAt: at,
		proof: 'not checked by begin'
	});
}

beforeEach(async () => {
	n = 0;
	store = new MemoryStore();
	await commit({
		...envelope(null),
		type: 'account.create',
		payload: {
			accountId: TOM,
			email: 'tom@labs.example',
			name: 'Tom',
			mode: 'signup',
			source: 'password'
		}
	});
	await commit({
		...envelope(TOM),
		type: 'site.create',
		payload: {
			siteId: SITE,
			name: 'labs.example.net',
			productIds: [productId('issues'), productId('repos')]
		}
	});
	for (const [email, products, bot] of [
		['nina@labs.example', ['issues'], false],
		['Nina@labs.example', ['repos'], false],
		['bot@labs.example', ['repos'], true]
	] as const) {
		await commit({
			...envelope(TOM),
			type: 'productUser.add',
			payload: {
				siteId: SITE,
				email,
				name: 'N',
				productIds: products.map(productId),
				bot,
				usedOn: bot ? ['other.example.net'] : []
			}
		});
	}
	data.useStore(
		store,
		createContext(store, () => NOW + 1000)
	);
	status.clear();
	logInAs(TOM, 'tom@labs.example');
});

afterEach(() => {
	confirmation.answer(false);
	session.end();
	status.clear();
});

describe('SiteUsers (A11)', () => {
	it('A11: lists product users behind the Users button; Add user refuses on its field; the upgrade shows its report with the bot flagged', async () => {
		render(SiteUsers, { siteId: SITE });
		await fireEvent.click(screen.getByRole('button', { name: 'Users of labs.example.net' }));
		const section = screen.getByRole('region', { name: 'Users of labs.example.net' });
		expect(within(section).getAllByRole('listitem')).toHaveLength(3);
		expect(
			within(section).getByRole('listitem', { name: 'bot@labs.example' }).textContent
		).toContain('used on labs.example.net, other.example.net');

		await fireEvent.input(within(section).getByLabelText('Email'), {
			target: { value: 'ole@labs.example' }
		});
		await fireEvent.input(within(section).getByLabelText('Full name'), {
			target: { value: 'Ole' }
		});
		await fireEvent.click(within(section).getByRole('button', { name: 'Add user' }));
		await waitFor(() =>
			expect(
				within(section).getByText('Choose at least one of the site’s products.')
			).toBeInTheDocument()
		);
		expect(within(section).queryByLabelText('Other sites it is used on')).toBeNull();
		await fireEvent.click(within(section).getByRole('checkbox', { name: 'Bot' }));
		expect(within(section).getByLabelText('Other sites it is used on')).toBeInTheDocument();

		await fireEvent.click(within(section).getByRole('button', { name: 'Upgrade to accounts' }));
		await waitFor(() => expect(confirmation.current).not.toBeNull());
		confirmation.answer(true);
		const report = await within(section).findByRole('list', { name: 'Upgrade report' });
		const items = within(report).getAllByRole('listitem');
		expect(items).toHaveLength(2);
		expect(items[0]?.textContent).toContain('Flagged bot');
		expect(items[0]?.textContent).toContain('or an app password');
		expect(items[1]?.textContent).toContain('nina@labs.example');
		expect(
			within(section).getByText(
				'Upgrade to accounts: 0 existing accounts reused, 2 accounts invited, 1 bot flagged.'
			)
		).toBeInTheDocument();
	});
});

describe('AppPasswords (A14)', () => {
	it('A14: creates one, shows the secret once read-only with Copy and Download, lists it never used', async () => {
		const tom = store.state.accounts.get(TOM);
		if (tom === undefined) throw new Error('tom');
		const view = render(AppPasswords, { account: tom });
		expect(screen.getByText('No app passwords.')).toBeInTheDocument();
		await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'CI' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Create app password' }));
		const field = await screen.findByLabelText('New app password');
		expect(field).toHaveAttribute('readonly');
		expect(field instanceof HTMLInputElement ? field.value : '').toMatch(/^tsr-/);
		expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Download' })).toBeInTheDocument();
		await view.rerender({ account: store.state.accounts.get(TOM) ?? tom });
		const item = screen.getByRole('listitem', { name: 'CI' });
		expect(item.textContent).toContain('labs.example.net');
		expect(item.textContent).toContain('Never used');
		await fireEvent.click(screen.getByRole('button', { name: 'Done' }));
		expect(screen.queryByLabelText('New app password')).toBeNull();
	});

	it('A14: AppPasswordList names its list and offers Revoke per app password', async () => {
		await commit({
			...envelope(TOM),
			type: 'appPassword.create',
			payload: { name: 'Deploy', siteId: SITE, secretHash: 'A'.repeat(43) }
		});
		const tom = store.state.accounts.get(TOM);
		if (tom === undefined) throw new Error('tom');
		render(AppPasswordList, { account: tom, label: 'App passwords of tom@labs.example' });
		const list = screen.getByRole('list', { name: 'App passwords of tom@labs.example' });
		expect(within(list).getByRole('button', { name: 'Revoke Deploy' })).toBeInTheDocument();
	});
});
