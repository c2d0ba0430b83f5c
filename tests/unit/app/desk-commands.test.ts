// A9 through the command map: a site admin adds, renames, removes (confirmed) and migrates
// (confirmed) a service-desk customer; a stranger is refused by the core rule (X3).
import { describe, expect, it } from 'vitest';
import { accountId } from '$lib/core';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import { fakeHashPassword } from './fake-hash';
import { recordingHooks, signedUp } from './organization-helpers';

const ALICE = accountId('alice');
const MALLORY = accountId('mallory');

async function setup() {
	const store = new MemoryStore();
	let now = 1_800_000_000_000;
	const ctx = createContext(store, () => (now += 1000), { hashPassword: fakeHashPassword });
	await signedUp(ctx, ALICE, 'alice@acme.com', now);
	await signedUp(ctx, MALLORY, 'mallory@evil.example', now + 1);
	const site = await commands['site.create'].run(
		ctx,
		ALICE,
		{ name: 'acme.example.net', productIds: [] },
		recordingHooks()
	);
	if (site.kind !== 'done' || site.value.change.type !== 'site.create') throw new Error('site');
	return { ctx, siteId: site.value.change.payload.siteId };
}

describe('A9 service-desk commands', () => {
	it('A9: add, rename, remove (asked first), migrate (asked first) by the site admin', async () => {
		const { ctx, siteId } = await setup();
		const ref = { siteId, email: 'kim@shop.example' };
		const hooks = recordingHooks();
		expect(
			(await commands['customer.add'].run(ctx, ALICE, { ...ref, name: 'Kim' }, hooks)).kind
		).toBe('done');
		expect(
			(
				await commands['customer.add'].run(
					ctx,
					ALICE,
					{ siteId, email: 'lee@shop.example', name: 'Lee' },
					hooks
				)
			).kind
		).toBe('done');
		expect(
			(await commands['customer.rename'].run(ctx, ALICE, { ...ref, name: 'Kim Park' }, hooks)).kind
		).toBe('done');
		expect(
			ctx.store.state.sites.get(siteId)?.customers?.find((c) => c.emailKey === 'kim@shop.example')
				?.name
		).toBe('Kim Park');
		const no = recordingHooks(false);
		expect((await commands['customer.remove'].run(ctx, ALICE, ref, no)).kind).toBe('cancelled');
		expect(no.asked).toEqual(['always']);
		expect((await commands['customer.remove'].run(ctx, ALICE, ref, hooks)).kind).toBe('done');
		const migrated = await commands['customer.migrate'].run(
			ctx,
			ALICE,
			{ siteId, email: 'lee@shop.example' },
			hooks
		);
		expect(migrated.kind).toBe('done');
		expect(ctx.store.state.accountIdByEmailKey.has('lee@shop.example')).toBe(true);
		expect(ctx.store.state.sites.get(siteId)?.customers).toEqual([]);
	});

	it('A9: anyone but the site admin is refused, without being asked', async () => {
		const { ctx, siteId } = await setup();
		const hooks = recordingHooks();
		const ran = await commands['customer.add'].run(
			ctx,
			MALLORY,
			{ siteId, email: 'x@shop.example', name: 'X' },
			hooks
		);
		expect(ran).toMatchObject({ kind: 'refused', refusal: { code: 'not-site-admin' } });
	});
});
