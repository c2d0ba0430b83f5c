// O6 through the command map: only an admin reads the audit log; it holds the organization's
// changes and its managed accounts', and the X5 chain status of each device behind them.
import { describe, expect, it, vi } from 'vitest';
import { accountId, changeId } from '$lib/core';
import type { AccountId } from '$lib/core';
import type { Hooks } from '$lib/app/command-types';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import { fakeHashPassword } from './fake-hash';

const NOW = Date.UTC(2030, 0, 1);
const ALICE = accountId('a-alice');
const BOB = accountId('a-bob');
const hooks: Hooks = { confirm: () => Promise.resolve(true), progress: vi.fn() };

async function signUp(ctx: AppContext, id: AccountId, email: string) {
	await ctx.store.commit(
		{
			id: changeId(`c-${id}`),
			actor: null,
			type: 'account.create',
			payload: { accountId: id, email, name: email, mode: 'signup', source: 'password' }
		},
		NOW
	);
}

describe('O6: loading the audit log', () => {
	it('O6: admins only; entries newest first; every device chain checked', async () => {
		const ctx = createContext(new MemoryStore(), () => NOW, { hashPassword: fakeHashPassword });
		await signUp(ctx, ALICE, 'alice@acme.com');
		await signUp(ctx, BOB, 'bob@gmail.com');
		const created = await commands['organization.create'].run(ctx, ALICE, { name: 'Acme' }, hooks);
		if (created.kind !== 'done') throw new Error('not created');
		const organizationId = created.value.organizationId;
		await commands['domain.add'].run(ctx, ALICE, { organizationId, domain: 'acme.com' }, hooks);

		const refused = await commands['audit.load'].run(ctx, BOB, { organizationId }, hooks);
		expect(refused).toMatchObject({
			kind: 'refused',
			refusal: { code: 'not-organization-admin' }
		});

		const loaded = await commands['audit.load'].run(ctx, ALICE, { organizationId }, hooks);
		if (loaded.kind !== 'done') throw new Error('not loaded');
		expect(loaded.committed).toBeNull();
		expect(loaded.value.scanned).toBe(4);
		// The domain is pending: Alice is not managed yet, so only the organization's changes.
		expect(loaded.value.entries.map((e) => e.change.type)).toEqual([
			'domain.add',
			'organization.create'
		]);
		const devices = loaded.value.entries.map((e) => e.change.device);
		const chains = await commands['audit.chains'].run(
			ctx,
			ALICE,
			{ organizationId, devices },
			hooks
		);
		expect(chains).toMatchObject({
			kind: 'done',
			value: [{ device: ctx.store.device, state: 'intact' }]
		});
		const other = await commands['audit.chains'].run(ctx, BOB, { organizationId, devices }, hooks);
		expect(other).toMatchObject({ refusal: { code: 'not-organization-admin' } });
	});
});
