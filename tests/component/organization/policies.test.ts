// The O3/O4 sections of the Organization page against a real MemoryStore (no mocks): "Password
// policy" puts the reason for bad input on its field and saves a policy as a change; "Two-step
// verification" saves "Require two-step verification" at once and announces it; a non-admin's
// attempt is refused by the core (S6) and said so.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountId, changeId, organizationId } from '$lib/core';
import type { AccountId, Organization } from '$lib/core';
import { createContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import { data } from '$lib/state/data.svelte';
import { session } from '$lib/state/session.svelte';
import { status } from '$lib/state/status.svelte';
import PasswordPolicy from '$lib/components/organization/PasswordPolicy.svelte';
import TwoStepPolicy from '$lib/components/organization/TwoStepPolicy.svelte';

const NOW = Date.UTC(2030, 0, 1);
const ADMIN = accountId('a-admin');
const BOB = accountId('a-bob');
const ORG = organizationId('org-acme');
let store: MemoryStore;

function logInAs(id: AccountId, email: string): void {
	const at = Date.now();
	session.begin({
		accountId: id,
		email,
		name: 'Someone',
		startedAt: at,
		lastActiveAt: at,
		authAt: at,
		proof: 'not checked by begin'
	});
}

function org(): Organization {
	const found = store.state.organizations.get(ORG);
	if (found === undefined) throw new Error('no organization');
	return found;
}

beforeEach(async () => {
	store = new MemoryStore();
	for (const [id, email] of [
		[ADMIN, 'admin@acme.com'],
		[BOB, 'bob@acme.com']
	] as const) {
		await store.commit(
			{
				id: changeId(`c-${id}`),
				actor: null,
				type: 'account.create',
				payload: { accountId: id, email, name: 'Someone', mode: 'signup', source: 'password' }
			},
			NOW
		);
	}
	await store.commit(
		{
			id: changeId('c-org'),
			actor: ADMIN,
			type: 'organization.create',
			payload: { organizationId: ORG, name: 'Acme' }
		},
		NOW
	);
	data.useStore(
		store,
		createContext(store, () => NOW)
	);
	logInAs(ADMIN, 'admin@acme.com');
	status.clear();
});

afterEach(() => {
	session.end();
	status.clear();
});

describe('PasswordPolicy (O3)', () => {
	it('O3: bad input gets its reason on the field, and nothing is saved', async () => {
		render(PasswordPolicy, { organization: org() });
		expect(screen.getByRole('heading', { name: 'Password policy' })).toBeInTheDocument();
		await fireEvent.input(screen.getByLabelText('Minimum strength'), { target: { value: '5' } });
		await fireEvent.input(screen.getByLabelText('Minimum length'), { target: { value: '7' } });
		await fireEvent.input(screen.getByLabelText('Expires after (days)'), {
			target: { value: 'soon' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
		const strength = screen.getByLabelText('Minimum strength');
		await waitFor(() => expect(strength).toHaveAttribute('aria-invalid', 'true'));
		expect(strength).toHaveAccessibleDescription(/from 0 \(any\) to 4/);
		expect(screen.getByLabelText('Minimum length')).toHaveAccessibleDescription(/from 8 to 64/);
		expect(screen.getByLabelText('Expires after (days)')).toHaveAccessibleDescription(
			/leave it empty for never/
		);
		expect(org().passwordPolicy).toBeUndefined();
	});

	it('O3: an admin saves the policy as a change; empty expiry means never', async () => {
		render(PasswordPolicy, { organization: org() });
		await fireEvent.input(screen.getByLabelText('Minimum strength'), { target: { value: '3' } });
		await fireEvent.input(screen.getByLabelText('Minimum length'), { target: { value: '14' } });
		await fireEvent.input(screen.getByLabelText('Expires after (days)'), { target: { value: '' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
		await waitFor(() =>
			expect(org().passwordPolicy).toEqual({ minStrength: 3, minLength: 14, maxAgeDays: null })
		);
		expect(status.current?.text).toMatch(/Password policy saved: at least 14 characters/);
		await fireEvent.input(screen.getByLabelText('Expires after (days)'), {
			target: { value: '90' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
		await waitFor(() => expect(org().passwordPolicy?.maxAgeDays).toBe(90));
	});

	it('S6/O3: someone who is not an admin is refused by the core, and told why', async () => {
		logInAs(BOB, 'bob@acme.com');
		render(PasswordPolicy, { organization: org() });
		await fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
		await waitFor(() =>
			expect(status.current?.text).toBe('Only an admin of this organization can do that.')
		);
		expect(org().passwordPolicy).toBeUndefined();
	});
});

describe('TwoStepPolicy (O4)', () => {
	it('O4: the checkbox is saved at once as a change and announced, both ways', async () => {
		const view = render(TwoStepPolicy, { organization: org() });
		expect(screen.getByRole('heading', { name: 'Two-step verification' })).toBeInTheDocument();
		const box = screen.getByRole('checkbox', { name: 'Require two-step verification' });
		expect(box).not.toBeChecked();
		await fireEvent.click(box);
		await waitFor(() => expect(org().requireTwoStep).toBe(true));
		expect(status.current?.text).toMatch(/Two-step verification is now required/);
		await view.rerender({ organization: org() });
		expect(box).toBeChecked();
		await fireEvent.click(box);
		await waitFor(() => expect(org().requireTwoStep).toBe(false));
		expect(status.current?.text).toBe('Two-step verification is no longer required.');
	});

	it('S6/O4: a refused save leaves the box as it was saved', async () => {
		logInAs(BOB, 'bob@acme.com');
		render(TwoStepPolicy, { organization: org() });
		const box = screen.getByRole('checkbox', { name: 'Require two-step verification' });
		await fireEvent.click(box);
		await waitFor(() =>
			expect(status.current?.text).toBe('Only an admin of this organization can do that.')
		);
		expect(box).not.toBeChecked();
		expect(org().requireTwoStep).toBeUndefined();
	});
});
