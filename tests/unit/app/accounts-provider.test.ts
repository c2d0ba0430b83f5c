// O5/A7 logging in through the simulated identity provider, with the real account commands
// (cheap PBKDF2, a real MemoryStore, the device throttle): an address at a domain whose
// organization uses single sign-on is sent to the provider instead of asked for a Tessera
// password; the provider password is checked against the directory's hash, throttled like a
// log in (X2), a wrong address and a wrong password look the same; the first sign-in of a
// directory person makes the account. X6: the key is sealed under the provider password and
// replaced (as an A4 reset does) when the vault does not open any more. A6: a deactivated
// account says why.
import { describe, expect, it, vi } from 'vitest';
import type { AccountId, OrganizationId } from '$lib/core';
import { isEnrolled } from '$lib/core';
import type { Hooks } from '$lib/app/command-types';
import { commands } from '$lib/app/commands';
import { logIn, logInThroughProvider, reauthenticate } from '$lib/app/accounts';
import type { Harness } from './accounts-helpers';
import { verifiedOrganization } from './organization-helpers';
import { PASSWORD, account, harness, verifiedAccount } from './accounts-helpers';
import { FREE_FAILURES } from '$lib/security/throttle';

const hooks: Hooks = { confirm: () => Promise.resolve(true), progress: vi.fn() };
const CAROL_PW = 'carol at the provider';

interface Setup {
	readonly h: Harness;
	readonly admin: AccountId;
	readonly org: OrganizationId;
}

async function withProvider(provider: 'saml' | 'google'): Promise<Setup> {
	const h = harness();
	const admin = await verifiedAccount(h, 'root@boss.org');
	const org = await verifiedOrganization(h.ctx, admin);
	const set = await commands['organization.setSignIn'].run(
		h.ctx,
		admin,
		{ organizationId: org, provider },
		hooks
	);
	expect(set.kind).toBe('done');
	return { h, admin, org };
}

async function putPerson(s: Setup, email: string, password: string, groups: string[] = []) {
	const done = await commands['directory.put'].run(
		s.h.ctx,
		s.admin,
		{ organizationId: s.org, email, name: 'Carol Provider', password, groups },
		hooks
	);
	expect(done.kind).toBe('done');
}

const byEmail = (s: Setup, key: string) =>
	[...s.h.store.state.accounts.values()].find((a) => a.emailKey === key);

