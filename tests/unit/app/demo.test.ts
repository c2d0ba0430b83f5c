// P3 demo data: the organization the seed scenarios need, built from ordinary changes in one
// commitMany, with one password hash for every account, and the seed scenarios possible on it.
import { describe, expect, it, vi } from 'vitest';
import { accountId, licenseId, mailbox, members, siteId } from '$lib/core';
import type { AccountId, State } from '$lib/core';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { loadDemo } from '$lib/app/demo';
import type { DemoProgress } from '$lib/app/demo';
import { DEMO_LICENSES, DEMO_PEOPLE, demoPerson } from '$lib/core/demo-data';
import type { DemoPersonKey } from '$lib/core/demo-data';
import { makeMeBillingContact, makePrimary } from '$lib/app/licenses';
import { deriveVaultKey, hashPassword, unlockVault } from '$lib/security';
import { verifySession } from '$lib/app/session-proof';
import { logIn, memoryKeyring } from '$lib/app/accounts';
import { DeviceThrottle, localLocks } from '$lib/state/throttle';
import { DEMO_PASSWORD } from '$lib/core/demo-data';
import { memoryStorage } from './accounts-helpers';
import { fakeHashPassword, unverifiableHash } from './fake-hash';
import { MemoryStore } from '$lib/store';

const NOW = Date.UTC(2030, 5, 1);
const DAY = 24 * 60 * 60 * 1000;
const id = (key: DemoPersonKey): AccountId => accountId(demoPerson(key).id);
// The rules accept only full-strength hashes (X1); computing one is the slow part of a demo
// load, so most tests pass a well-formed full-count record made at no cost (fake-hash.ts). The
// X6 test logs in with the demo password, so it has one real hash, made once and shared.
let shared: ReturnType<typeof hashPassword> | null = null;
const realHash = (password: string) => (shared ??= hashPassword(password));
// X6: the one vault key the demo derives from its password, made once and shared too.
let sharedKey: ReturnType<typeof deriveVaultKey> | null = null;
const sharedVaultKey = (password: string) => (sharedKey ??= deriveVaultKey(password));

async function demo(extraLicenses = 0, hashing: 'fake' | 'real' = 'fake') {
	const store = new MemoryStore();
	const ctx = createContext(store, () => NOW);
	const hash = vi.fn(hashing === 'real' ? realHash : fakeHashPassword);
	const vaultKey = vi.fn(sharedVaultKey);
	const progress: DemoProgress[] = [];
	const result = await loadDemo(ctx, {
		hash,
		vaultKey,
		extraLicenses,
		onProgress: (p) => progress.push(p)
	});
	return { store, ctx, hash, vaultKey, progress, result };
}

function emailsOf(state: State, ids: readonly AccountId[]): string[] {
	return ids.map((a) => state.accounts.get(a)?.email ?? '?');
}

