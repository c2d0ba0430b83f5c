// P3: the demo's two organizations, built from ordinary changes through the core: Fabrikam
// (verified domain, O3 password policy, O4 enforced two-step, managed accounts) and Litware
// (O5 SAML through the simulated provider, its directory and its people's accounts). Public-
// domain contacts and the accounts the other demo scenarios use stay unmanaged; the audit log
// (O6) holds the demo's history; replaying the log gives the same projection (S5).
import { describe, expect, it } from 'vitest';
import {
	accountId,
	accountPolicy,
	auditEntries,
	licenseId,
	managedBy,
	members,
	organizationId,
	replay,
	requiredActions,
	signInProviderOf
} from '$lib/core';
import type { State } from '$lib/core';
import { createContext } from '$lib/app/context';
import { loadDemo } from '$lib/app/demo';
import { DEMO_ACCOUNTS, DEMO_PEOPLE, demoPerson } from '$lib/core/demo-data';
import type { DemoPersonKey } from '$lib/core/demo-data';
import {
	DEMO_FABRIKAM,
	DEMO_LITWARE,
	DEMO_ORGANIZATIONS,
	DEMO_SAML_PEOPLE
} from '$lib/core/demo-organizations';
import { MemoryStore } from '$lib/store';
import { fakeHashPassword } from './fake-hash';

const NOW = Date.UTC(2030, 5, 1);
const FABRIKAM = organizationId('o_demo_fabrikam');
const LITWARE = organizationId('o_demo_litware');
const id = (key: DemoPersonKey) => accountId(demoPerson(key).id);

async function demo() {
	const store = new MemoryStore();
	const ctx = createContext(store, () => NOW);
	const result = await loadDemo(ctx, { hash: fakeHashPassword });
	return { store, result };
}

const managerOf = (state: State, key: DemoPersonKey) => managedBy(state, id(key))?.id ?? null;

