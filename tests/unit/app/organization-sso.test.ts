// O5/A7 through the command map: the sign-in provider, the simulated directory (its provider
// password hashed before the change, X1) and Google sync, whose report is the core's plan
// (created, renamed, reactivated, deactivated, and leavers A8 keeps active). Every refusal the
// admin can meet: not an admin, an address outside the verified domains, no provider password,
// a person not in the directory, a sync while the organization does not use Google.
import { describe, expect, it } from 'vitest';
import { accountId, changeId, licenseId, productId } from '$lib/core';
import type { AccountId, OrganizationId } from '$lib/core';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { groupList } from '$lib/app/organizations/sso';
import { verifiableHash } from '$lib/app/accounts/shared';
import { MemoryStore } from '$lib/store';
import { syncSummary } from '$lib/ui/organization-command-words';
import { cheapKdf, fakeHashPassword } from './fake-hash';
import { recordingHooks, signedUp, verifiedOrganization } from './organization-helpers';

const NOW = Date.UTC(2030, 0, 1);
const ALICE = accountId('a-alice');
const MALLORY = accountId('a-mallory');

const hooks = recordingHooks;

/** Alice's organization with acme.com verified by mail. */
async function verified(): Promise<{ ctx: AppContext; org: OrganizationId }> {
	const ctx = createContext(new MemoryStore(), () => NOW, {
		hashPassword: fakeHashPassword,
		kdf: cheapKdf
	});
	await signedUp(ctx, ALICE, 'alice@acme.com', NOW);
	await signedUp(ctx, MALLORY, 'mallory@elsewhere.org', NOW);
	return { ctx, org: await verifiedOrganization(ctx, ALICE) };
}

const orgOf = (ctx: AppContext, org: OrganizationId) => ctx.store.state.organizations.get(org);
const accountOf = (ctx: AppContext, email: string) =>
	[...ctx.store.state.accounts.values()].find((a) => a.emailKey === email);

async function put(
	ctx: AppContext,
	org: OrganizationId,
	email: string,
	name: string,
	groups: readonly string[],
	actor: AccountId = ALICE
) {
	return commands['directory.put'].run(
		ctx,
		actor,
		{ organizationId: org, email, name, password: `pw of ${email}`, groups },
		hooks()
	);
}