describe('O5/A7: logging in through the simulated provider', () => {
	it('O5: an address at a single sign-on domain is sent to the provider, not asked a password', async () => {
		const s = await withProvider('saml');
		await putPerson(s, 'carol@acme.com', CAROL_PW);
		expect(await logIn(s.h.ctx, { email: 'carol@acme.com', password: CAROL_PW })).toEqual({
			kind: 'identity-provider',
			source: 'saml'
		});
		// The admin's own address is elsewhere: a Tessera password still.
		expect(await logIn(s.h.ctx, { email: 'root@boss.org', password: PASSWORD })).toMatchObject({
			kind: 'logged-in'
		});
	});

	it('O5/X1/X6: the right provider password logs in; the first sign-in makes the account and its key', async () => {
		const s = await withProvider('saml');
		await putPerson(s, 'carol@acme.com', CAROL_PW);
		const wrong = await logInThroughProvider(s.h.ctx, { email: 'carol@acme.com', password: 'no' });
		expect(wrong).toEqual({ kind: 'invalid' });
		const unknown = await logInThroughProvider(s.h.ctx, { email: 'dan@acme.com', password: 'no' });
		expect(unknown).toEqual(wrong);
		expect(byEmail(s, 'carol@acme.com')).toBeUndefined();
		const done = await logInThroughProvider(s.h.ctx, {
			email: 'carol@acme.com',
			password: CAROL_PW
		});
		if (done.kind !== 'logged-in') throw new Error(done.kind);
		expect(done.account).toMatchObject({ source: 'saml', verified: true, name: 'Carol Provider' });
		expect(done.required).toEqual([]);
		expect(done.account.signingKeys).toHaveLength(1);
		expect(isEnrolled(done.account, s.h.store.device)).toBe(true);
		expect(done.session.accountId).toBe(done.account.id);
		// The same vault opens next time: no new key.
		const again = await logInThroughProvider(s.h.ctx, {
			email: 'carol@acme.com',
			password: CAROL_PW
		});
		if (again.kind !== 'logged-in') throw new Error(again.kind);
		expect(account(s.h, done.account.id).signingKeys).toHaveLength(1);
	});

	it('X6: a changed directory password makes a new key and vault, as a reset does', async () => {
		const s = await withProvider('saml');
		await putPerson(s, 'carol@acme.com', CAROL_PW);
		const first = await logInThroughProvider(s.h.ctx, {
			email: 'carol@acme.com',
			password: CAROL_PW
		});
		if (first.kind !== 'logged-in') throw new Error(first.kind);
		await putPerson(s, 'carol@acme.com', 'a brand new provider password');
		const old = await logInThroughProvider(s.h.ctx, {
			email: 'carol@acme.com',
			password: CAROL_PW
		});
		expect(old).toEqual({ kind: 'invalid' });
		const fresh = await logInThroughProvider(s.h.ctx, {
			email: 'carol@acme.com',
			password: 'a brand new provider password'
		});
		expect(fresh.kind).toBe('logged-in');
		const keys = account(s.h, first.account.id).signingKeys ?? [];
		expect(keys).toHaveLength(2);
		expect(keys[0]).toBe(first.account.signingKeys?.[0]);
	});

	it('O5/X6: an account Google sync made gets its key at its first sign-in; A6: deactivated says why', async () => {
		const s = await withProvider('google');
		await putPerson(s, 'carol@acme.com', CAROL_PW, ['eng']);
		const synced = await commands['google.sync'].run(
			s.h.ctx,
			s.admin,
			{ organizationId: s.org, groups: ['eng'] },
			hooks
		);
		expect(synced.kind).toBe('done');
		const made = byEmail(s, 'carol@acme.com');
		expect(made?.signingKeys).toBeUndefined();
		const done = await logInThroughProvider(s.h.ctx, {
			email: 'carol@acme.com',
			password: CAROL_PW
		});
		if (done.kind !== 'logged-in') throw new Error(done.kind);
		expect(done.account.id).toBe(made?.id);
		expect(done.account.signingKeys).toHaveLength(1);

		await commands['directory.remove'].run(
			s.h.ctx,
			s.admin,
			{ organizationId: s.org, email: 'carol@acme.com' },
			hooks
		);
		await commands['google.sync'].run(
			s.h.ctx,
			s.admin,
			{ organizationId: s.org, groups: ['eng'] },
			hooks
		);
		expect(
			await logInThroughProvider(s.h.ctx, { email: 'carol@acme.com', password: CAROL_PW })
		).toEqual({
			kind: 'deactivated',
			organization: 'Acme'
		});
	});

	it('O5/X6: a password account of the domain signs in through the provider; its key follows', async () => {
		const s = await withProvider('saml');
		const bob = await verifiedAccount(s.h, 'bob@acme.com');
		await putPerson(s, 'bob@acme.com', CAROL_PW);
		expect(await logIn(s.h.ctx, { email: 'bob@acme.com', password: PASSWORD })).toEqual({
			kind: 'identity-provider',
			source: 'saml'
		});
		const done = await logInThroughProvider(s.h.ctx, { email: 'bob@acme.com', password: CAROL_PW });
		if (done.kind !== 'logged-in') throw new Error(done.kind);
		expect(done.account.id).toBe(bob);
		expect(account(s.h, bob).signingKeys).toHaveLength(2);
		// A12: "Confirm it's you" asks the provider password too, not the old Tessera one.
		expect(await reauthenticate(s.h.ctx, done.session, PASSWORD)).toEqual({ kind: 'invalid' });
		expect(await reauthenticate(s.h.ctx, done.session, CAROL_PW)).toEqual({ kind: 'ok' });
	});

	it('X2: wrong provider passwords are throttled like log in, on the same address count', async () => {
		const s = await withProvider('saml');
		await putPerson(s, 'carol@acme.com', CAROL_PW);
		for (let i = 0; i <= FREE_FAILURES; i++) {
			expect(
				await logInThroughProvider(s.h.ctx, { email: 'carol@acme.com', password: 'x' })
			).toEqual({
				kind: 'invalid'
			});
		}
		const next = await logInThroughProvider(s.h.ctx, {
			email: 'carol@acme.com',
			password: CAROL_PW
		});
		expect(next).toMatchObject({ kind: 'throttled', reason: 'slow-down' });
		// The same count as the Log in page's.
		expect(await logIn(s.h.ctx, { email: 'CAROL@acme.com', password: 'x' })).toMatchObject({
			kind: 'throttled'
		});
	});
});
