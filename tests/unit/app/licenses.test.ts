// App commands (the typed command map, docs/architecture.md): they make ids, SENs and times, build the change, commit it
// and return the store's result; the rules stay in the core.
import { describe, expect, it } from 'vitest';
import { accountId, changeId } from '$lib/core';
import type { LicenseId } from '$lib/core';
import { createContext } from '$lib/app/context';
import {
	addContact,
	createSite,
	handover,
	makeMeBillingContact,
	makePrimary,
	startLicense
} from '$lib/app/licenses';
import { MemoryStore } from '$lib/store';

const NOW = 1_800_000_000_000;
const ALICE = accountId('a-alice');

async function setUp() {
	const store = new MemoryStore();
	const ctx = createContext(store, () => NOW);
	await store.commit(
		{
			id: changeId('c-signup'),
			actor: null,
			type: 'account.create',
			payload: {
				accountId: ALICE,
				email: 'alice@acme.com',
				name: 'Alice',
				mode: 'signup',
				source: 'password'
			}
		},
		NOW
	);
	return { store, ctx };
}

async function firstLicense(ctx: ReturnType<typeof createContext>): Promise<LicenseId> {
	const result = await startLicense(ctx, ALICE, {
		productId: 'issues',
		hosting: 'server',
		tier: 25
	});
	if (!result.ok) throw new Error(result.error.code);
	const change = result.value.change;
	if (change.type !== 'license.start') throw new Error('wrong change');
	return change.payload.licenseId;
}

describe('license commands', () => {
	it('C0: start license makes a unique SEN, an expiry a year out, and the actor its contacts', async () => {
		const { store, ctx } = await setUp();
		const id = await firstLicense(ctx);
		const license = store.state.licenses.get(id);
		expect(license?.sen).toMatch(/^SEN-\d{10}$/);
		expect(license?.expiresAt).toBe(NOW + 365 * 24 * 60 * 60 * 1000);
		expect(license?.billing?.primary).toBe(ALICE);
		expect(license?.technical?.primary).toBe(ALICE);
		const other = await firstLicense(ctx);
		expect(store.state.licenses.get(other)?.sen).not.toBe(license?.sen);
	});

	it('C4: adding an unknown address with a name creates and invites the account', async () => {
		const { store, ctx } = await setUp();
		const id = await firstLicense(ctx);
		const refused = await addContact(ctx, ALICE, {
			licenseId: id,
			role: 'billing',
			email: 'bob@acme.com'
		});
		expect(refused).toMatchObject({ ok: false, error: { code: 'name-required' } });
		const added = await addContact(ctx, ALICE, {
			licenseId: id,
			role: 'billing',
			email: 'bob@acme.com',
			name: '  Bob  '
		});
		expect(added.ok).toBe(true);
		const bobId = store.state.accountIdByEmailKey.get('bob@acme.com');
		expect(bobId).toBeDefined();
		expect(bobId && store.state.accounts.get(bobId)).toMatchObject({ name: 'Bob', invited: true });
		// C5: same non-public domain, so Alice can make Bob primary at once.
		const promoted = await makePrimary(ctx, ALICE, {
			licenseId: id,
			role: 'billing',
			accountId: bobId ?? accountId('missing')
		});
		expect(promoted.ok).toBe(true);
	});

	it('C10: create site and make me billing contact go through the same commit path', async () => {
		const { store, ctx } = await setUp();
		const site = await createSite(ctx, ALICE, { name: 'acme.example.net', productIds: ['issues'] });
		expect(site.ok).toBe(true);
		const siteId = [...store.state.sites.keys()][0];
		if (!siteId) throw new Error('no site');
		const refused = await makeMeBillingContact(ctx, ALICE, siteId);
		expect(refused).toMatchObject({ ok: false, error: { code: 'no-site-licenses' } });
	});

	it('C11: handover to a new person carries a name and reports per license', async () => {
		const { ctx } = await setUp();
		await firstLicense(ctx);
		await firstLicense(ctx);
		const bob = await addContact(ctx, ALICE, {
			licenseId: await firstLicense(ctx),
			role: 'technical',
			email: 'bob@acme.com',
			name: 'Bob'
		});
		expect(bob.ok).toBe(true);
		const result = await handover(ctx, ALICE, { from: ALICE, to: 'carol@acme.com', name: 'Carol' });
		expect(result.ok).toBe(true);
		const report = result.ok ? result.value.applied.report : undefined;
		expect(report?.entries).toHaveLength(3);
	});
});
