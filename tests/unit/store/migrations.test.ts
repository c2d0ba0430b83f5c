// S8: data written by an older version is migrated when a newer one opens it. One fixture per
// earlier schema version; each is loaded with that version's own upgrade steps, then opened
// with the current code.
import { openDB, unwrap } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	accountId,
	changeId,
	licenseId,
	organizationId,
	passwordRulesFor,
	supportAccountId
} from '$lib/core';
import { DB_NAME, DB_VERSION, IdbStore } from '$lib/store';
import { MIGRATIONS } from '$lib/store/migrations';
import { resetDatabase } from '$lib/store/reset';
import { isPublicKeyText } from '$lib/security/signing';
import { installFixture, loadFixture } from './fixtures';
import { freshIndexedDb, signupDraft } from './helpers';

beforeEach(() => {
	freshIndexedDb();
});

describe('migrations', () => {
	it('S8: there is one step per version and a fixture for every earlier version', () => {
		expect(DB_VERSION).toBe(MIGRATIONS.length);
		for (let v = 1; v < DB_VERSION; v++) expect(() => loadFixture(v)).not.toThrow();
	});

	it('S8: a version 1 database opens with the current code, keeping every record', async () => {
		const fixture = loadFixture(1);
		await installFixture(fixture);
		const store = await IdbStore.open();
		expect(store.device).toBe('1111222233334444');
		expect(await store.changes()).toHaveLength(fixture.stores.changes?.length ?? -1);
		expect(store.state.accounts.size).toBe(2);
		const license = store.state.licenses.get(licenseId('lic-1'));
		expect(license?.billing?.primary).toBe('a-alice');
		expect(license?.billing?.secondary).toEqual(['a-bob']);
		// Version 2's additions work: the conflicts store answers and commits chain on.
		expect(await store.conflicts()).toEqual([]);
		const next = await store.commit(
			signupDraft(accountId('a-carol'), 'carol@acme.com', 'Carol'),
			1_790_000_010_000
		);
		expect(next.ok).toBe(true);
		const log = await store.changes();
		expect(log.at(-1)?.prev).toBe('eywit0WfuVza4_oKhQDH5KVVjtlF8TUoODbmxg_6mtM');
		// The replayed projection equals the migrated one.
		const migrated = store.state;
		await store.replay();
		expect(store.state.licenses).toEqual(migrated.licenses);
		store.close();
	});

	it('S8, X6: a version 2 database opens with the current code, keeping records and conflicts, and gets a device key', async () => {
		const fixture = loadFixture(2);
		await installFixture(fixture);
		const store = await IdbStore.open();
		expect(store.device).toBe('2222333344445555');
		expect(await store.changes()).toHaveLength(fixture.stores.changes?.length ?? -1);
		expect(store.state.accounts.size).toBe(2);
		expect(store.state.licenses.get(licenseId('lic-1'))?.billing?.secondary).toEqual(['a-bob']);
		const conflicts = await store.conflicts();
		expect(conflicts.map((c) => [c.change.id, c.refusal.code])).toEqual([['h-del', 'not-in-role']]);
		// Version 3's additions: a device key made once and kept, an empty signature store.
		const key = await store.deviceKey();
		expect(isPublicKeyText(key)).toBe(true);
		expect(await store.headSignatures(['h-del'])).toEqual([]);
		const carol = signupDraft(accountId('a-carol'), 'carol@acme.com', 'Carol');
		const next = await store.commit({ ...carol, id: changeId('v3-carol') }, 1_790_000_010_000);
		expect(next.ok && next.value.change.prev).toBe('6yKRH2tp1li3CkE4BcMtAe5fTq9OFw5F6KJOrVHlxCs');
		const signed = await store.signHeads([{ changeId: 'h-1', hash: 'x' }]);
		expect(await store.headSignatures(['h-1'])).toEqual(signed);
		store.close();
		const again = await IdbStore.open();
		expect(await again.deviceKey()).toBe(key);
		expect(await again.conflicts()).toHaveLength(1);
		again.close();
	});

	it('S8, O1: a version 3 database opens with the current code and keeps organizations', async () => {
		const fixture = loadFixture(3);
		await installFixture(fixture);
		const store = await IdbStore.open();
		expect(await store.changes()).toHaveLength(fixture.stores.changes?.length ?? -1);
		expect(store.state.accounts.size).toBe(2);
		expect(store.state.organizations.size).toBe(0);
		const created = await store.commit(
			{
				id: changeId('v4-org'),
				actor: accountId('a-alice'),
				type: 'organization.create',
				payload: { organizationId: organizationId('org-1'), name: 'Acme' }
			},
			1_790_000_010_000
		);
		expect(created.ok).toBe(true);
		store.close();
		const again = await IdbStore.open();
		expect(again.state.organizations.get(organizationId('org-1'))?.admins).toEqual(['a-alice']);
		again.close();
	});

	it('S8, A10: a version 4 database opens with the current code and keeps support accounts', async () => {
		const fixture = loadFixture(4);
		await installFixture(fixture);
		const store = await IdbStore.open();
		expect(store.state.accounts.size).toBe(2);
		expect(store.state.supportAccounts.size).toBe(0);
		const added = await store.commit(
			{
				id: changeId('v5-sa'),
				actor: accountId('a-alice'),
				type: 'supportAccount.add',
				payload: { supportAccountId: supportAccountId('sa-1'), email: 'old@acme.com', name: 'Old' }
			},
			1_790_000_010_000
		);
		expect(added.ok).toBe(true);
		store.close();
		const again = await IdbStore.open();
		expect(again.state.supportAccounts.get(supportAccountId('sa-1'))?.linkedTo).toBeNull();
		expect([...(again.state.supportAccountIdsByEmailKey.get('old@acme.com') ?? [])]).toEqual([
			'sa-1'
		]);
		again.close();
	});

	it('S8, O3/O4: an organization record from before the policies reads as none, and a policy set later is kept', async () => {
		const fixture = loadFixture(3);
		await installFixture(fixture);
		const store = await IdbStore.open();
		const alice = accountId('a-alice');
		const org = organizationId('org-1');
		const at = 1_790_000_010_000;
		const steps = [
			{ type: 'organization.create', payload: { organizationId: org, name: 'Acme' } },
			{
				type: 'domain.add',
				payload: { organizationId: org, domain: 'acme.com', tokenHash: 'tok' }
			},
			{
				type: 'domain.verify',
				payload: { organizationId: org, domain: 'acme.com', method: 'dns', tokenHash: 'tok' }
			}
		] as const;
		for (const [i, step] of steps.entries()) {
			const done = await store.commit({ id: changeId(`v4-p${i}`), actor: alice, ...step }, at + i);
			expect(done.ok).toBe(true);
		}
		store.close();
		const reopened = await IdbStore.open();
		const record = reopened.state.organizations.get(org);
		expect(record && 'passwordPolicy' in record).toBe(false);
		expect(passwordRulesFor(reopened.state, alice)).toBeNull();
		const set = await reopened.commit(
			{
				id: changeId('v4-policy'),
				actor: alice,
				type: 'organization.setPasswordPolicy',
				payload: { organizationId: org, minStrength: 3, minLength: 12, maxAgeDays: 90 }
			},
			at + 10
		);
		expect(set.ok).toBe(true);
		reopened.close();
		const again = await IdbStore.open();
		expect(passwordRulesFor(again.state, alice)).toMatchObject({
			minLength: 12,
			organization: 'Acme'
		});
		again.close();
	});

	it('X6: the device key is made on first open, kept, and gone after Reset', async () => {
		const store = await IdbStore.open();
		const key = await store.deviceKey();
		store.close();
		const reopened = await IdbStore.open();
		expect(await reopened.deviceKey()).toBe(key);
		reopened.close();
		await resetDatabase();
		const fresh = await IdbStore.open();
		expect(await fresh.deviceKey()).not.toBe(key);
		fresh.close();
	});

	it('S8: every step is idempotent (running it on an up-to-date database changes nothing)', async () => {
		const store = await IdbStore.open();
		store.close();
		const db = await openDB(DB_NAME, DB_VERSION + 1, {
			upgrade(database, _old, _new, tx) {
				for (const step of MIGRATIONS) step(unwrap(database), unwrap(tx));
			}
		});
		expect([...db.objectStoreNames].sort()).toEqual(
			[
				'accounts',
				'conflicts',
				'held',
				'keys',
				'licenses',
				'log',
				'mailPages',
				'meta',
				'organizations',
				'signatures',
				'sites',
				'supportAccounts'
			].sort()
		);
		db.close();
	});
});
