// O5 "Single sign-on" against a real MemoryStore (no mocks): the provider is chosen and saved
// as a change; the simulated directory takes people at verified domains only (the core's
// refusal lands on Email), removes them after a confirmation; with Google, "Run Google sync"
// provisions the chosen groups and shows its report, which is also announced. Everything says
// it is simulated.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountId, changeId } from '$lib/core';
import type { AccountId, Organization, OrganizationId } from '$lib/core';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import type { Hooks } from '$lib/app/command-types';
import { MemoryStore } from '$lib/store';
import { data } from '$lib/state/data.svelte';
import { session } from '$lib/state/session.svelte';
import { status } from '$lib/state/status.svelte';
import { confirmation } from '$lib/state/confirm.svelte';
import SingleSignOn from '$lib/components/organization/SingleSignOn.svelte';
import { cheapKdf } from '../../unit/app/fake-hash';

const NOW = Date.UTC(2030, 0, 1);
const ADMIN = accountId('a-admin');
let store: MemoryStore;
let org: OrganizationId;

const hooks: Hooks = { confirm: () => Promise.resolve(true), progress: vi.fn() };

function logInAs(id: AccountId, email: string): void {
	const at = Date.now();
	session.begin({
		accountId: id,
		email,
		name: 'Admin',
		startedAt: at,
		lastActiveAt: at,
		authAt: at,
		proof: 'not checked by begin'
	});
}

function current(): Organization {
	const found = store.state.organizations.get(org);
	if (found === undefined) throw new Error('no organization');
	return found;
}

beforeEach(async () => {
	store = new MemoryStore();
	const ctx = createContext(store, () => NOW, { kdf: cheapKdf });
	await store.commit(
		{
			id: changeId('c-admin'),
			actor: null,
			type: 'account.create',
			payload: {
				accountId: ADMIN,
				email: 'admin@acme.com',
				name: 'Admin',
				mode: 'signup',
				source: 'password'
			}
		},
		NOW
	);
	const created = await commands['organization.create'].run(ctx, ADMIN, { name: 'Acme' }, hooks);
	if (created.kind !== 'done') throw new Error('not created');
	org = created.value.organizationId;
	const ref = { organizationId: org, domain: 'acme.com' };
	await commands['domain.add'].run(ctx, ADMIN, ref, hooks);
	await commands['domain.mailCheck'].run(ctx, ADMIN, { ...ref, address: 'it@acme.com' }, hooks);
	const mail = [...store.state.mail.values()].find((m) => m.kind === 'domain-check');
	const token = new URL(mail?.links[0]?.href ?? '', 'https://app.test').searchParams.get('token');
	await commands['domain.verifyByMail'].run(ctx, ADMIN, { ...ref, token: token ?? '' }, hooks);
	data.useStore(store, ctx);
	logInAs(ADMIN, 'admin@acme.com');
	status.clear();
});

afterEach(() => {
	session.end();
	status.clear();
});

async function addPerson(email: string, name: string, groups: string): Promise<void> {
	await fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
	await fireEvent.input(screen.getByLabelText('Full name'), { target: { value: name } });
	await fireEvent.input(screen.getByLabelText('Provider password'), {
		target: { value: 'provider pass' }
	});
	await fireEvent.input(screen.getByLabelText('Groups'), { target: { value: groups } });
	await fireEvent.click(screen.getByRole('button', { name: 'Save person' }));
}

describe('SingleSignOn (O5)', () => {
	it('O5: saves the provider as a change, says the provider is simulated', async () => {
		const view = render(SingleSignOn, { organization: current() });
		expect(screen.getByRole('heading', { name: 'Single sign-on' })).toBeInTheDocument();
		expect(screen.getByText(/The identity provider is/)).toHaveTextContent(/simulated/);
		expect(screen.getByRole('radio', { name: /None/ })).toBeChecked();
		// With None the directory is connected for password sync (seed 002): no groups there.
		expect(
			screen.getByRole('heading', { name: 'Directory (simulated password sync)' })
		).toBeInTheDocument();
		expect(screen.getByText(/Connected for password sync/)).toBeInTheDocument();
		expect(screen.queryByLabelText('Groups')).toBeNull();
		await fireEvent.click(screen.getByRole('radio', { name: /SAML/ }));
		await fireEvent.click(screen.getByRole('button', { name: 'Save sign-in provider' }));
		await waitFor(() => expect(current().signIn).toBe('saml'));
		expect(status.current?.text).toMatch(/sign in through SAML \(simulated\)/);
		await view.rerender({ organization: current() });
		expect(screen.getByRole('heading', { name: 'Directory (simulated SAML)' })).toBeInTheDocument();
		expect(screen.queryByRole('button', { name: 'Run Google sync' })).toBeNull();
	});

	it('O5: the directory refuses an address outside the verified domains on its field', async () => {
		await store.commit(
			{
				id: changeId('c-saml'),
				actor: ADMIN,
				type: 'organization.setSignIn',
				payload: { organizationId: org, provider: 'saml' }
			},
			NOW
		);
		const view = render(SingleSignOn, { organization: current() });
		await fireEvent.click(screen.getByRole('button', { name: 'Save person' }));
		await waitFor(() =>
			expect(screen.getByLabelText('Provider password')).toHaveAttribute('aria-invalid', 'true')
		);
		await addPerson('dan@other.com', 'Dan', '');
		await waitFor(() =>
			expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
				'People in the directory need an address at a domain this organization verified.'
			)
		);
		expect(current().directory ?? []).toEqual([]);
		await addPerson('carol@acme.com', 'Carol', '');
		await waitFor(() => expect(current().directory).toHaveLength(1));
		await view.rerender({ organization: current() });
		const list = screen.getByRole('list', { name: 'Directory people' });
		expect(within(list).getByText('carol@acme.com')).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('button', { name: 'Remove carol@acme.com' }));
		await waitFor(() => expect(confirmation.current).not.toBeNull());
		expect(confirmation.current?.words.title).toBe('Remove from the directory?');
		confirmation.answer(true);
		await waitFor(() => expect(current().directory).toEqual([]));
	});

	it('O5: Google sync provisions the chosen groups and shows its report', async () => {
		await store.commit(
			{
				id: changeId('c-google'),
				actor: ADMIN,
				type: 'organization.setSignIn',
				payload: { organizationId: org, provider: 'google' }
			},
			NOW
		);
		const view = render(SingleSignOn, { organization: current() });
		await addPerson('carol@acme.com', 'Carol', 'eng');
		await waitFor(() => expect(current().directory).toHaveLength(1));
		await addPerson('erin@acme.com', 'Erin', 'ops');
		await waitFor(() => expect(current().directory).toHaveLength(2));
		await view.rerender({ organization: current() });
		await fireEvent.click(screen.getByRole('checkbox', { name: 'ops' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Run Google sync' }));
		const report = await screen.findByRole('region', { name: 'Google sync report' });
		expect(within(report).getByRole('list', { name: 'Accounts created' })).toHaveTextContent(
			'carol@acme.com'
		);
		expect(report).not.toHaveTextContent('erin@acme.com');
		expect(status.current?.text).toBe(
			'Google sync done: 1 account created, 0 renamed, 0 reactivated, 0 deactivated.'
		);
		expect(current().syncedGroups).toEqual(['eng']);
	});
});
