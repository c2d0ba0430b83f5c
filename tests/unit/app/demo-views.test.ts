// The views the license pages render, computed on the demo data: C3 lists with their search
// index and filters, C12 buttons per role, the C10 billing overview, and C11 handover words.
import { beforeAll, describe, expect, it } from 'vitest';
import {
	accountId,
	filterLicenses,
	licenseId,
	licenseIndex,
	manageablePeople,
	siteId
} from '$lib/core';
import type { AccountId, State } from '$lib/core';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { loadDemo } from '$lib/app/demo';
import { demoPerson } from '$lib/core/demo-data';
import type { DemoPersonKey } from '$lib/core/demo-data';
import { previewHandover } from '$lib/app/licenses';
import { billingView } from '$lib/components/billing/billing-view';
import { expiryOf, licenseView } from '$lib/components/licenses/view';
import { handoverLines } from '$lib/ui/handover-words';
import { personLabel } from '$lib/ui/license-words';
import { unverifiableHash } from './fake-hash';
import { MemoryStore } from '$lib/store';

const NOW = Date.UTC(2030, 5, 1);
const DAY = 24 * 60 * 60 * 1000;
const id = (key: DemoPersonKey): AccountId => accountId(demoPerson(key).id);

function license(key: string) {
	const found = state.licenses.get(licenseId(key));
	if (found === undefined) throw new Error(`no license ${key}`);
	return found;
}

let ctx: AppContext;
let state: State;

beforeAll(async () => {
	const store = new MemoryStore();
	ctx = createContext(store, () => NOW);
	const hash = unverifiableHash();
	await loadDemo(ctx, { hash: () => Promise.resolve(hash), extraLicenses: 40 });
	state = store.state;
});

describe('licenseIndex and filterLicenses', () => {
	it('C3: lists a person’s licenses, and a site admin’s site licenses, sorted by SEN', () => {
		const tom = licenseIndex(state, id('tom')).map((r) => r.license.sen);
		expect(tom).toEqual(['SEN-2041000109', 'SEN-2041000110', 'SEN-2041000111']);
		const ana = licenseIndex(state, id('ana'));
		expect(ana.every((r) => r.license.sen.startsWith('SEN-204100011'))).toBe(true);
		expect(ana).toHaveLength(3);
	});

	it('filters by product, by part of a SEN, and by part of a contact’s email', () => {
		const index = licenseIndex(state, id('olivia'));
		expect(index).toHaveLength(9 + 40);
		expect(filterLicenses(index, { productId: '', query: '' })).toHaveLength(49);
		expect(filterLicenses(index, { productId: 'desk', query: '' })).toHaveLength(1 + 8);
		expect(filterLicenses(index, { productId: '', query: ' sen-2041000105 ' })).toHaveLength(1);
		const chen = filterLicenses(index, { productId: '', query: 'CHEN.WEI@' });
		expect(chen.map((l) => l.sen)).toEqual(['SEN-2041000105']);
		expect(filterLicenses(index, { productId: 'chat', query: 'chen' })).toHaveLength(1);
		expect(filterLicenses(index, { productId: 'issues', query: 'chen' })).toHaveLength(0);
	});
});

describe('licenseView', () => {
	it('C12: a contact may manage; a technical contact may request support', () => {
		const view = licenseView(state, id('sam'), license('l_demo_06'), NOW);
		expect(view).toMatchObject({
			productName: 'Tessera Issues',
			siteName: 'northwind.example.net',
			canManage: true,
			canRequestSupport: true,
			canSeeBillingOverview: false
		});
		expect(view.technical[0]).toMatchObject({
			email: 'sam.lee@northwind.example',
			primary: true,
			self: true
		});
		expect(view.billing.map((c) => c.email)).toEqual([
			'olivia.park@northwind.example',
			'priya.shah@northwind.example'
		]);
	});

	it('C12: a site admin who is no contact sees the license but may not change contacts', () => {
		const view = licenseView(state, id('tom'), license('l_demo_09'), NOW);
		expect(view).toMatchObject({
			canManage: false,
			canRequestSupport: false,
			canSeeBillingOverview: true
		});
	});

	it('says when a license expires soon or has expired', () => {
		expect(expiryOf(NOW + 12 * DAY, NOW)).toEqual({ expiry: 'soon', days: 12 });
		expect(expiryOf(NOW + 31 * DAY, NOW).expiry).toBe('ok');
		expect(expiryOf(NOW - 5 * DAY, NOW)).toEqual({ expiry: 'expired', days: -5 });
	});
});

describe('billingView (C10)', () => {
	it('estimates the labs site from catalog prices and tiers, and offers Make me billing contact', () => {
		const view = billingView(state, siteId('s_demo_labs'), id('tom'), NOW);
		expect(view?.total).toBe(25 * 330 + 50 * 815 + 10 * 2000);
		expect(view?.rows.map((r) => r.sen)).toEqual([
			'SEN-2041000109',
			'SEN-2041000110',
			'SEN-2041000111'
		]);
		expect(view?.canMakeMe).toBe(true);
	});

	it('hides the button from an admin who is primary everywhere, and shows nothing to others', () => {
		expect(billingView(state, siteId('s_demo_northwind'), id('olivia'), NOW)?.canMakeMe).toBe(
			false
		);
		expect(billingView(state, siteId('s_demo_labs'), id('sam'), NOW)).toMatchObject({
			isAdmin: false,
			rows: [],
			total: 0,
			canMakeMe: false
		});
	});
});

describe('handover preview (C11)', () => {
	it('lists the people Olivia manages, and previews per license without changing anything', async () => {
		const people = manageablePeople(state, id('olivia')).map(personLabel);
		expect(people).toContain('Sam Lee (sam.lee@northwind.example)');
		expect(people).not.toContain('Tom Becker (tom.becker@northwind.example)');
		const before = state.licenses.get(licenseId('l_demo_02'));
		const result = await previewHandover(ctx, id('olivia'), {
			from: id('sam'),
			to: 'marco.rossi@gmail.com'
		});
		if (!result.ok) throw new Error(result.error.code);
		expect(state.licenses.get(licenseId('l_demo_02'))).toBe(before);
		const lines = handoverLines(state, result.value, 'Sam Lee', 'Marco Rossi', false);
		const pages = lines.find((l) => l.license === 'Tessera Pages (SEN-2041000102)');
		expect(pages?.outcome).toBe('added-needs-self-promotion');
		expect(pages?.words).toContain('Marco Rossi must log in and make themselves primary');
		expect(lines.some((l) => l.outcome === 'replaced')).toBe(true);
	});

	it('refuses a successor with no account until a name is given (C4)', async () => {
		const result = await previewHandover(ctx, id('olivia'), {
			from: id('sam'),
			to: 'new@x.example'
		});
		expect(result).toMatchObject({ ok: false, error: { code: 'name-required' } });
		const named = await previewHandover(ctx, id('olivia'), {
			from: id('sam'),
			to: 'new@x.example',
			name: 'New Person'
		});
		expect(named.ok).toBe(true);
		expect(state.accountIdByEmailKey.has('new@x.example')).toBe(false);
	});
});
