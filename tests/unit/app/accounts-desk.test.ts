// A9 at log in: an address that only service desks have (no account) is told it is a
// service-desk customer and where to go; an account with that address logs in as usual.
import { describe, expect, it } from 'vitest';
import { changeId, siteId } from '$lib/core';
import type { AccountId } from '$lib/core';
import { logIn, signUp } from '$lib/app/accounts';
import { describeAccountProblem } from '$lib/ui/account-words';
import { PASSWORD, harness, verifiedAccount } from './accounts-helpers';
import type { Harness } from './accounts-helpers';

const SITE = siteId('s-desk');

async function commit(
	h: Harness,
	actor: AccountId,
	body: Parameters<Harness['store']['commit']>[0]
) {
	const done = await h.store.commit(
		{ ...body, id: changeId(`c-${h.now()}-${body.type}`), actor },
		h.now()
	);
	expect(done.ok).toBe(true);
	h.advance(1000);
}

async function deskWithKim(h: Harness): Promise<AccountId> {
	const admin = await verifiedAccount(h, 'alice@acme.com');
	const env = { id: changeId('x'), actor: admin };
	await commit(h, admin, {
		...env,
		type: 'site.create',
		payload: { siteId: SITE, name: 'acme.example.net', productIds: [] }
	});
	await commit(h, admin, {
		...env,
		type: 'customer.add',
		payload: { siteId: SITE, email: 'kim@shop.example', name: 'Kim' }
	});
	return admin;
}

describe('A9 log in with a service-desk customer address', () => {
	it('A9: says it is a service-desk customer of the site and where to go, whatever the password', async () => {
		const h = harness();
		await deskWithKim(h);
		const step = await logIn(h.ctx, { email: 'KIM@shop.example', password: 'anything at all' });
		expect(step).toEqual({ kind: 'desk-customer', sites: ['acme.example.net'] });
		const words = describeAccountProblem(
			{ code: 'desk-customer', sites: ['acme.example.net'] },
			h.now()
		);
		expect(words).toContain('service-desk customer of acme.example.net');
		expect(words).toContain('https://acme.example.net/servicedesk/customer/portals');
	});

	it('A9: once an account has the address (sign up still works), the usual answers apply', async () => {
		const h = harness();
		await deskWithKim(h);
		const created = await signUp(h.ctx, {
			email: 'kim@shop.example',
			name: 'Kim',
			password: PASSWORD
		});
		expect(created.ok).toBe(true);
		expect(
			await logIn(h.ctx, { email: 'kim@shop.example', password: 'wrong password here' })
		).toEqual({
			kind: 'invalid'
		});
	});

	it('A9/X2: the answer counts as a failed attempt, so repeated tries are throttled', async () => {
		const h = harness();
		await deskWithKim(h);
		const kinds: string[] = [];
		for (let i = 0; i < 12; i++) {
			kinds.push((await logIn(h.ctx, { email: 'kim@shop.example', password: `p${i}` })).kind);
		}
		expect(kinds).toContain('throttled');
	});
});
