// O2/A6 in the components, against a real MemoryStore (no mocks): the admin's Managed accounts
// section (its rows, search and filters, each action announced or shown on its field,
// destructive ones confirmed, long lists capped) and a managed account's Profile ("Managed by",
// no email change or deletion of its own).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountId, changeId, organizationId, utcMinute } from '$lib/core';
import type { AccountId } from '$lib/core';
import type { ChangeDraft } from '$lib/store/types';
import { createContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import { confirmation } from '$lib/state/confirm.svelte';
import { data } from '$lib/state/data.svelte';
import { session } from '$lib/state/session.svelte';
import { status } from '$lib/state/status.svelte';
import ManagedAccounts from '$lib/components/organization/ManagedAccounts.svelte';
import ProfileRoute from '../../../src/routes/profile/+page.svelte';

const NOW = Date.UTC(2030, 0, 1);
const ORG = organizationId('org-acme');
const ALICE = accountId('a-alice');
const BOB = accountId('a-bob');
const CAROL = accountId('a-carol');
const DAVE = accountId('a-dave');

let store: MemoryStore;
let n = 0;

async function commit(draft: ChangeDraft): Promise<void> {
	const result = await store.commit(draft, NOW + n++);
	if (!result.ok) throw new Error(result.error.code);
}

const envelope = (actor: AccountId | null) => ({ id: changeId(`c-${n}`), actor });

async function signUp(id: AccountId, email: string, name: string): Promise<void> {
	await commit({
		...envelope(null),
		type: 'account.create',
		payload: { accountId: id, email, name, mode: 'signup', source: 'password' }
	});
}

function logInAs(id: AccountId, email: string, name: string): void {
	const at = Date.now();
	session.begin({
		accountId: id,
		email,
		name,
		startedAt: at,
		lastActiveAt: at,
		authAt: at,
		proof: 'not checked by begin'
	});
}

/** alice's "Acme" verified acme.com: alice, bob and carol (two-step on) are managed; dave is not. */
beforeEach(async () => {
	n = 0;
	store = new MemoryStore();
	await signUp(ALICE, 'alice@acme.com', 'Alice Adams');
	await signUp(BOB, 'bob@acme.com', 'Bob Brown');
	await signUp(CAROL, 'carol@acme.com', 'Carol Chen');
	await signUp(DAVE, 'dave@other.org', 'Dave Diaz');
	await commit({
		...envelope(CAROL),
		type: 'account.enableTwoStep',
		payload: {
			accountId: CAROL,
			totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
			recoveryCodeHashes: ['h1'],
			verifiedStep: 1
		}
	});
	await commit({
		...envelope(ALICE),
		type: 'organization.create',
		payload: { organizationId: ORG, name: 'Acme' }
	});
	await commit({
		...envelope(ALICE),
		type: 'domain.add',
		payload: { organizationId: ORG, domain: 'acme.com', tokenHash: 'tok' }
	});
	await commit({
		...envelope(ALICE),
		type: 'domain.verify',
		payload: { organizationId: ORG, domain: 'acme.com', method: 'dns', tokenHash: 'tok' }
	});
	data.useStore(
		store,
		createContext(store, () => NOW + 1000)
	);
	status.clear();
});

afterEach(() => {
	confirmation.answer(false);
	session.end();
	status.clear();
});

const rowOf = (email: string): HTMLElement => screen.getByRole('listitem', { name: email });

describe('ManagedAccounts (O2, A6)', () => {
	it('O2: one row per managed account with its email, name, status, two-step and source', () => {
		logInAs(ALICE, 'alice@acme.com', 'Alice Adams');
		render(ManagedAccounts, { organizationId: ORG });
		expect(screen.getByRole('heading', { name: 'Managed accounts' })).toBeInTheDocument();
		const list = screen.getByRole('list', { name: 'Managed accounts' });
		const rows = within(list).getAllByRole('listitem');
		expect(rows.map((r) => within(r).getByText(/@/).textContent)).toEqual([
			'alice@acme.com',
			'bob@acme.com',
			'carol@acme.com'
		]);
		const carol = rowOf('carol@acme.com');
		expect(within(carol).getByText('Carol Chen')).toBeInTheDocument();
		expect(within(carol).getByText('Active')).toBeInTheDocument();
		expect(within(carol).getByText('Two-step on')).toBeInTheDocument();
		expect(within(carol).getByText('Signs in with password')).toBeInTheDocument();
		expect(within(rowOf('bob@acme.com')).getByText('Two-step off')).toBeInTheDocument();
		expect(screen.queryByText('dave@other.org')).toBeNull();
	});

	it('O2: each row says when the account last logged in on this device, or never', () => {
		logInAs(ALICE, 'alice@acme.com', 'Alice Adams');
		const at = session.current?.startedAt ?? 0;
		render(ManagedAccounts, { organizationId: ORG });
		expect(
			within(rowOf('alice@acme.com')).getByText(`Last login on this device: ${utcMinute(at)}`)
		).toBeInTheDocument();
		expect(
			within(rowOf('bob@acme.com')).getByText('Last login on this device: never')
		).toBeInTheDocument();
	});

	it('O2: search by address or name, and filter by two-step and status', async () => {
		logInAs(ALICE, 'alice@acme.com', 'Alice Adams');
		render(ManagedAccounts, { organizationId: ORG });
		await fireEvent.input(screen.getByLabelText('Search accounts'), { target: { value: 'BROWN' } });
		expect(screen.getAllByRole('listitem').map((r) => r.textContent)).toEqual([
			expect.stringContaining('bob@acme.com')
		]);
		expect(screen.getByText('1 of 3 managed accounts match')).toBeInTheDocument();
		await fireEvent.input(screen.getByLabelText('Search accounts'), { target: { value: '' } });
		await fireEvent.change(screen.getByLabelText('Two-step'), { target: { value: 'on' } });
		expect(screen.getAllByRole('listitem')).toHaveLength(1);
		expect(rowOf('carol@acme.com')).toBeInTheDocument();
		await fireEvent.change(screen.getByLabelText('Two-step'), { target: { value: 'any' } });
		await fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'deactivated' } });
		expect(screen.queryAllByRole('listitem')).toHaveLength(0);
	});

	it('A6: Deactivate is confirmed, announced, and the row then offers Reactivate', async () => {
		logInAs(ALICE, 'alice@acme.com', 'Alice Adams');
		render(ManagedAccounts, { organizationId: ORG });
		await fireEvent.click(
			within(rowOf('bob@acme.com')).getByRole('button', { name: 'Deactivate' })
		);
		await waitFor(() => expect(confirmation.current?.words.title).toBe('Deactivate account?'));
		confirmation.answer(true);
		await waitFor(() =>
			expect(status.current?.text).toBe(
				'bob@acme.com is deactivated: it cannot log in until an admin reactivates it. We mailed them a security notice.'
			)
		);
		const bob = rowOf('bob@acme.com');
		expect(within(bob).getByText('Deactivated')).toBeInTheDocument();
		await fireEvent.click(within(bob).getByRole('button', { name: 'Reactivate' }));
		await waitFor(() =>
			expect(within(rowOf('bob@acme.com')).getByText('Active')).toBeInTheDocument()
		);
		expect(status.current?.text).toContain('bob@acme.com is reactivated');
	});

	it('A6: Change email shows a refused address on its field, then saves a good one', async () => {
		logInAs(ALICE, 'alice@acme.com', 'Alice Adams');
		render(ManagedAccounts, { organizationId: ORG });
		await fireEvent.click(
			within(rowOf('bob@acme.com')).getByRole('button', { name: 'Change email' })
		);
		const field = screen.getByLabelText('New email');
		await fireEvent.input(field, { target: { value: 'bob@gmail.com' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Save email' }));
		await waitFor(() =>
			expect(field).toHaveAccessibleDescription(
				'The new address must be on a domain this organization has verified.'
			)
		);
		await fireEvent.input(field, { target: { value: 'robert@acme.com' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Save email' }));
		await waitFor(() => expect(rowOf('robert@acme.com')).toBeInTheDocument());
		expect(store.state.accounts.get(BOB)?.email).toBe('robert@acme.com');
	});

	it('A6/X3: a refused action is announced with its reason (an admin’s own account)', async () => {
		logInAs(ALICE, 'alice@acme.com', 'Alice Adams');
		render(ManagedAccounts, { organizationId: ORG });
		await fireEvent.click(
			within(rowOf('alice@acme.com')).getByRole('button', { name: 'Delete account' })
		);
		await waitFor(() =>
			expect(status.current?.text).toBe(
				'You can’t do that to your own account: ask another admin of the organization.'
			)
		);
		expect(confirmation.current).toBeNull();
	});

	it('O2: Reset two-step verification, confirmed, turns it off', async () => {
		logInAs(ALICE, 'alice@acme.com', 'Alice Adams');
		render(ManagedAccounts, { organizationId: ORG });
		await fireEvent.click(
			within(rowOf('carol@acme.com')).getByRole('button', { name: 'Reset two-step verification' })
		);
		await waitFor(() => expect(confirmation.current).not.toBeNull());
		confirmation.answer(true);
		await waitFor(() =>
			expect(within(rowOf('carol@acme.com')).getByText('Two-step off')).toBeInTheDocument()
		);
	});

	it('a long list shows its first 50 rows and grows on request', async () => {
		for (let i = 0; i < 60; i++) {
			await signUp(accountId(`a-x${i}`), `x${String(i).padStart(2, '0')}@acme.com`, `X ${i}`);
		}
		logInAs(ALICE, 'alice@acme.com', 'Alice Adams');
		render(ManagedAccounts, { organizationId: ORG });
		expect(screen.getAllByRole('listitem')).toHaveLength(50);
		await fireEvent.click(screen.getByRole('button', { name: 'Show all 63 accounts' }));
		expect(screen.getAllByRole('listitem')).toHaveLength(63);
	});
});

describe('Profile of a managed account (A6)', () => {
	it('A6: says "Managed by" the organization; email change and deletion are an admin’s', async () => {
		logInAs(BOB, 'bob@acme.com', 'Bob Brown');
		render(ProfileRoute);
		const managed = await screen.findByText(/Managed by/);
		expect(managed).toHaveTextContent('Managed by Acme');
		expect(screen.getByRole('region', { name: 'Email address' })).toHaveTextContent(
			'An admin of Acme changes the email address of this account.'
		);
		expect(screen.getByRole('region', { name: 'Delete account' })).toHaveTextContent(
			'An admin of Acme deletes this account, if it should go.'
		);
		expect(screen.queryByLabelText('New email')).toBeNull();
		expect(screen.queryByRole('button', { name: 'Delete account' })).toBeNull();
		expect(screen.queryByRole('button', { name: 'Save name' })).toBeNull();
		// The holder still changes the password and the avatar, and turns two-step on.
		expect(
			screen.getByRole('button', { name: 'Set up two-step verification' })
		).toBeInTheDocument();
	});

	it('A5: an unmanaged account keeps its own controls', async () => {
		logInAs(DAVE, 'dave@other.org', 'Dave Diaz');
		render(ProfileRoute);
		await screen.findByRole('heading', { name: 'Email address' });
		expect(screen.queryByText(/Managed by/)).toBeNull();
		expect(screen.getByRole('button', { name: 'Delete account' })).toBeInTheDocument();
	});
});
