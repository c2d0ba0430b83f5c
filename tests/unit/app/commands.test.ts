// The command map (the typed command map, docs/architecture.md): every command the UI runs is declared once, by name,
// with its input; change commands commit through the store; undoable ones work out their
// undo before committing and ask for a confirmation when the rules would refuse it (C5–C7);
// C10 always asks; tasks (preview, demo, reset) commit nothing themselves.
import { describe, expect, it, vi } from 'vitest';
import { accountId, changeId, members, productId } from '$lib/core';
import type { AccountId, LicenseId } from '$lib/core';
import type { CommandName, ConfirmReason, Hooks } from '$lib/app/command-types';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import { fakeHashPassword } from './fake-hash';

const NOW = Date.UTC(2030, 0, 1);
const ALICE = accountId('a-alice');
const BOB = accountId('a-bob');
const MARCO = accountId('a-marco');

function hooks(answer = true): Hooks & { asked: ConfirmReason[] } {
	const asked: ConfirmReason[] = [];
	return {
		asked,
		confirm: (reason) => {
			asked.push(reason);
			return Promise.resolve(answer);
		},
		progress: vi.fn()
	};
}

async function signUp(ctx: AppContext, id: AccountId, email: string, name: string) {
	await ctx.store.commit(
		{
			id: changeId(`c-${id}`),
			actor: null,
			type: 'account.create',
			payload: { accountId: id, email, name, mode: 'signup', source: 'password' }
		},
		NOW
	);
}

/** Alice's license with Bob (same domain) and Marco (gmail) as technical contacts. */
async function setUp(): Promise<{ ctx: AppContext; store: MemoryStore; license: LicenseId }> {
	const store = new MemoryStore();
	const ctx = createContext(store, () => NOW, { hashPassword: fakeHashPassword });
	await signUp(ctx, ALICE, 'alice@acme.com', 'Alice');
	await signUp(ctx, BOB, 'bob@acme.com', 'Bob');
	await signUp(ctx, MARCO, 'marco@gmail.com', 'Marco');
	const started = await commands['license.start'].run(
		ctx,
		ALICE,
		{ productId: productId('issues'), hosting: 'server', siteId: null, tier: 25 },
		hooks()
	);
	if (started.kind !== 'done' || started.value.change.type !== 'license.start') {
		throw new Error('no license');
	}
	const license = started.value.change.payload.licenseId;
	for (const email of ['bob@acme.com', 'marco@gmail.com']) {
		const added = await commands['contact.add'].run(
			ctx,
			ALICE,
			{ licenseId: license, role: 'technical', email },
			hooks()
		);
		expect(added.kind).toBe('done');
	}
	return { ctx, store, license };
}

const technical = (store: MemoryStore, id: LicenseId) => store.state.licenses.get(id)?.technical;

