// O5 password sync (seed 002), with the real account commands (cheap PBKDF2, a real
// MemoryStore): with sign-in None, the organization's directory is connected for password sync.
// Saving a person whose account the organization manages pushes the directory's password, which
// replaces the account's; the holder is mailed (A13). X6: the vault sealed under the old password
// no longer opens, so the first log in with the pushed one makes a new key. A password the
// holder changes here works until the next push; a SAML organization's directory pushes nothing.
import { describe, expect, it, vi } from 'vitest';
import type { AccountId, OrganizationId } from '$lib/core';
import { mailbox } from '$lib/core';
import type { Hooks } from '$lib/app/command-types';
import { commands } from '$lib/app/commands';
import { changePassword, logIn } from '$lib/app/accounts';
import type { Harness } from './accounts-helpers';
import { verifiedOrganization } from './organization-helpers';
import { PASSWORD, account, harness, sessionFor, verifiedAccount } from './accounts-helpers';

const hooks: Hooks = { confirm: () => Promise.resolve(true), progress: vi.fn() };
const PUSHED = 'pushed by the directory';
const MINE = 'one bob chose himself here';

interface Setup {
	readonly h: Harness;
	readonly admin: AccountId;
	readonly bob: AccountId;
	readonly org: OrganizationId;
}

/** Bob has an account on acme.com; Acme verifies acme.com (Bob is managed), sign-in None. */
async function acme(): Promise<Setup> {
	const h = harness();
	const bob = await verifiedAccount(h, 'bob@acme.com');
	const admin = await verifiedAccount(h, 'root@boss.org');
	const org = await verifiedOrganization(h.ctx, admin);
	return { h, admin, bob, org };
}

async function push(s: Setup, password: string): Promise<void> {
	const done = await commands['directory.put'].run(
		s.h.ctx,
		s.admin,
		{ organizationId: s.org, email: 'bob@acme.com', name: 'Bob Brown', password, groups: [] },
		hooks
	);
	expect(done.kind).toBe('done');
}

const subjects = (s: Setup) => mailbox(s.h.store.state, 'bob@acme.com').map((m) => m.subject);

describe('O5 password sync: the directory pushes a password that replaces the account’s', () => {
	it('O5: a push replaces the password, mails the holder, and the next log in makes a new key (X6)', async () => {
		const s = await acme();
		const keysBefore = account(s.h, s.bob).signingKeys ?? [];
		expect(keysBefore).toHaveLength(1);
		await push(s, PUSHED);
		expect(account(s.h, s.bob).secrets.passwordPushed).toBe(true);
		expect(subjects(s)).toContain('Your password was replaced by your organization’s directory');

		expect(await logIn(s.h.ctx, { email: 'bob@acme.com', password: PASSWORD })).toEqual({
			kind: 'invalid'
		});
		const step = await logIn(s.h.ctx, { email: 'bob@acme.com', password: PUSHED });
		expect(step.kind).toBe('logged-in');
		const after = account(s.h, s.bob);
		expect(after.signingKeys).toHaveLength(2);
		expect(after.signingKeys?.[0]).toBe(keysBefore[0]);
		expect(after.secrets.passwordPushed ?? null).toBeNull();
		// The new vault opens with the pushed password: the next log in keeps the same key.
		expect(await logIn(s.h.ctx, { email: 'bob@acme.com', password: PUSHED })).toMatchObject({
			kind: 'logged-in'
		});
		expect(account(s.h, s.bob).signingKeys).toHaveLength(2);
	});

	it('O5: a password changed here works until the next push', async () => {
		const s = await acme();
		await push(s, PUSHED);
		const session = await sessionFor(s.h, 'bob@acme.com', PUSHED);
		expect(await changePassword(s.h.ctx, session, MINE)).toMatchObject({ ok: true });
		expect(await logIn(s.h.ctx, { email: 'bob@acme.com', password: PUSHED })).toEqual({
			kind: 'invalid'
		});
		expect(await logIn(s.h.ctx, { email: 'bob@acme.com', password: MINE })).toMatchObject({
			kind: 'logged-in'
		});
		await push(s, 'pushed again');
		expect(await logIn(s.h.ctx, { email: 'bob@acme.com', password: MINE })).toEqual({
			kind: 'invalid'
		});
		expect(await logIn(s.h.ctx, { email: 'bob@acme.com', password: 'pushed again' })).toMatchObject(
			{ kind: 'logged-in' }
		);
	});

	it('O5/A7: a directory of a SAML organization pushes nothing: the account signs in there', async () => {
		const s = await acme();
		const set = await commands['organization.setSignIn'].run(
			s.h.ctx,
			s.admin,
			{ organizationId: s.org, provider: 'saml' },
			hooks
		);
		expect(set.kind).toBe('done');
		const hash = account(s.h, s.bob).secrets.passwordHash;
		await push(s, PUSHED);
		expect(account(s.h, s.bob).secrets.passwordHash).toEqual(hash);
		expect(account(s.h, s.bob).secrets.passwordPushed ?? null).toBeNull();
		expect(subjects(s)).not.toContain(
			'Your password was replaced by your organization’s directory'
		);
	});

	it('O5: an account the organization does not manage keeps its password', async () => {
		const s = await acme();
		// root@boss.org is on a domain Acme did not verify: the directory refuses the address.
		const done = await commands['directory.put'].run(
			s.h.ctx,
			s.admin,
			{
				organizationId: s.org,
				email: 'root@boss.org',
				name: 'Root',
				password: PUSHED,
				groups: []
			},
			hooks
		);
		expect(done.kind).not.toBe('done');
		expect(await logIn(s.h.ctx, { email: 'root@boss.org', password: PASSWORD })).toMatchObject({
			kind: 'logged-in'
		});
	});
});
