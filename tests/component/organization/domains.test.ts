// O1 Domains and Admins sections: a pending domain shows its TXT record and reveals both ways to
// verify it (the verification address prefilled with the admin's own address when it is at the
// domain); a verified one says so and shows no record; a waiting DNS check is shown; a form's
// refusal lands on its field; the last admin cannot be removed (the section says why).
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { accountId, organizationId, txtRecordOf } from '$lib/core';
import type { Account, AccountId, Organization, OrganizationDomain } from '$lib/core';
import DomainsSection from '$lib/components/organization/DomainsSection.svelte';
import AdminsSection from '$lib/components/organization/AdminsSection.svelte';

const ALICE = accountId('a-alice');
const BOB = accountId('a-bob');

const domain = (name: string, status: OrganizationDomain['status']): OrganizationDomain => ({
	domain: name,
	status,
	tokenHash: `hash-of-${name}`,
	addedAt: 0,
	verifiedAt: status === 'verified' ? Date.UTC(2030, 0, 2) : null
});

const org = (domains: OrganizationDomain[], admins = [ALICE]): Organization => ({
	id: organizationId('org-1'),
	name: 'Acme',
	admins,
	domains,
	createdAt: 0
});

function renderDomains(o: Organization, waiting: ReadonlySet<string> = new Set()) {
	const props = {
		organization: o,
		adminEmail: 'alice@acme.com',
		waiting,
		resolver: 'https://dns.test/q',
		onadd: vi.fn(() => Promise.resolve({ domain: 'That is a public mail domain.' })),
		onmail: vi.fn(() => Promise.resolve(null)),
		oncheck: vi.fn(() => Promise.resolve()),
		onremove: vi.fn(() => Promise.resolve()),
		onresolver: vi.fn(() => Promise.resolve(null))
	};
	render(DomainsSection, props);
	return props;
}

describe('O1: the Domains section', () => {
	it('a pending domain shows its TXT record; Verify domain reveals mail and DNS', async () => {
		const props = renderDomains(org([domain('acme.com', 'pending'), domain('x.org', 'verified')]));
		const items = screen.getAllByRole('listitem');
		const pending = within(items[0] ?? document.body);
		expect(pending.getByText('Pending')).toBeTruthy();
		expect(pending.getByText(txtRecordOf('hash-of-acme.com'))).toBeTruthy();
		await fireEvent.click(pending.getByRole('button', { name: 'Verify domain' }));
		const address = pending.getByLabelText('Verification address');
		expect(address).toHaveProperty('value', 'alice@acme.com');
		await fireEvent.click(pending.getByRole('button', { name: 'Send verification mail' }));
		await vi.waitFor(() => expect(props.onmail).toHaveBeenCalledWith('acme.com', 'alice@acme.com'));
		await fireEvent.click(pending.getByRole('button', { name: 'Check DNS' }));
		expect(props.oncheck).toHaveBeenCalledWith('acme.com');

		const verified = within(items[1] ?? document.body);
		expect(verified.getByText('Verified')).toBeTruthy();
		expect(verified.queryByText(/TXT record/)).toBeNull();
		expect(verified.queryByRole('button', { name: 'Verify domain' })).toBeNull();
	});

	it('a domain elsewhere gets admin@ as the suggested address; a waiting check is shown', async () => {
		renderDomains(org([domain('other.org', 'pending')]), new Set(['other.org']));
		expect(screen.getByText(/DNS check waiting for a connection/)).toBeTruthy();
		await fireEvent.click(screen.getByRole('button', { name: 'Verify domain' }));
		expect(screen.getByLabelText('Verification address')).toHaveProperty(
			'value',
			'admin@other.org'
		);
	});

	it('a refusal of Add domain is shown on the Domain field, keeping what was typed', async () => {
		const props = renderDomains(org([]));
		const field = screen.getByLabelText('Domain');
		await fireEvent.input(field, { target: { value: 'gmail.com' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Add domain' }));
		await vi.waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
		expect(props.onadd).toHaveBeenCalledWith('gmail.com');
		expect(screen.getByText('That is a public mail domain.')).toBeTruthy();
		expect(field).toHaveProperty('value', 'gmail.com');
	});
});

describe('O1: the Admins section', () => {
	const account = (id: AccountId, email: string): Account => ({
		id,
		email,
		emailKey: email,
		name: email,
		status: 'active',
		verified: true,
		source: 'password',
		invited: false,
		createdAt: 0,
		secrets: {}
	});
	const accounts = new Map<AccountId, Account>([
		[ALICE, account(ALICE, 'alice@acme.com')],
		[BOB, account(BOB, 'bob@acme.com')]
	]);

	it('the last admin has no Remove admin button, and the section says why', () => {
		render(AdminsSection, {
			organization: org([]),
			accounts,
			me: ALICE,
			onadd: vi.fn(),
			onremove: vi.fn()
		});
		expect(screen.queryByRole('button', { name: /Remove admin/ })).toBeNull();
		expect(screen.getByText(/always keeps at least one admin/)).toBeTruthy();
	});

	it('with two admins, each can be removed', async () => {
		const onremove = vi.fn(() => Promise.resolve());
		render(AdminsSection, {
			organization: org([], [ALICE, BOB]),
			accounts,
			me: ALICE,
			onadd: vi.fn(),
			onremove
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Remove admin bob@acme.com' }));
		expect(onremove).toHaveBeenCalledWith(BOB);
	});
});
