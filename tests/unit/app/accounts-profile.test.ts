// A5 profile (name, avatar, email change confirmed by a link to the new address), A7
// accounts of an identity provider, and A8 deleting an account that is a primary contact.
import { describe, expect, it } from 'vitest';
import { accountId, changeId, mailbox } from '$lib/core';
import {
	confirmEmailChange,
	deleteAccount,
	deletionBlocker,
	logIn,
	requestEmailChange,
	updateProfile
} from '$lib/app/accounts';
import { commands } from '$lib/app/commands';
import { addContact, handover, startLicense } from '$lib/app/licenses';
import { startSession } from '$lib/app/session';
import { newId } from '$lib/store/device';
import {
	PASSWORD,
	account,
	harness,
	mailedToken,
	sessionFor,
	verifiedAccount
} from './accounts-helpers';
import { recordingHooks, verifiedOrganization } from './organization-helpers';

const AVATAR = 'data:image/png;base64,iVBORw0KGgo=';

describe('profile (A5)', () => {
	it('changes the full name and the avatar, and removes the avatar', async () => {
		const h = harness();
		const id = await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		expect(
			await updateProfile(h.ctx, session, { name: '  Alice Cooper ', avatar: AVATAR })
		).toMatchObject({
			ok: true
		});
		expect(account(h, id)).toMatchObject({ name: 'Alice Cooper', avatar: AVATAR });
		await updateProfile(h.ctx, session, { avatar: null });
		expect(account(h, id).avatar).toBeNull();
		expect(await updateProfile(h.ctx, session, { name: '   ' })).toMatchObject({
			ok: false,
			error: { code: 'name-required' }
		});
	});

	it('changes the address only once the link mailed to the new one is used', async () => {
		const h = harness();
		const id = await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		expect(await requestEmailChange(h.ctx, session, 'alice@newco.com')).toMatchObject({ ok: true });
		expect(account(h, id).email).toBe('alice@acme.com');
		const token = mailedToken(h, 'alice@newco.com', '/confirm-email');
		expect(await confirmEmailChange(h.ctx, session, 'wrong')).toMatchObject({
			ok: false,
			error: { code: 'invalid-token' }
		});
		h.advance(1000);
		expect(await confirmEmailChange(h.ctx, session, token)).toMatchObject({ ok: true });
		expect(account(h, id)).toMatchObject({ email: 'alice@newco.com', verified: true });
		expect(mailbox(h.store.state, 'alice@acme.com')[0]?.subject).toBe(
			'Your account has a new email address'
		);
		expect(await logIn(h.ctx, { email: 'alice@newco.com', password: PASSWORD })).toMatchObject({
			kind: 'logged-in'
		});
	});

	it('refuses an address another account has (A3: accounts are never merged)', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		await verifiedAccount(h, 'bob@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		expect(await requestEmailChange(h.ctx, session, 'BOB@acme.com')).toEqual({
			ok: false,
			error: { code: 'email-taken' }
		});
	});
});

describe('identity providers (A7)', () => {
	it('does not log in with a password, and keeps the name the provider set', async () => {
		const h = harness();
		// O5: the organization that verified corp.com signs in through Google, Gil in its directory.
		const admin = await verifiedAccount(h, 'root@boss.org');
		const org = await verifiedOrganization(h.ctx, admin, 'corp.com', 'Corp');
		const hooks = recordingHooks();
		const ref = { organizationId: org };
		await commands['organization.setSignIn'].run(
			h.ctx,
			admin,
			{ ...ref, provider: 'google' },
			hooks
		);
		const person = {
			...ref,
			email: 'gil@corp.com',
			name: 'Gil',
			password: 'provider pw',
			groups: []
		};
		expect((await commands['directory.put'].run(h.ctx, admin, person, hooks)).kind).toBe('done');
		const id = accountId(newId('a_'));
		await h.store.commit(
			{
				id: changeId(newId('c_')),
				actor: null,
				type: 'account.create',
				payload: {
					accountId: id,
					email: 'gil@corp.com',
					name: 'Gil',
					mode: 'signup',
					source: 'google'
				}
			},
			h.now()
		);
		expect(await logIn(h.ctx, { email: 'gil@corp.com', password: PASSWORD })).toEqual({
			kind: 'identity-provider',
			source: 'google'
		});
		// An IdP account cannot log in here: a record stands in for its session (no proof needed).
		const session = startSession(account(h, id), h.now(), '');
		expect(await updateProfile(h.ctx, session, { name: 'Gilbert' })).toMatchObject({
			ok: false,
			error: { code: 'managed-by-idp' }
		});
	});
});

describe('delete account (A8)', () => {
	it('is refused while primary of a role with other contacts, and allowed after a handover', async () => {
		const h = harness();
		const alice = await verifiedAccount(h, 'alice@acme.com');
		await verifiedAccount(h, 'bob@acme.com');
		const started = await startLicense(h.ctx, alice, {
			productId: 'issues',
			hosting: 'server',
			tier: 25
		});
		if (!started.ok || started.value.change.type !== 'license.start') throw new Error('no license');
		const { licenseId, sen } = started.value.change.payload;
		await addContact(h.ctx, alice, { licenseId, role: 'billing', email: 'bob@acme.com' });
		const session = await sessionFor(h, 'alice@acme.com');

		const blocker = deletionBlocker(h.ctx, session);
		expect(blocker).toMatchObject({
			code: 'primary-contact',
			licenses: [
				{ sen, role: 'billing' },
				{ sen, role: 'technical' }
			]
		});
		expect(await deleteAccount(h.ctx, session)).toMatchObject({
			ok: false,
			error: { code: 'primary-contact' }
		});
		expect(account(h, alice).status).toBe('active');

		expect(await handover(h.ctx, alice, { from: alice, to: 'bob@acme.com' })).toMatchObject({
			ok: true
		});
		expect(deletionBlocker(h.ctx, session)).toBeNull();
		expect(await deleteAccount(h.ctx, session)).toMatchObject({ ok: true });
		expect(account(h, alice)).toMatchObject({ status: 'deleted', secrets: {} });
		expect(await logIn(h.ctx, { email: 'alice@acme.com', password: PASSWORD })).toEqual({
			kind: 'invalid'
		});
	});
});
