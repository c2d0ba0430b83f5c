// S9: what a change writes, record by record, and which change types are sensitive. The
// import preview is built from these, so it names what applying will do, not what payloads
// mention.
import { describe, expect, it } from 'vitest';
import { CHANGE_TYPES, SENSITIVITY, sensitiveTopic, touchedBetween } from '$lib/core';
import type { Change, State } from '$lib/core';
import { AccountChanges } from './account-factory';
import { BillingChanges } from './billing-factory';
import { DeskChanges } from './desk-factory';
import { ProductChanges } from './product-factory';
import { A, L1, L2, S1, accept, build, world } from './factories';

/** What `change` writes onto `state`, compared record by record. */
function touched(state: State, change: Change) {
	return touchedBetween(state, accept(state, change).state);
}

describe('sensitive change types (S9)', () => {
	it('S9: every change type is classified, and these are the sensitive ones', () => {
		expect(Object.keys(SENSITIVITY).sort()).toEqual([...CHANGE_TYPES].sort());
		const sensitive = CHANGE_TYPES.filter((type) => sensitiveTopic({ type }) !== null);
		expect(sensitive.sort()).toEqual(
			[
				'handover',
				'account.requestReset',
				'account.setPassword',
				'account.requestEmailChange',
				'account.confirmEmailChange',
				'account.enableTwoStep',
				'account.disableTwoStep',
				'account.useRecoveryCode',
				'account.delete',
				'device.enroll',
				'account.setKeys',
				// O1/O2: every organization admin action.
				'organization.create',
				'organization.addAdmin',
				'organization.removeAdmin',
				'domain.add',
				'domain.mailCheck',
				'domain.verify',
				'domain.remove',
				// O3/O4: the policies every managed account must follow; A13: new recovery codes.
				'organization.setPasswordPolicy',
				'organization.setTwoStepPolicy',
				'account.regenerateRecoveryCodes',
				// A6/O2: every admin action on a managed account.
				'managed.changeEmail',
				'managed.changeName',
				'managed.deactivate',
				'managed.reactivate',
				'managed.delete',
				'managed.resetTwoStep',
				// O5: sign-in, the directory and Google sync.
				'organization.setSignIn',
				'directory.put',
				'directory.remove',
				'google.sync',
				// A14: a password for a site, made or taken away.
				'appPassword.create',
				'appPassword.revoke'
			].sort()
		);
	});
});

describe('touchedBetween (S9)', () => {
	it('C11: a handover moves both people on every license, though its payload names one', () => {
		const { f, state: s0 } = world();
		const state = build([f.license(A.alice, L2, { sen: 'SEN-0000002' })], s0);
		const t = touched(state, f.handover(A.alice, A.alice, 'bob@acme.com'));
		expect(t.licenses.map((l) => l.licenseId)).toEqual([L1, L2]);
		expect(t.licenses[0]?.contacts).toEqual([
			{ accountId: A.bob, role: 'billing', move: 'joins-as-primary' },
			{ accountId: A.alice, role: 'billing', move: 'leaves' },
			{ accountId: A.bob, role: 'technical', move: 'joins-as-primary' },
			{ accountId: A.alice, role: 'technical', move: 'leaves' }
		]);
		const byId = new Map(t.accounts.map((a) => [a.accountId, a]));
		expect(byId.get(A.bob)).toMatchObject({ aspects: [], joins: [L1, L2], leaves: [] });
		expect(byId.get(A.alice)).toMatchObject({ aspects: [], joins: [], leaves: [L1, L2] });
		expect(t.mail).toBeGreaterThan(0);
	});

	it('C5: make primary is a promotion for one and a step down for the other', () => {
		const { f, state: s0 } = world();
		const state = build([f.add(A.alice, L1, 'billing', 'bob@acme.com')], s0);
		const t = touched(state, f.makePrimary(A.alice, L1, 'billing', A.bob));
		expect(t.licenses[0]?.contacts).toEqual([
			{ accountId: A.bob, role: 'billing', move: 'becomes-primary' },
			{ accountId: A.alice, role: 'billing', move: 'no-longer-primary' }
		]);
	});

	it('A4/A5/A8: password, two-step, recovery codes, email, name and deletion are told apart', () => {
		const { f, state: s0 } = world();
		const acc = new AccountChanges(f);
		const aspects = (state: State, change: Change) =>
			touched(state, change).accounts.find((a) => a.accountId === A.bob)?.aspects;
		expect(aspects(s0, acc.setPassword(A.bob, A.bob, 'first'))).toEqual(['password']);
		const on = acc.enableTwoStep(A.bob, A.bob);
		expect(aspects(s0, on)).toEqual(['two-step-on']);
		const withTwoStep = build([on], s0);
		expect(aspects(withTwoStep, acc.disableTwoStep(A.bob, A.bob))).toEqual(['two-step-off']);
		expect(aspects(withTwoStep, acc.recovery(A.bob, A.bob, 'code-1'))).toEqual([
			'recovery-code-used'
		]);
		expect(aspects(s0, acc.requestEmail(A.bob, A.bob, 'bob@new.org', 't'))).toEqual([
			'email-change-requested'
		]);
		const renamed = touched(s0, acc.profile(A.bob, A.bob, { name: 'Robert' })).accounts[0];
		expect(renamed).toMatchObject({ aspects: ['name'], newName: 'Robert', newEmail: null });
		expect(aspects(s0, acc.delete(A.bob, A.bob))).toEqual(['deleted']);
	});

	it('C0/C9: a new site and license, a support request; nothing for a change that writes nothing', () => {
		const { f, state } = world();
		const site = touched(state, f.site(A.alice, S1, 'acme.example.net'));
		expect(site.sites).toEqual([
			{
				siteId: S1,
				created: true,
				adminsJoin: [A.alice],
				adminsLeave: [],
				productsAdded: 1,
				customers: false,
				productUsers: false
			}
		]);
		const help = touched(state, f.support(A.alice, L1));
		expect(help.licenses).toEqual([
			{
				licenseId: L1,
				created: false,
				contacts: [],
				supportRequests: 1,
				terms: false,
				billingDetails: false,
				invoices: 0
			}
		]);
		const nobody = touched(state, new AccountChanges(f).requestReset(null, 'nobody@x.org', 't'));
		expect(nobody).toEqual({ licenses: [], accounts: [], sites: [], mail: 0 });
	});

	it('C14/A9/A11/A14: billing details alone, a renewal, a desk customer, product users and app passwords are named', () => {
		const { f, state } = world();
		const bill = new BillingChanges(f);
		const details = touched(state, bill.details(A.alice, L1));
		expect(details.licenses).toMatchObject([{ licenseId: L1, billingDetails: true, invoices: 0 }]);
		const renewed = touched(state, bill.renew(A.alice, L1));
		expect(renewed.licenses).toMatchObject([{ licenseId: L1, terms: true, invoices: 1 }]);
		const withSite = build([f.site(A.alice, S1, 'acme.example.net')], state);
		const added = touched(withSite, new DeskChanges(f).add(A.alice, S1, 'kim@shop.example', 'Kim'));
		expect(added.sites).toMatchObject([{ siteId: S1, created: false, customers: true }]);
		const users = new ProductChanges(f);
		const waiting = touched(withSite, users.add(A.alice, S1, { email: 'kim@shop.example' }));
		expect(waiting.sites).toMatchObject([{ siteId: S1, productUsers: true, customers: false }]);
		const app = touched(withSite, users.createApp(A.bob, S1, 'CI bot'));
		expect(app.accounts).toMatchObject([{ accountId: A.bob, aspects: ['app-passwords'] }]);
	});
});
