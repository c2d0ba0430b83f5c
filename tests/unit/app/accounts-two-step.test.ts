// A2/A5 two-step verification through the app commands: enrolment proved by a code, the
// second login step with a TOTP code (accepted once, X2) or a recovery code (single use),
// and turning it off with a code. Codes are computed from the secret as an app would.
import { describe, expect, it } from 'vitest';
import {
	disableTwoStep,
	enableTwoStep,
	logIn,
	startEnrolment,
	verifySecondStep
} from '$lib/app/accounts';
import type { AccountsContext, PendingLogin } from '$lib/app/accounts';
import type { SessionRecord } from '$lib/app/session';
import { SUDO_WINDOW_MS } from '$lib/app/session';
import { generateTotp, TOTP_PERIOD_SECONDS } from '$lib/security';
import { PASSWORD, account, harness, sessionFor, verifiedAccount } from './accounts-helpers';
import type { Harness } from './accounts-helpers';
import { cheapUnlock } from './fake-hash';

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;

async function enrolled(h: Harness) {
	const id = await verifiedAccount(h, 'alice@acme.com');
	const session = await sessionFor(h, 'alice@acme.com');
	const { secret, uri } = startEnrolment('alice@acme.com');
	expect(uri).toMatch(/^otpauth:\/\/totp\/Tessera:alice%40acme\.com\?.*secret=/);
	const on = await enableTwoStep(h.ctx, session, { secret, code: generateTotp(secret, h.now()) });
	if (!on.ok) throw new Error(on.error.code);
	return { id, session, secret, recoveryCodes: on.value.recoveryCodes };
}

async function pending(ctx: AccountsContext): Promise<PendingLogin> {
	const step = await logIn(ctx, { email: 'alice@acme.com', password: PASSWORD });
	if (step.kind !== 'second-step') throw new Error(`expected a second step, got ${step.kind}`);
	return step.pending;
}

describe('two-step verification (A2, A5, X2)', () => {
	it('enrols with a code from the app and keeps only hashes of ten recovery codes', async () => {
		const h = harness();
		const { id, secret, recoveryCodes } = await enrolled(h);
		expect(recoveryCodes).toHaveLength(10);
		const twoStep = account(h, id).secrets.twoStep;
		// X6: the secret is kept sealed in the account's vault, not in clear.
		expect(twoStep?.totpSecret).toBeUndefined();
		const vault = await cheapUnlock(PASSWORD, account(h, id).secrets.vault);
		expect(vault?.contents.totpSecret).toBe(secret);
		expect(twoStep?.recoveryCodeHashes).toHaveLength(10);
		for (const code of recoveryCodes) expect(twoStep?.recoveryCodeHashes).not.toContain(code);
	});

	it('refuses enrolment with a wrong code, and without a recent password (A12)', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		const { secret } = startEnrolment('alice@acme.com');
		expect(await enableTwoStep(h.ctx, session, { secret, code: '000000' })).toMatchObject({
			ok: false,
			error: { code: 'wrong-code' }
		});
		h.advance(SUDO_WINDOW_MS);
		const code = generateTotp(secret, h.now());
		expect(await enableTwoStep(h.ctx, session, { secret, code })).toEqual({
			ok: false,
			error: { code: 'reauth-required' }
		});
	});

	it('asks for a second step; a code works once, the same code again is refused as reused', async () => {
		const h = harness();
		const { id, secret } = await enrolled(h);
		// The enrolment code's step is used; the app shows the next one 30 s later.
		h.advance(STEP_MS);
		const code = generateTotp(secret, h.now());
		const first = await verifySecondStep(h.ctx, await pending(h.ctx), code);
		expect(first).toMatchObject({ kind: 'logged-in', account: { id }, recoveryCodesLeft: null });
		const again = await verifySecondStep(h.ctx, await pending(h.ctx), code);
		expect(again).toEqual({ kind: 'invalid', reused: true });
	});

	it('accepts each recovery code once, whatever its case and dashes', async () => {
		const h = harness();
		const { recoveryCodes } = await enrolled(h);
		const code = recoveryCodes[3] ?? '';
		const typed = code.toUpperCase().replace(/-/g, ' ');
		expect(await verifySecondStep(h.ctx, await pending(h.ctx), typed)).toMatchObject({
			kind: 'logged-in',
			recoveryCodesLeft: 9
		});
		expect(await verifySecondStep(h.ctx, await pending(h.ctx), code)).toEqual({
			kind: 'invalid',
			reused: false
		});
	});

	it('expires the second step after five minutes', async () => {
		const h = harness();
		const { secret } = await enrolled(h);
		const p = await pending(h.ctx);
		h.advance(5 * 60_000);
		expect(await verifySecondStep(h.ctx, p, generateTotp(secret, h.now()))).toEqual({
			kind: 'expired'
		});
	});

	it('does not let a right password reset the count of wrong codes (X2)', async () => {
		const h = harness();
		await enrolled(h);
		for (let i = 0; i < 4; i++) {
			const p = await pending(h.ctx);
			expect(await verifySecondStep(h.ctx, p, '000000')).toMatchObject({ kind: 'invalid' });
		}
		expect(h.throttle.failures('alice@acme.com')).toBe(4);
		expect(await logIn(h.ctx, { email: 'alice@acme.com', password: PASSWORD })).toMatchObject({
			kind: 'throttled',
			reason: 'slow-down'
		});
	});

	it('turns off only with a valid code', async () => {
		const h = harness();
		const { id, session, secret } = await enrolled(h);
		const fresh: SessionRecord = { ...session, authAt: h.now() };
		expect(await disableTwoStep(h.ctx, fresh, '123456')).toMatchObject({
			ok: false,
			error: { code: 'wrong-code' }
		});
		h.advance(STEP_MS);
		const off = await disableTwoStep(
			h.ctx,
			{ ...fresh, authAt: h.now() },
			generateTotp(secret, h.now())
		);
		expect(off).toEqual({ ok: true, value: true });
		expect(account(h, id).secrets.twoStep).toBeNull();
		expect(await logIn(h.ctx, { email: 'alice@acme.com', password: PASSWORD })).toMatchObject({
			kind: 'logged-in'
		});
	});
});
