// A4 "Can't log in?" (single-use reset links that expire in an hour, also the way an invited
// account gets its first password) and A5 change of password in sudo mode (A12).
import { describe, expect, it } from 'vitest';
import { mailbox } from '$lib/core';
import {
	changePassword,
	inspectResetLink,
	logIn,
	reauthenticate,
	requestReset,
	resetPassword
} from '$lib/app/accounts';
import { SUDO_WINDOW_MS, reauthenticated } from '$lib/app/session';
import { RESET_TOKEN_TTL_MS } from '$lib/security';
import {
	PASSWORD,
	account,
	harness,
	invitedAccount,
	mailedToken,
	sessionFor,
	verifiedAccount
} from './accounts-helpers';

const NEW_PASSWORD = 'a brand new long passphrase';

describe("Can't log in? (A4)", () => {
	it('mails a single-use link; the new password works and the old one does not', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		expect(await requestReset(h.ctx, { email: 'ALICE@acme.com', actor: null })).toMatchObject({
			ok: true
		});
		const token = mailedToken(h, 'alice@acme.com', '/reset');
		expect(await resetPassword(h.ctx, { token, password: NEW_PASSWORD })).toMatchObject({
			ok: true
		});
		expect(await logIn(h.ctx, { email: 'alice@acme.com', password: PASSWORD })).toEqual({
			kind: 'invalid'
		});
		expect(await logIn(h.ctx, { email: 'alice@acme.com', password: NEW_PASSWORD })).toMatchObject({
			kind: 'logged-in'
		});
		expect(await resetPassword(h.ctx, { token, password: 'yet another passphrase' })).toEqual({
			ok: false,
			error: { code: 'token-used' }
		});
	});

	it('expires the link exactly one hour after it was mailed', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		await requestReset(h.ctx, { email: 'alice@acme.com', actor: null });
		const token = mailedToken(h, 'alice@acme.com', '/reset');
		h.advance(RESET_TOKEN_TTL_MS - 1);
		expect(await inspectResetLink(h.store.state, token, h.now())).toMatchObject({ ok: true });
		h.advance(1);
		expect(await resetPassword(h.ctx, { token, password: NEW_PASSWORD })).toEqual({
			ok: false,
			error: { code: 'token-expired' }
		});
	});

	it('says the same for an unknown address and files no mail for it', async () => {
		const h = harness();
		expect(await requestReset(h.ctx, { email: 'nobody@acme.com', actor: null })).toMatchObject({
			ok: true
		});
		expect(mailbox(h.store.state, 'nobody@acme.com')).toEqual([]);
		expect(await inspectResetLink(h.store.state, 'made-up', h.now())).toEqual({
			ok: false,
			code: 'invalid-token'
		});
	});

	it('gives an invited account (C4) its first password and verifies its address', async () => {
		const h = harness();
		const alice = await verifiedAccount(h, 'alice@acme.com');
		const bob = await invitedAccount(h, alice, 'bob@acme.com');
		expect(account(h, bob).verified).toBe(false);
		await requestReset(h.ctx, { email: 'bob@acme.com', actor: null });
		const token = mailedToken(h, 'bob@acme.com', '/reset');
		expect(await resetPassword(h.ctx, { token, password: NEW_PASSWORD })).toMatchObject({
			ok: true
		});
		expect(account(h, bob).verified).toBe(true);
		expect(await logIn(h.ctx, { email: 'bob@acme.com', password: NEW_PASSWORD })).toMatchObject({
			kind: 'logged-in',
			required: []
		});
	});
});

describe('change password (A5, A12)', () => {
	it('changes it within ten minutes of the login, and asks again after that', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		h.advance(SUDO_WINDOW_MS);
		expect(await changePassword(h.ctx, session, NEW_PASSWORD)).toEqual({
			ok: false,
			error: { code: 'reauth-required' }
		});
		expect(await reauthenticate(h.ctx, session, 'wrong')).toEqual({ kind: 'invalid' });
		expect(await reauthenticate(h.ctx, session, PASSWORD)).toEqual({ kind: 'ok' });
		const fresh = reauthenticated(session, h.now());
		expect(await changePassword(h.ctx, fresh, NEW_PASSWORD)).toMatchObject({ ok: true });
		expect(await logIn(h.ctx, { email: 'alice@acme.com', password: NEW_PASSWORD })).toMatchObject({
			kind: 'logged-in'
		});
	});
});
