// A11 and A14 through the command map: a site admin adds product users and upgrades them
// (asked first); a bot's app password is made (the secret returned once, only its hash kept),
// accepted by the simulated basic-authentication check while the bot's account password is
// refused (A11: used on several sites); revoking it makes it refused; a stranger is refused by
// the core rule (X3).
import { describe, expect, it } from 'vitest';
import { accountId, changeId, productId } from '$lib/core';
import type { AccountId } from '$lib/core';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { siteList } from '$lib/app/products';
import { MemoryStore } from '$lib/store';
import { cheapKdf } from './fake-hash';
import { recordingHooks } from './organization-helpers';

const ALICE = accountId('alice');
const BOT = accountId('bot');

async function account(ctx: AppContext, id: AccountId, email: string, password: string) {
	const done = await ctx.store.commit(
		{
			id: changeId(`c-${id}`),
			actor: null,
			type: 'account.create',
			payload: {
				accountId: id,
				email,
				name: email,
				mode: 'signup',
				source: 'password',
				passwordHash: await cheapKdf.hash(password)
			}
		},
		ctx.now()
	);
	expect(done.ok).toBe(true);
}

async function setup() {
	const store = new MemoryStore();
	let now = 1_800_000_000_000;
	const ctx = createContext(store, () => (now += 1000), { kdf: cheapKdf });
	await account(ctx, ALICE, 'alice@acme.com', 'alice password');
	await account(ctx, BOT, 'ci@bots.example', 'bot password');
	const site = await commands['site.create'].run(
		ctx,
		ALICE,
		{ name: 'acme.example.net', productIds: [productId('issues'), productId('pages')] },
		recordingHooks()
	);
	if (site.kind !== 'done' || site.value.change.type !== 'site.create') throw new Error('site');
	return { ctx, siteId: site.value.change.payload.siteId };
}

const check = (ctx: AppContext, email: string, password: string, site = 'acme.example.net') =>
	commands['basicAuth.check'].run(ctx, null, { site, email, password }, recordingHooks());

describe('A11/A14 commands', () => {
	it('A11: add product users, upgrade (asked first): one account per email, the bot flagged', async () => {
		const { ctx, siteId } = await setup();
		const hooks = recordingHooks();
		const add = (email: string, products: string[], bot = false, usedOn = '') =>
			commands['productUser.add'].run(
				ctx,
				ALICE,
				{ siteId, email, name: 'N', productIds: products.map(productId), bot, usedOn },
				hooks
			);
		expect((await add('kim@shop.example', ['issues'])).kind).toBe('done');
		expect((await add('KIM@shop.example', ['pages'])).kind).toBe('done');
		expect(
			(await add('ci@bots.example', ['issues'], true, 'other.example.net, x.example.net')).kind
		).toBe('done');
		const up = await commands['site.upgradeUsers'].run(ctx, ALICE, { siteId }, hooks);
		expect(up.kind).toBe('done');
		expect(hooks.asked).toEqual(['always']);
		const entries = ctx.store.state.sites.get(siteId)?.lastUpgrade?.entries ?? [];
		expect(entries.map((e) => [e.email, e.outcome, e.flaggedBot])).toEqual([
			['ci@bots.example', 'reused', true],
			['kim@shop.example', 'invited', false]
		]);
		const kims = [...ctx.store.state.accounts.values()].filter(
			(a) => a.emailKey === 'kim@shop.example'
		);
		expect(kims).toHaveLength(1);
		// a stranger is refused by the rule
		const by = await commands['site.upgradeUsers'].run(ctx, BOT, { siteId }, hooks);
		expect(by).toMatchObject({ kind: 'refused', refusal: { code: 'not-site-admin' } });
	});

	it('A14: an app password is shown once, accepted for its site; the bot’s account password is refused; revoked, it is refused', async () => {
		const { ctx, siteId } = await setup();
		const hooks = recordingHooks();
		await commands['productUser.add'].run(
			ctx,
			ALICE,
			{
				siteId,
				email: 'ci@bots.example',
				name: 'CI',
				productIds: [productId('issues')],
				bot: true,
				usedOn: 'other.example.net'
			},
			hooks
		);
		await commands['site.upgradeUsers'].run(ctx, ALICE, { siteId }, hooks);
		const made = await commands['appPassword.create'].run(ctx, BOT, { name: 'CI', siteId }, hooks);
		if (made.kind !== 'done') throw new Error('not made');
		const { secret } = made.value;
		expect(secret).toMatch(/^tsr-[A-Za-z0-9_-]{43}$/);
		expect(JSON.stringify(await ctx.store.changes())).not.toContain(secret);
		expect(JSON.stringify([...ctx.store.state.accounts.values()])).not.toContain(secret);

		expect(await check(ctx, 'ci@bots.example', secret)).toMatchObject({
			value: { kind: 'app-password', name: 'CI' }
		});
		const entry = ctx.store.state.accounts.get(BOT)?.appPasswords?.[0];
		expect(entry?.lastUsedAt).not.toBeNull();
		expect(await check(ctx, 'ci@bots.example', 'bot password')).toMatchObject({
			value: { kind: 'use-app-password', sites: ['acme.example.net', 'other.example.net'] }
		});
		expect((await check(ctx, 'ci@bots.example', secret, 'other.example.net')).kind).toBe('done');
		expect(await check(ctx, 'alice@acme.com', 'alice password')).toMatchObject({
			value: { kind: 'account-password' }
		});
		expect(await check(ctx, 'alice@acme.com', 'wrong')).toMatchObject({
			value: { kind: 'wrong-credentials' }
		});
		expect(await check(ctx, 'nobody@acme.com', 'x')).toMatchObject({
			value: { kind: 'wrong-credentials' }
		});
		expect(await check(ctx, 'alice@acme.com', 'x', 'nope.example.net')).toMatchObject({
			value: { kind: 'unknown-site' }
		});

		const revoked = await commands['appPassword.revoke'].run(
			ctx,
			BOT,
			{ accountId: BOT, entryId: entry?.id ?? '' },
			hooks
		);
		expect(revoked.kind).toBe('done');
		expect(await check(ctx, 'ci@bots.example', secret)).toMatchObject({
			value: { kind: 'use-app-password' }
		});
		// someone else cannot revoke (X3)
		const again = await commands['appPassword.create'].run(
			ctx,
			BOT,
			{ name: 'CI 2', siteId },
			hooks
		);
		if (again.kind !== 'done') throw new Error('not made');
		const id = again.value.committed.change.id;
		expect(
			await commands['appPassword.revoke'].run(ctx, ALICE, { accountId: BOT, entryId: id }, hooks)
		).toMatchObject({ kind: 'refused', refusal: { code: 'not-allowed' } });
	});

	it('A11: the sites a bot is used on are read from commas, spaces or lines', () => {
		expect(siteList(' a.example.net,b.example.net\nc.example.net ;; ')).toEqual([
			'a.example.net',
			'b.example.net',
			'c.example.net'
		]);
	});
});