describe('loadDemo', () => {
	it('creates every demo account, verified, sharing the one password hash made once', async () => {
		const { store, hash, result } = await demo();
		expect(result).toMatchObject({ kind: 'loaded', refused: [] });
		expect(hash).toHaveBeenCalledOnce();
		const accounts = DEMO_PEOPLE.map((p) => store.state.accounts.get(accountId(p.id)));
		expect(accounts.every((a) => a?.verified === true && a.status === 'active')).toBe(true);
		const hashes = new Set(accounts.map((a) => a?.secrets.passwordHash?.hash));
		expect(hashes.size).toBe(1);
		const domains = new Set(DEMO_PEOPLE.map((p) => p.email.split('@')[1]));
		expect([...domains]).toEqual(
			expect.arrayContaining(['northwind.example', 'contoso.example', 'gmail.com', 'outlook.com'])
		);
	});

	it('X6: gives every demo account its own key, sealed with ONE derived vault key, and enrolls this device for each', async () => {
		const { store, ctx, vaultKey } = await demo(0, 'real');
		expect(vaultKey).toHaveBeenCalledOnce();
		const accounts = DEMO_PEOPLE.map((p) => store.state.accounts.get(accountId(p.id)));
		const keys = new Set(accounts.map((a) => a?.signingKeys?.[0]));
		expect(keys.size).toBe(DEMO_PEOPLE.length);
		const publicKey = await ctx.deviceKeys.publicKey();
		for (const a of accounts) {
			expect(a?.devices).toEqual([{ device: store.device, publicKey, at: NOW }]);
			expect(await unlockVault(DEMO_PASSWORD, a?.secrets.vault)).not.toBeNull();
		}
		// A demo account logs in with the demo password and gets a session this device accepts.
		const step = await logIn(
			{
				...ctx,
				throttle: new DeviceThrottle(memoryStorage(), localLocks()),
				keyring: memoryKeyring()
			},
			{ email: demoPerson('olivia').email, password: DEMO_PASSWORD }
		);
		if (step.kind !== 'logged-in') throw new Error(step.kind);
		expect(await verifySession(step.session, store.state, store.device)).toBe(true);
	}, 60_000);

	it('builds two cloud sites with admins and ≥ 12 licenses of every product and hosting', async () => {
		const { store } = await demo();
		const s = store.state;
		expect(s.sites.get(siteId('s_demo_northwind'))?.admins).toEqual([id('olivia')]);
		expect(s.sites.get(siteId('s_demo_labs'))?.admins).toEqual([id('tom')]);
		const licenses = [...s.licenses.values()];
		expect(licenses.length).toBeGreaterThanOrEqual(12);
		expect(new Set(licenses.map((l) => l.productId)).size).toBe(5);
		expect(new Set(licenses.map((l) => l.hosting))).toEqual(new Set(['server', 'cloud']));
		const soon = licenses.filter((l) => l.expiresAt > NOW && l.expiresAt <= NOW + 30 * DAY);
		expect(soon.length).toBeGreaterThanOrEqual(3);
	});

	it('ends every role with the contacts demo-data.ts lists, primary first', async () => {
		const { store } = await demo();
		for (const spec of DEMO_LICENSES) {
			const license = store.state.licenses.get(licenseId(spec.id));
			const want = (keys: readonly DemoPersonKey[]) => keys.map((k) => demoPerson(k).email);
			expect(emailsOf(store.state, members(license?.billing ?? null))[0]).toBe(
				want(spec.billing)[0]
			);
			expect(new Set(emailsOf(store.state, members(license?.billing ?? null)))).toEqual(
				new Set(want(spec.billing))
			);
			expect(emailsOf(store.state, members(license?.technical ?? null))[0]).toBe(
				want(spec.technical)[0]
			);
			expect(new Set(emailsOf(store.state, members(license?.technical ?? null)))).toEqual(
				new Set(want(spec.technical))
			);
		}
	});

	it('mails renewal quotes to the billing contacts of licenses expiring within 30 days', async () => {
		const { store } = await demo();
		const reminders = [...store.state.mail.values()].filter((m) => m.kind === 'renewal-reminder');
		expect(reminders.map((m) => m.to)).toEqual(
			expect.arrayContaining(['jana.novak@outlook.com', 'priya.shah@northwind.example'])
		);
		expect(reminders.some((m) => m.to === 'sam.lee@northwind.example')).toBe(false);
	});

	it('reports progress: the password, then the writing', async () => {
		const { progress } = await demo();
		expect(progress[0]).toEqual({ phase: 'password', done: 0, total: 1 });
		const last = progress[progress.length - 1];
		expect(last?.phase).toBe('writing');
		expect(last?.done).toBe(last?.total);
	});

	it('adds extra licenses for Olivia for trying long lists', async () => {
		const { store, result } = await demo(1200);
		expect(result.kind).toBe('loaded');
		expect(store.state.licenses.size).toBe(DEMO_LICENSES.length + 1200);
		expect(store.state.licenseIdsByAccount.get(id('olivia'))?.size).toBeGreaterThan(1200);
	});

	it('refuses to load twice, or over accounts that use the demo addresses', async () => {
		const { ctx, hash } = await demo();
		await expect(loadDemo(ctx, { hash })).resolves.toEqual({ kind: 'already-loaded' });
		const other = new MemoryStore();
		const otherCtx: AppContext = createContext(other, () => NOW);
		await other.commit(
			{
				id: (await import('$lib/core')).changeId('c-1'),
				actor: null,
				type: 'account.create',
				payload: {
					accountId: accountId('a-x'),
					email: 'Marco.Rossi@gmail.com',
					name: 'Marco',
					mode: 'signup',
					source: 'password'
				}
			},
			NOW
		);
		await expect(loadDemo(otherCtx, { hash })).resolves.toEqual({
			kind: 'emails-taken',
			emails: ['marco.rossi@gmail.com']
		});
	});
});