describe('O5: single sign-on commands', () => {
	it('O5: an admin sets the provider; a non-admin is refused', async () => {
		const { ctx, org } = await verified();
		const set = await commands['organization.setSignIn'].run(
			ctx,
			ALICE,
			{ organizationId: org, provider: 'saml' },
			hooks()
		);
		expect(set.kind).toBe('done');
		expect(orgOf(ctx, org)?.signIn).toBe('saml');
		const off = await commands['organization.setSignIn'].run(
			ctx,
			ALICE,
			{ organizationId: org, provider: 'none' },
			hooks()
		);
		expect(off.kind).toBe('done');
		expect(orgOf(ctx, org)?.signIn).toBeNull();
		const forged = await commands['organization.setSignIn'].run(
			ctx,
			MALLORY,
			{ organizationId: org, provider: 'google' },
			hooks()
		);
		expect(forged).toMatchObject({ kind: 'refused', refusal: { code: 'not-organization-admin' } });
		expect(orgOf(ctx, org)?.signIn).toBeNull();
	});

	it('O5/X1: a directory person keeps only a hash of the provider password', async () => {
		const { ctx, org } = await verified();
		const done = await put(ctx, org, 'Carol@ACME.com', 'Carol', ['eng', ' eng ', 'ops']);
		expect(done.kind).toBe('done');
		const person = orgOf(ctx, org)?.directory?.[0];
		expect(person).toMatchObject({
			email: 'Carol@ACME.com',
			name: 'Carol',
			groups: ['eng', 'ops']
		});
		expect(JSON.stringify(person)).not.toContain('pw of');
		const stored = verifiableHash(person?.passwordHash);
		expect(stored && (await cheapKdf.verify('pw of Carol@ACME.com', stored))).toBe(true);
	});

	it('O5: refuses an address outside the verified domains, no password, a non-admin', async () => {
		const { ctx, org } = await verified();
		const outside = await put(ctx, org, 'dan@other.com', 'Dan', []);
		expect(outside).toMatchObject({ kind: 'refused', refusal: { code: 'not-a-verified-domain' } });
		const bad = await put(ctx, org, 'not an address', 'Dan', []);
		expect(bad).toMatchObject({ kind: 'refused', refusal: { code: 'invalid-email' } });
		const noPassword = await commands['directory.put'].run(
			ctx,
			ALICE,
			{ organizationId: org, email: 'dan@acme.com', name: 'Dan', password: '', groups: [] },
			hooks()
		);
		expect(noPassword).toMatchObject({
			kind: 'refused',
			refusal: { code: 'provider-password-required' }
		});
		const nonAdmin = await put(ctx, org, 'dan@acme.com', 'Dan', [], MALLORY);
		expect(nonAdmin).toMatchObject({
			kind: 'refused',
			refusal: { code: 'not-organization-admin' }
		});
		expect(orgOf(ctx, org)?.directory ?? []).toEqual([]);
	});

	it('O5: removing a person is always confirmed, and refused for someone not there', async () => {
		const { ctx, org } = await verified();
		await put(ctx, org, 'carol@acme.com', 'Carol', []);
		const ref = { organizationId: org, email: 'carol@acme.com' };
		const no = hooks(false);
		expect((await commands['directory.remove'].run(ctx, ALICE, ref, no)).kind).toBe('cancelled');
		expect(no.asked).toEqual(['always']);
		expect(orgOf(ctx, org)?.directory).toHaveLength(1);
		expect((await commands['directory.remove'].run(ctx, ALICE, ref, hooks())).kind).toBe('done');
		expect(orgOf(ctx, org)?.directory).toEqual([]);
		const again = await commands['directory.remove'].run(ctx, ALICE, ref, hooks());
		expect(again).toMatchObject({ kind: 'refused', refusal: { code: 'not-in-directory' } });
	});

	it('O5: Google sync is refused until the organization signs in through Google', async () => {
		const { ctx, org } = await verified();
		await put(ctx, org, 'carol@acme.com', 'Carol', ['eng']);
		const input = { organizationId: org, groups: ['eng'] };
		const early = await commands['google.sync'].run(ctx, ALICE, input, hooks());
		expect(early).toMatchObject({ kind: 'refused', refusal: { code: 'not-google' } });
		await commands['organization.setSignIn'].run(
			ctx,
			ALICE,
			{ organizationId: org, provider: 'google' },
			hooks()
		);
		const nonAdmin = await commands['google.sync'].run(ctx, MALLORY, input, hooks());
		expect(nonAdmin).toMatchObject({
			kind: 'refused',
			refusal: { code: 'not-organization-admin' }
		});
		const none = await commands['google.sync'].run(
			ctx,
			ALICE,
			{ organizationId: org, groups: [' '] },
			hooks()
		);
		expect(none).toMatchObject({ kind: 'refused', refusal: { code: 'invalid-payload' } });
	});

	it('O5/A8: Google sync reports what it did: created, renamed, deactivated, reactivated, kept', async () => {
		const { ctx, org } = await verified();
		await commands['organization.setSignIn'].run(
			ctx,
			ALICE,
			{ organizationId: org, provider: 'google' },
			hooks()
		);
		await put(ctx, org, 'carol@acme.com', 'Carol', ['eng']);
		await put(ctx, org, 'dave@acme.com', 'Dave', ['eng']);
		await put(ctx, org, 'erin@acme.com', 'Erin', ['ops']);
		await put(ctx, org, 'fay@acme.com', 'Fay', ['eng']);
		const sync = (groups: string[]) =>
			commands['google.sync'].run(ctx, ALICE, { organizationId: org, groups }, hooks());
		const first = await sync(['eng']);
		if (first.kind !== 'done') throw new Error('not synced');
		expect(first.value.report.created.map((p) => p.email)).toEqual([
			'carol@acme.com',
			'dave@acme.com',
			'fay@acme.com'
		]);
		expect(accountOf(ctx, 'carol@acme.com')).toMatchObject({ source: 'google', status: 'active' });
		expect(accountOf(ctx, 'erin@acme.com')).toBeUndefined();
		expect(syncSummary(first.value.report)).toBe(
			'Google sync done: 3 accounts created, 0 renamed, 0 reactivated, 0 deactivated.'
		);

		// Fay becomes the primary billing contact of a license: A8 keeps her active.
		const fay = accountOf(ctx, 'fay@acme.com');
		if (fay === undefined) throw new Error('no Fay');
		const started = await ctx.store.commit(
			{
				id: changeId('c-license'),
				actor: fay.id,
				type: 'license.start',
				payload: {
					licenseId: licenseId('l-1'),
					sen: 'SEN-1234567',
					productId: productId('issues'),
					hosting: 'server',
					siteId: null,
					tier: 25,
					expiresAt: NOW + 1e10
				}
			},
			NOW
		);
		expect(started.ok).toBe(true);

		await put(ctx, org, 'carol@acme.com', 'Carol Jones', ['eng']);
		await commands['directory.remove'].run(
			ctx,
			ALICE,
			{ organizationId: org, email: 'dave@acme.com' },
			hooks()
		);
		await commands['directory.remove'].run(
			ctx,
			ALICE,
			{ organizationId: org, email: 'fay@acme.com' },
			hooks()
		);
		const second = await sync(['eng']);
		if (second.kind !== 'done') throw new Error('not synced');
		expect(second.value.report).toMatchObject({
			created: [],
			renamed: [{ email: 'carol@acme.com', name: 'Carol Jones', from: 'Carol' }],
			deactivated: [{ email: 'dave@acme.com' }],
			keptPrimary: [{ email: 'fay@acme.com' }]
		});
		expect(accountOf(ctx, 'dave@acme.com')?.status).toBe('deactivated');
		expect(accountOf(ctx, 'fay@acme.com')?.status).toBe('active');
		expect(syncSummary(second.value.report)).toBe(
			'Google sync done: 0 accounts created, 1 renamed, 0 reactivated, 1 deactivated. 1 person who left stays active as a primary contact.'
		);

		await put(ctx, org, 'dave@acme.com', 'Dave', ['eng']);
		const third = await sync(['eng']);
		if (third.kind !== 'done') throw new Error('not synced');
		expect(third.value.report.reactivated.map((p) => p.email)).toEqual(['dave@acme.com']);
		expect(accountOf(ctx, 'dave@acme.com')?.status).toBe('active');
		expect(orgOf(ctx, org)?.syncedGroups).toEqual(['eng']);
	});

	it('O5: groups as typed become a list without blanks or repeats', () => {
		expect(groupList(' eng, ops\neng,, ')).toEqual(['eng', 'ops']);
		expect(groupList(['a', ' a', ''])).toEqual(['a']);
	});
});
