// X6 through the account commands: sign up makes the account key and enrolls this device;
// log in opens the vault, gives an account from before X6 its key and seals its clear TOTP
// secret; a password change rewraps the key, a reset makes a new one (A4), with a recovery
// code when two-step verification is on (A2).
import { describe, expect, it } from 'vitest';
import { changeId, mailbox } from '$lib/core';
import type { AccountId, Change } from '$lib/core';
import {
	changePassword,
	enableTwoStep,
	logIn,
	reauthenticate,
	requestReset,
	resetPassword,
	signUp,
	startEnrolment,
	verifySecondStep
} from '$lib/app/accounts';
import { verifySession } from '$lib/app/session-proof';
import { generateTotp } from '$lib/security';
import { enrollStatement, verify } from '$lib/security/signing';
import {
	PASSWORD,
	account,
	harness,
	legacyAccount,
	mailedToken,
	sessionFor,
	verifiedAccount
} from './accounts-helpers';
import type { Harness } from './accounts-helpers';
import { cheapUnlock } from './fake-hash';

const NEW_PASSWORD = 'a brand new long passphrase';

async function enrollments(h: Harness, id: AccountId): Promise<Change[]> {
	return (await h.store.changes()).filter(
		(c) => c.type === 'device.enroll' && c.payload.accountId === id
	);
}

describe('X6: the account key at sign up and log in', () => {
	it('X6: sign up seals a new key under the password and enrolls this device, signed, in the same batch', async () => {
		const h = harness();
		const created = await signUp(h.ctx, {
			email: 'alice@acme.com',
			name: 'Alice',
			password: PASSWORD
		});
		if (!created.ok) throw new Error(created.error.code);
		const alice = account(h, created.value.accountId);
		expect(alice.signingKeys).toHaveLength(1);
		expect(await cheapUnlock(PASSWORD, alice.secrets.vault)).not.toBeNull();
		expect(await cheapUnlock('not the password', alice.secrets.vault)).toBeNull();
		const devicePublicKey = await h.ctx.deviceKeys.publicKey();
		expect(alice.devices).toEqual([
			{ device: h.store.device, publicKey: devicePublicKey, at: created.value.change.at }
		]);
		const [enroll] = await enrollments(h, alice.id);
		if (enroll?.type !== 'device.enroll') throw new Error('no enrollment');
		const statement = enrollStatement(alice.id, h.store.device, devicePublicKey);
		const key = alice.signingKeys?.[0] ?? '';
		expect(await verify(key, statement, enroll.payload.signature)).toBe(true);
		expect(JSON.stringify(await h.store.changes())).not.toContain(PASSWORD);
	});

	it('X6: log in answers a session signed by the account key for this device, and enrolls once', async () => {
		const h = harness();
		const id = await verifiedAccount(h, 'alice@acme.com');
		const first = await sessionFor(h, 'alice@acme.com');
		const second = await sessionFor(h, 'alice@acme.com');
		for (const session of [first, second]) {
			expect(await verifySession(session, h.store.state, h.store.device)).toBe(true);
		}
		expect(await enrollments(h, id)).toHaveLength(1);
		expect(h.keyring.get(id)).toBeDefined();
	});

	it('X6: an account from before X6 gets its key at its next log in, and this device is enrolled', async () => {
		const h = harness();
		const id = await legacyAccount(h, 'old@acme.com');
		expect(account(h, id).signingKeys).toBeUndefined();
		const step = await logIn(h.ctx, { email: 'old@acme.com', password: PASSWORD });
		if (step.kind !== 'logged-in') throw new Error(step.kind);
		const old = account(h, id);
		expect(old.signingKeys).toHaveLength(1);
		expect(old.devices?.map((d) => d.device)).toEqual([h.store.device]);
		expect((await cheapUnlock(PASSWORD, old.secrets.vault))?.contents.signingKey).toMatch(
			/^[\w-]+$/
		);
		expect(await verifySession(step.session, h.store.state, h.store.device)).toBe(true);
		const types = (await h.store.changes()).map((c) => c.type);
		expect(types.filter((t) => t === 'account.setKeys')).toHaveLength(1);
		// The next log in opens that vault: no second key.
		await sessionFor(h, 'old@acme.com');
		expect(account(h, id).signingKeys).toHaveLength(1);
	});

	it('X6/A2: a clear TOTP secret from before X6 is sealed at the next log in, and codes still work', async () => {
		const h = harness();
		const id = await legacyAccount(h, 'old@acme.com');
		const secret = startEnrolment('old@acme.com').secret;
		const on = await h.store.commit(
			{
				id: changeId(h.ctx.newId('c_')),
				actor: id,
				type: 'account.enableTwoStep',
				payload: { accountId: id, totpSecret: secret, recoveryCodeHashes: ['r1'], verifiedStep: 1 }
			},
			h.now()
		);
		expect(on.ok).toBe(true);
		const step = await logIn(h.ctx, { email: 'old@acme.com', password: PASSWORD });
		if (step.kind !== 'second-step') throw new Error(step.kind);
		const done = await verifySecondStep(h.ctx, step.pending, generateTotp(secret, h.now()));
		expect(done).toMatchObject({ kind: 'logged-in' });
		const sealed = account(h, id);
		expect(sealed.secrets.twoStep?.totpSecret).toBeUndefined();
		expect((await cheapUnlock(PASSWORD, sealed.secrets.vault))?.contents.totpSecret).toBe(secret);
		expect(JSON.stringify(sealed)).not.toContain(secret);
		h.advance(30_000);
		const again = await logIn(h.ctx, { email: 'old@acme.com', password: PASSWORD });
		if (again.kind !== 'second-step') throw new Error(again.kind);
		expect(
			await verifySecondStep(h.ctx, again.pending, generateTotp(secret, h.now()))
		).toMatchObject({ kind: 'logged-in' });
	});
});