describe('the seed scenarios on the demo data', () => {
	it('C5: Olivia makes Priya (same company domain) primary billing contact at once', async () => {
		const { ctx, store } = await demo();
		const l1 = licenseId('l_demo_01');
		const r = await makePrimary(ctx, id('olivia'), {
			licenseId: l1,
			role: 'billing',
			accountId: id('priya')
		});
		expect(r.ok).toBe(true);
		expect(store.state.licenses.get(l1)?.billing?.primary).toBe(id('priya'));
	});

	it('C6/C13: Marco (gmail.com) and Chen (contoso.example) are refused, then promote themselves', async () => {
		const { ctx, store } = await demo();
		for (const [key, license, publicDomain] of [
			['marco', 'l_demo_01', 'gmail.com'],
			['chen', 'l_demo_05', null]
		] as const) {
			const input = {
				licenseId: licenseId(license),
				role: 'technical' as const,
				accountId: id(key)
			};
			const refused = await makePrimary(ctx, id('olivia'), input);
			expect(refused).toMatchObject({
				ok: false,
				error: { code: 'primary-domain-mismatch', primaryDomain: 'northwind.example', publicDomain }
			});
			expect((await makePrimary(ctx, id(key), input)).ok).toBe(true);
			expect(store.state.licenses.get(licenseId(license))?.technical?.primary).toBe(id(key));
		}
	});

	it('P3/A9/C14: the labs site has service-desk customers; Priya renewed labs Repos once, invoiced', async () => {
		const { store } = await demo();
		const labs = store.state.sites.get(siteId('s_demo_labs'));
		expect(labs?.customers?.map((c) => c.email).sort()).toEqual([
			'it-help@wingtip.example',
			'kai.morgan@fourthcoffee.example',
			'lena.fischer@gmail.com'
		]);
		// A9: customers are not accounts.
		expect(store.state.accountIdByEmailKey.has('kai.morgan@fourthcoffee.example')).toBe(false);
		const repos = store.state.licenses.get(licenseId('l_demo_09'));
		expect(repos?.billingDetails?.name).toBe('Northwind Labs GmbH');
		expect(repos?.invoices).toHaveLength(1);
		expect(repos?.invoices?.[0]?.number).toMatch(/^INV-/);
		const priyaMail = mailbox(store.state, 'priya.shah@northwind.example').map((m) => m.subject);
		expect(priyaMail.some((subject) => subject.startsWith('Invoice INV-'))).toBe(true);
	});

	it('C10: Tom, admin of the labs site and no billing contact, makes himself billing contact', async () => {
		const { ctx, store } = await demo();
		const labs = ['l_demo_09', 'l_demo_10', 'l_demo_11'].map((l) => licenseId(l));
		const technicalBefore = labs.map((l) => store.state.licenses.get(l)?.technical);
		expect(labs.every((l) => store.state.licenses.get(l)?.billing?.primary === id('priya'))).toBe(
			true
		);
		const r = await makeMeBillingContact(ctx, id('tom'), siteId('s_demo_labs'));
		expect(r.ok).toBe(true);
		for (const l of labs) {
			expect(store.state.licenses.get(l)?.billing?.primary).toBe(id('tom'));
			expect(store.state.licenses.get(l)?.billing?.secondary).toContain(id('priya'));
		}
		expect(labs.map((l) => store.state.licenses.get(l)?.technical)).toEqual(technicalBefore);
	});

	it('X1: the rules refuse a password hash under 600,000 iterations, so a cheap one cannot load', async () => {
		const store = new MemoryStore();
		const ctx = createContext(store, () => NOW);
		const weak = { ...unverifiableHash(), iterations: 599_999 };
		const result = await loadDemo(ctx, { hash: () => Promise.resolve(weak) });
		expect(result.kind).toBe('loaded');
		const refused = result.kind === 'loaded' ? result.refused : [];
		expect(refused.length).toBeGreaterThan(0);
		expect(refused[0]).toMatchObject({ code: 'invalid-payload' });
		expect(store.state.accounts.size).toBe(0);
	});
});
