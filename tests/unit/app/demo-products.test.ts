// P3 with A11: the demo's northwind-labs.example.net has product users waiting for the upgrade
// (two with one email on different products, one with an account's address, a bot on two
// sites); Tom's upgrade makes one account of Nina, reuses Sam's and flags the bot.
import { describe, expect, it } from 'vitest';
import { accountId, siteId } from '$lib/core';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import { loadDemo } from '$lib/app/demo';
import { deriveVaultKey } from '$lib/security';
import { MemoryStore } from '$lib/store';
import { fakeHashPassword } from './fake-hash';
import { recordingHooks } from './organization-helpers';

const NOW = Date.UTC(2030, 5, 1);
const LABS = siteId('s_demo_labs');

describe('P3 demo product users (A11)', () => {
	it('A11: waiting product users on the Labs site; the upgrade makes one account per email and flags the bot', async () => {
		const store = new MemoryStore();
		const ctx = createContext(store, () => NOW);
		const loaded = await loadDemo(ctx, { hash: fakeHashPassword, vaultKey: deriveVaultKey });
		expect(loaded).toMatchObject({ kind: 'loaded', refused: [] });
		const users = store.state.sites.get(LABS)?.productUsers ?? [];
		expect(users.map((u) => [u.email, u.bot, u.accountId ?? null])).toEqual([
			['nina.berg@northwind.example', false, null],
			['Nina.Berg@northwind.example', false, null],
			['sam.lee@northwind.example', false, null],
			['build-bot@northwind.example', true, null]
		]);
		const up = await commands['site.upgradeUsers'].run(
			ctx,
			accountId('a_demo_tom'),
			{ siteId: LABS },
			recordingHooks()
		);
		expect(up.kind).toBe('done');
		const entries = store.state.sites.get(LABS)?.lastUpgrade?.entries ?? [];
		expect(entries.map((e) => [e.email, e.outcome, e.flaggedBot])).toEqual([
			['build-bot@northwind.example', 'invited', true],
			['nina.berg@northwind.example', 'invited', false],
			['sam.lee@northwind.example', 'reused', false]
		]);
	});
});