describe('P3: the demo organizations', () => {
	it('P3/O1: creates two organizations with their company domains verified and an admin each', async () => {
		const { store, result } = await demo();
		expect(result).toMatchObject({ kind: 'loaded', refused: [] });
		const s = store.state;
		expect([...s.organizations.keys()].sort()).toEqual([FABRIKAM, LITWARE]);
		expect(DEMO_ORGANIZATIONS.map((o) => o.domain)).toEqual([
			DEMO_FABRIKAM.domain,
			DEMO_LITWARE.domain
		]);
		for (const [org, domain, admin] of [
			[FABRIKAM, 'fabrikam.example', 'grace'],
			[LITWARE, 'litware.example', 'omar']
		] as const) {
			const domains = s.organizations.get(org)?.domains ?? [];
			expect(domains.map((d) => [d.domain, d.status])).toEqual([[domain, 'verified']]);
			expect(domains[0]?.verifiedAt).toBeGreaterThanOrEqual(NOW);
			expect(s.organizationIdByDomain.get(domain)).toBe(org);
			expect(s.organizations.get(org)?.admins).toEqual([id(admin)]);
			// The admin logs in with the demo password alone: no organization manages them.
			expect(managerOf(s, admin)).toBeNull();
			const admin0 = s.accounts.get(id(admin));
			if (admin0 === undefined) throw new Error('no admin');
			expect(requiredActions(admin0, accountPolicy(s, admin0.id), NOW)).toEqual([]);
		}
		// O1: verified through a mail to an address at the domain (the offline way).
		const checks = [...s.mail.values()].filter((m) => m.to.startsWith('it@'));
		expect(checks.map((m) => m.to).sort()).toEqual(['it@fabrikam.example', 'it@litware.example']);
	});

	it('P3/O3/O4: Fabrikam has a password policy and enforces two-step; its managed accounts must enroll', async () => {
		const { store } = await demo();
		const s = store.state;
		const org = s.organizations.get(FABRIKAM);
		expect(org?.passwordPolicy).toEqual({ minStrength: 3, minLength: 12, maxAgeDays: 180 });
		expect(org?.requireTwoStep).toBe(true);
		for (const key of ['dana', 'leo'] as const) {
			expect(managerOf(s, key)).toBe(FABRIKAM);
			const account = s.accounts.get(id(key));
			if (account === undefined) throw new Error(key);
			expect(requiredActions(account, accountPolicy(s, account.id), NOW)).toEqual([
				'enroll-two-step'
			]);
		}
	});

	it('P3/O5: Litware signs in with SAML; its directory people have accounts on its verified domain', async () => {
		const { store } = await demo();
		const s = store.state;
		const org = s.organizations.get(LITWARE);
		expect(org?.signIn).toBe('saml');
		const passwordHash = s.accounts.get(id('omar'))?.secrets.passwordHash;
		expect(org?.directory?.map((p) => [p.email, p.name])).toEqual([
			['mei.tanaka@litware.example', 'Mei Tanaka'],
			['ravi.kumar@litware.example', 'Ravi Kumar']
		]);
		// The provider password is the demo password, hashed once with the injected KDF.
		expect(org?.directory?.every((p) => p.passwordHash === passwordHash)).toBe(true);
		for (const person of DEMO_SAML_PEOPLE) {
			const account = s.accounts.get(accountId(person.id));
			expect(account).toMatchObject({
				email: person.email,
				source: 'saml',
				status: 'active',
				verified: true
			});
			expect(account?.secrets.passwordHash).toBeUndefined();
			expect(managedBy(s, accountId(person.id))?.id).toBe(LITWARE);
			expect(signInProviderOf(s, accountId(person.id))).toBe('saml');
		}
		// Mei and Ravi are contacts of Litware licenses, so the organization matters.
		const l19 = s.licenses.get(licenseId('l_demo_19'));
		expect(members(l19?.technical ?? null)).toContain(id('ravi'));
		expect(members(l19?.billing ?? null)).toContain(id('mei'));
	});

	it('P3/O2: contacts on public domains and every account of the other scenarios stay unmanaged', async () => {
		const { store } = await demo();
		const s = store.state;
		for (const key of ['lucia', 'noah', 'marco', 'jana'] as const) {
			expect(managerOf(s, key)).toBeNull();
		}
		expect(members(s.licenses.get(licenseId('l_demo_17'))?.billing ?? null)).toContain(id('lucia'));
		expect(members(s.licenses.get(licenseId('l_demo_19'))?.technical ?? null)).toContain(
			id('noah')
		);
		// Northwind and Contoso (the licenses, billing, sync … scenarios) are nobody's.
		for (const key of ['olivia', 'priya', 'sam', 'tom', 'chen', 'ana'] as const) {
			expect(managerOf(s, key)).toBeNull();
		}
		const managed = DEMO_ACCOUNTS.filter((p) => managedBy(s, accountId(p.id)) !== null);
		expect(managed.map((p) => p.key).sort()).toEqual(['dana', 'leo', 'mei', 'ravi']);
		expect(DEMO_PEOPLE.some((p) => p.key === 'mei')).toBe(false);
	});

	it('P3/O6: the audit log holds the demo history with its actors and times', async () => {
		const { store } = await demo();
		const log = await store.changes();
		const fabrikam = auditEntries(store.state, log, FABRIKAM);
		const types = fabrikam.map((e) => e.change.type);
		expect(types).toEqual(
			expect.arrayContaining([
				'organization.create',
				'domain.add',
				'domain.mailCheck',
				'domain.verify',
				'organization.setPasswordPolicy',
				'organization.setTwoStepPolicy',
				'license.start',
				'contact.makePrimary'
			])
		);
		const orgChanges = fabrikam.filter((e) => e.change.type.startsWith('organization.'));
		expect(orgChanges.every((e) => e.change.actor === id('grace'))).toBe(true);
		expect(fabrikam.some((e) => e.change.actor === id('leo'))).toBe(true);
		expect(fabrikam.every((e) => e.change.at >= NOW && e.change.device === store.device)).toBe(
			true
		);
		const litware = auditEntries(store.state, log, LITWARE).map((e) => e.change.type);
		expect(litware).toEqual(
			expect.arrayContaining([
				'organization.create',
				'domain.verify',
				'organization.setSignIn',
				'directory.put',
				'account.create'
			])
		);
	});

	it('S5: replaying the demo log gives the projection the load built', async () => {
		const { store } = await demo();
		const replayed = replay(await store.changes());
		expect(replayed.conflicts).toEqual([]);
		expect(replayed.state).toEqual(store.state);
	});
});