describe('X6: the key follows the password (A4, A5)', () => {
	it('X6/A5: a password change rewraps the same key; the old password no longer opens it', async () => {
		const h = harness();
		const id = await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		const before = await cheapUnlock(PASSWORD, account(h, id).secrets.vault);
		expect(await changePassword(h.ctx, session, NEW_PASSWORD)).toMatchObject({ ok: true });
		const after = account(h, id);
		expect(after.signingKeys).toHaveLength(1);
		expect((await cheapUnlock(NEW_PASSWORD, after.secrets.vault))?.contents).toEqual(
			before?.contents
		);
		expect(await cheapUnlock(PASSWORD, after.secrets.vault)).toBeNull();
		// Same key: the session stays valid.
		expect(await verifySession(session, h.store.state, h.store.device)).toBe(true);
	});

	it('X6/A12: without the vault key in this tab, a password change and two-step ask for the password first', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		h.keyring.clear(); // a reload, or another tab
		expect(await changePassword(h.ctx, session, NEW_PASSWORD)).toEqual({
			ok: false,
			error: { code: 'reauth-required' }
		});
		const { secret } = startEnrolment('alice@acme.com');
		const code = generateTotp(secret, h.now());
		expect(await enableTwoStep(h.ctx, session, { secret, code })).toEqual({
			ok: false,
			error: { code: 'reauth-required' }
		});
		expect(await reauthenticate(h.ctx, session, PASSWORD)).toEqual({ kind: 'ok' });
		expect(await enableTwoStep(h.ctx, session, { secret, code })).toMatchObject({ ok: true });
	});

	it('X6/A4: a reset makes a new key; a session signed with the old one stops counting', async () => {
		const h = harness();
		const id = await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		await requestReset(h.ctx, { email: 'alice@acme.com', actor: null });
		const token = mailedToken(h, 'alice@acme.com', '/reset');
		expect(await resetPassword(h.ctx, { token, password: NEW_PASSWORD })).toMatchObject({
			ok: true
		});
		expect(account(h, id).signingKeys).toHaveLength(2);
		expect(await cheapUnlock(NEW_PASSWORD, account(h, id).secrets.vault)).not.toBeNull();
		expect(await verifySession(session, h.store.state, h.store.device)).toBe(false);
		const fresh = await sessionFor(h, 'alice@acme.com', NEW_PASSWORD);
		expect(await verifySession(fresh, h.store.state, h.store.device)).toBe(true);
	});

	it('X6/A4/A2: with two-step on, a reset needs a recovery code, spends it and turns two-step off', async () => {
		const h = harness();
		const id = await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		const { secret } = startEnrolment('alice@acme.com');
		const on = await enableTwoStep(h.ctx, session, { secret, code: generateTotp(secret, h.now()) });
		if (!on.ok) throw new Error(on.error.code);
		await requestReset(h.ctx, { email: 'alice@acme.com', actor: null });
		const token = mailedToken(h, 'alice@acme.com', '/reset');
		const reset = (recoveryCode?: string) =>
			resetPassword(h.ctx, { token, password: NEW_PASSWORD, recoveryCode });
		expect(await reset()).toEqual({ ok: false, error: { code: 'recovery-code-required' } });
		expect(await reset('wrong-code')).toEqual({
			ok: false,
			error: { code: 'invalid-recovery-code' }
		});
		expect(await reset(on.value.recoveryCodes[2])).toMatchObject({ ok: true });
		expect(account(h, id).secrets.twoStep).toBeNull();
		const subjects = mailbox(h.store.state, 'alice@acme.com').map((m) => m.subject);
		expect(subjects).toContain('Two-step verification is off');
		expect(await logIn(h.ctx, { email: 'alice@acme.com', password: NEW_PASSWORD })).toMatchObject({
			kind: 'logged-in'
		});
	});
});