describe('the command map', () => {
	it('declares every command the pages run, each once, with who may run it', () => {
		const names: CommandName[] = [
			'license.start',
			'site.create',
			'contact.add',
			'contact.makePrimary',
			'contact.delete',
			'billing.makeMe',
			'support.request',
			'billing.setDetails',
			'license.renew',
			'renewal.remind',
			'handover.apply',
			'customer.add',
			'customer.rename',
			'customer.remove',
			'customer.migrate',
			'handover.preview',
			'demo.load',
			'device.reset',
			'account.signUp',
			'account.verifyEmail',
			'account.resendVerification',
			'account.logIn',
			'account.providerLogIn',
			'account.secondStep',
			'account.reauthenticate',
			'account.requestReset',
			'account.resetLink',
			'account.resetPassword',
			'account.changePassword',
			'account.updateProfile',
			'account.requestEmailChange',
			'account.confirmEmailChange',
			'account.checkDeletion',
			'account.delete',
			'twoStep.start',
			'twoStep.enable',
			'twoStep.disable',
			'twoStep.regenerateCodes',
			'organization.setPasswordPolicy',
			'organization.setTwoStepPolicy',
			'session.logOut',
			'sync.overview',
			'sync.conflicts',
			'sync.export',
			'sync.kept',
			'sync.check',
			'sync.apply',
			'sync.dismiss',
			'sync.history',
			'live.connect',
			'live.makeKeyFile',
			'live.restore',
			'live.pause',
			'live.resume',
			'live.disconnect',
			'organization.create',
			'organization.addAdmin',
			'organization.removeAdmin',
			'domain.add',
			'domain.remove',
			'domain.mailCheck',
			'domain.verifyByMail',
			'domain.checkDns',
			'managed.changeEmail',
			'managed.changeName',
			'managed.deactivate',
			'managed.reactivate',
			'managed.delete',
			'managed.resetTwoStep',
			'audit.load',
			'audit.chains',
			'organization.setSignIn',
			'directory.put',
			'directory.remove',
			'google.sync',
			'productUser.add',
			'productUser.remove',
			'site.upgradeUsers',
			'appPassword.create',
			'appPassword.revoke',
			'basicAuth.check',
			'supportAccount.requestChange',
			'supportAccount.confirmChange',
			'support.answer',
			'support.reply',
			'support.resolve',
			'support.reopen'
		];
		expect(Object.keys(commands).sort()).toEqual([...names].sort());
		expect(commands['demo.load'].needsActor).toBe(false);
		expect(commands['contact.delete'].needsActor).toBe(true);
		expect(commands['organization.setPasswordPolicy'].needsActor).toBe(true);
		expect(commands['organization.setTwoStepPolicy'].needsActor).toBe(true);
		expect(commands['managed.delete'].needsActor).toBe(true);
	});

	it('S1: a change command commits one change and returns what the store committed', async () => {
		const { ctx, store, license } = await setUp();
		const before = (await store.changes()).length;
		const ran = await commands['support.request'].run(
			ctx,
			BOB,
			{ licenseId: license, subject: 'Slow', description: 'Very' },
			hooks()
		);
		expect(ran).toMatchObject({ kind: 'done', undo: null });
		if (ran.kind !== 'done') return;
		expect(ran.committed).toBe(ran.value);
		expect(ran.value.change.type).toBe('support.request');
		expect(await store.changes()).toHaveLength(before + 1);
	});

	it('C7: Delete contact carries its undo (add the person back), which the rules allow', async () => {
		const { ctx, store, license } = await setUp();
		const h = hooks();
		const ran = await commands['contact.delete'].run(
			ctx,
			ALICE,
			{ licenseId: license, role: 'technical', accountId: BOB },
			h
		);
		expect(h.asked).toEqual([]);
		expect(ran).toMatchObject({
			kind: 'done',
			undo: {
				command: 'contact.add',
				input: { licenseId: license, role: 'technical', email: 'bob@acme.com' }
			}
		});
		expect(members(technical(store, license) ?? null)).not.toContain(BOB);
		if (ran.kind !== 'done' || ran.undo?.command !== 'contact.add') return;
		const undone = await commands['contact.add'].run(ctx, ALICE, ran.undo.input, hooks());
		expect(undone.kind).toBe('done');
		expect(members(technical(store, license) ?? null)).toContain(BOB);
	});

	it('C7: deleting yourself (no other role left) cannot be undone by you, so it asks first', async () => {
		const { ctx, store, license } = await setUp();
		const no = hooks(false);
		const before = (await store.changes()).length;
		const ran = await commands['contact.delete'].run(
			ctx,
			BOB,
			{ licenseId: license, role: 'technical', accountId: BOB },
			no
		);
		expect(no.asked).toEqual(['no-undo']);
		expect(ran).toEqual({ kind: 'cancelled' });
		expect(await store.changes()).toHaveLength(before);
		const yes = hooks(true);
		const deleted = await commands['contact.delete'].run(
			ctx,
			BOB,
			{ licenseId: license, role: 'technical', accountId: BOB },
			yes
		);
		expect(deleted).toMatchObject({ kind: 'done', undo: null });
	});

	it('C5: Make primary on the same company domain can be undone: the old primary back', async () => {
		const { ctx, store, license } = await setUp();
		const h = hooks();
		const ran = await commands['contact.makePrimary'].run(
			ctx,
			ALICE,
			{ licenseId: license, role: 'technical', accountId: BOB },
			h
		);
		expect(h.asked).toEqual([]);
		expect(technical(store, license)?.primary).toBe(BOB);
		expect(ran).toMatchObject({
			kind: 'done',
			undo: { command: 'contact.makePrimary', input: { accountId: ALICE } }
		});
	});

	it('C6: a self-promotion across domains cannot be undone by its author, so it is confirmed', async () => {
		const { ctx, store, license } = await setUp();
		const h = hooks(true);
		const ran = await commands['contact.makePrimary'].run(
			ctx,
			MARCO,
			{ licenseId: license, role: 'technical', accountId: MARCO },
			h
		);
		expect(h.asked).toEqual(['no-undo']);
		expect(ran).toMatchObject({ kind: 'done', undo: null });
		expect(technical(store, license)?.primary).toBe(MARCO);
	});

	it('C13: a refused make-primary is refused without asking anything', async () => {
		const { ctx, license } = await setUp();
		const h = hooks();
		const ran = await commands['contact.makePrimary'].run(
			ctx,
			ALICE,
			{ licenseId: license, role: 'technical', accountId: MARCO },
			h
		);
		expect(h.asked).toEqual([]);
		expect(ran).toMatchObject({ kind: 'refused', refusal: { code: 'primary-domain-mismatch' } });
	});

	it('C10: Make me billing contact always asks; no means nothing is recorded', async () => {
		const { ctx, store } = await setUp();
		const site = await commands['site.create'].run(
			ctx,
			ALICE,
			{ name: 'acme.example.net', productIds: [] },
			hooks()
		);
		if (site.kind !== 'done' || site.value.change.type !== 'site.create') throw new Error('site');
		const siteId = site.value.change.payload.siteId;
		await commands['license.start'].run(
			ctx,
			BOB,
			{ productId: productId('issues'), hosting: 'server', siteId: null, tier: 25 },
			hooks()
		);
		const refused = hooks();
		const none = await commands['billing.makeMe'].run(ctx, ALICE, { siteId }, refused);
		// Nothing to take over: refused by the rules, so nothing was asked.
		expect(none).toMatchObject({ kind: 'refused', refusal: { code: 'no-site-licenses' } });
		expect(refused.asked).toEqual([]);
		const cloud = await commands['license.start'].run(
			ctx,
			ALICE,
			{ productId: productId('issues'), hosting: 'cloud', siteId, tier: 25 },
			hooks()
		);
		if (cloud.kind !== 'done' || cloud.value.change.type !== 'license.start') throw new Error('l');
		const cloudLicense = cloud.value.change.payload.licenseId;
		const billing = { licenseId: cloudLicense, role: 'billing' as const };
		await commands['contact.add'].run(ctx, ALICE, { ...billing, email: 'bob@acme.com' }, hooks());
		await commands['contact.makePrimary'].run(ctx, ALICE, { ...billing, accountId: BOB }, hooks());
		const before = (await store.changes()).length;
		const no = hooks(false);
		const cancelled = await commands['billing.makeMe'].run(ctx, ALICE, { siteId }, no);
		expect(no.asked).toEqual(['always']);
		expect(cancelled).toEqual({ kind: 'cancelled' });
		expect(await store.changes()).toHaveLength(before);
		const yes = hooks(true);
		expect(await commands['billing.makeMe'].run(ctx, ALICE, { siteId }, yes)).toMatchObject({
			kind: 'done',
			undo: null
		});
		expect(yes.asked).toEqual(['always']);
	});

	it('C11: the handover preview decides with the rules and saves nothing', async () => {
		const { ctx, store } = await setUp();
		const before = await store.changes();
		const ran = await commands['handover.preview'].run(
			ctx,
			ALICE,
			{ from: BOB, to: 'carol@acme.com', name: 'Carol' },
			hooks()
		);
		expect(ran).toMatchObject({ kind: 'done', committed: null });
		if (ran.kind === 'done') expect(ran.value.entries).toHaveLength(1);
		expect(await store.changes()).toEqual(before);
		expect(store.state.accountIdByEmailKey.has('carol@acme.com')).toBe(false);
	});

	it('P3/P4: the demo load reports progress and uses the context’s password hashing (X1 cost)', async () => {
		const store = new MemoryStore();
		const hashPassword = vi.fn(fakeHashPassword);
		const ctx = createContext(store, () => NOW, { hashPassword });
		const phases: string[] = [];
		const h: Hooks = {
			confirm: () => Promise.resolve(true),
			progress: (p) => phases.push(p.phase)
		};
		const ran = await commands['demo.load'].run(ctx, null, { extraLicenses: 0 }, h);
		expect(ran).toMatchObject({ kind: 'done', value: { result: { kind: 'loaded', refused: [] } } });
		expect(hashPassword).toHaveBeenCalledOnce();
		expect(phases).toContain('writing');
	});

	it('a change command run without an actor is refused, never recorded anonymously', async () => {
		const { ctx, store } = await setUp();
		const before = (await store.changes()).length;
		const ran = await commands['renewal.remind'].run(ctx, null, {}, hooks());
		expect(ran).toMatchObject({ kind: 'refused' });
		expect(await store.changes()).toHaveLength(before);
	});
});
