// O3/O4/A12/A13 through the app commands: the managing organization's password policy is
// judged where the password is typed (sign up, change, reset of a managed account) with its
// reason; its expiry and "Require two-step verification" feed the required actions at log in;
// recovery codes are regenerated in sudo mode and the old ones stop working.
import { describe, expect, it } from 'vitest';
import { changeId, mailbox, organizationId } from '$lib/core';
import type { AccountId } from '$lib/core';
import type { ChangeDraft } from '$lib/store/types';
import {
	changePassword,
	enableTwoStep,
	logIn,
	regenerateRecoveryCodes,
	requestReset,
	resetPassword,
	signUp,
	startEnrolment,
	verifySecondStep
} from '$lib/app/accounts';
import { SUDO_WINDOW_MS } from '$lib/app/session';
import { generateTotp } from '$lib/security';
import { PASSWORD, harness, mailedToken, sessionFor, verifiedAccount } from './accounts-helpers';
import type { Harness } from './accounts-helpers';

const ORG = organizationId('org-acme');
const DAY = 24 * 60 * 60 * 1000;
let n = 0;

const envelope = (actor: AccountId) => ({ id: changeId(`t-${n++}`), actor });

/** Commits a change built as the app would; the core checks it. */
async function commit(h: Harness, draft: ChangeDraft) {
	const done = await h.store.commit(draft, h.now());
	if (!done.ok) throw new Error(done.error.code);
}

/** admin@acme.com administers Acme, which verified acme.com; bob@acme.com is managed. */
async function acme(h: Harness) {
	const admin = await verifiedAccount(h, 'admin@acme.com');
	const bob = await verifiedAccount(h, 'bob@acme.com');
	await commit(h, {
		...envelope(admin),
		type: 'organization.create',
		payload: { organizationId: ORG, name: 'Acme' }
	});
	await commit(h, {
		...envelope(admin),
		type: 'domain.add',
		payload: { organizationId: ORG, domain: 'acme.com', tokenHash: 'tok' }
	});
	await commit(h, {
		...envelope(admin),
		type: 'domain.verify',
		payload: { organizationId: ORG, domain: 'acme.com', method: 'dns', tokenHash: 'tok' }
	});
	return { admin, bob };
}

async function policy(
	h: Harness,
	admin: AccountId,
	p: { minStrength: number; minLength: number; maxAgeDays: number | null }
) {
	await commit(h, {
		...envelope(admin),
		type: 'organization.setPasswordPolicy',
		payload: { organizationId: ORG, ...p }
	});
}

describe('O3: the password policy where the password is typed', () => {
	it('O3: sign up on a verified domain is refused below the minimum length, with the organization', async () => {
		const h = harness();
		const { admin } = await acme(h);
		await policy(h, admin, { minStrength: 0, minLength: 30, maxAgeDays: null });
		const short = await signUp(h.ctx, { email: 'new@acme.com', name: 'New', password: PASSWORD });
		expect(short).toEqual({
			ok: false,
			error: { code: 'password-too-short', minLength: 30, organization: 'Acme' }
		});
		// Nothing was recorded; an address elsewhere is not under the policy.
		expect(h.store.state.accountIdByEmailKey.has('new@acme.com')).toBe(false);
		expect(
			(await signUp(h.ctx, { email: 'new@other.org', name: 'New', password: PASSWORD })).ok
		).toBe(true);
	});

	it('O3: a password too easy to guess for the policy is refused at sign up, change and reset', async () => {
		const h = harness();
		const { admin } = await acme(h);
		await policy(h, admin, { minStrength: 3, minLength: 12, maxAgeDays: null });
		const weak = 'aaaaaaaaaaaaaaa';
		const tooWeak = { code: 'password-too-weak', minStrength: 3, organization: 'Acme' };
		expect(await signUp(h.ctx, { email: 'new@acme.com', name: 'New', password: weak })).toEqual({
			ok: false,
			error: tooWeak
		});
		const session = await sessionFor(h, 'bob@acme.com');
		expect(await changePassword(h.ctx, session, weak)).toEqual({ ok: false, error: tooWeak });
		expect((await changePassword(h.ctx, session, `${PASSWORD} again`)).ok).toBe(true);
		await requestReset(h.ctx, { email: 'bob@acme.com', actor: null });
		const token = mailedToken(h, 'bob@acme.com', '/reset');
		expect(await resetPassword(h.ctx, { token, password: weak })).toEqual({
			ok: false,
			error: tooWeak
		});
		expect((await resetPassword(h.ctx, { token, password: 'plum orbit cactus lantern' })).ok).toBe(
			true
		);
	});
});

describe('A12 with O3/O4: required actions from the managing organization', () => {
	it('O3: an expired password asks for a new one at the next log in; a new one ends it', async () => {
		const h = harness();
		const { admin } = await acme(h);
		await policy(h, admin, { minStrength: 0, minLength: 8, maxAgeDays: 30 });
		expect(await logIn(h.ctx, { email: 'bob@acme.com', password: PASSWORD })).toMatchObject({
			kind: 'logged-in',
			required: []
		});
		h.advance(30 * DAY);
		const step = await logIn(h.ctx, { email: 'bob@acme.com', password: PASSWORD });
		expect(step).toMatchObject({ kind: 'logged-in', required: ['new-password'] });
		if (step.kind !== 'logged-in') return;
		expect((await changePassword(h.ctx, step.session, 'plum orbit cactus lantern')).ok).toBe(true);
		expect(
			await logIn(h.ctx, { email: 'bob@acme.com', password: 'plum orbit cactus lantern' })
		).toMatchObject({ kind: 'logged-in', required: [] });
		// An unmanaged account is never asked.
		await verifiedAccount(h, 'carol@other.org');
		h.advance(365 * DAY);
		expect(await logIn(h.ctx, { email: 'carol@other.org', password: PASSWORD })).toMatchObject({
			required: []
		});
	});

	it('O4: required two-step verification asks a managed account without it to enroll, then not', async () => {
		const h = harness();
		const { admin } = await acme(h);
		await commit(h, {
			...envelope(admin),
			type: 'organization.setTwoStepPolicy',
			payload: { organizationId: ORG, required: true }
		});
		const step = await logIn(h.ctx, { email: 'bob@acme.com', password: PASSWORD });
		expect(step).toMatchObject({ kind: 'logged-in', required: ['enroll-two-step'] });
		if (step.kind !== 'logged-in') return;
		const { secret } = startEnrolment('bob@acme.com');
		const on = await enableTwoStep(h.ctx, step.session, {
			secret,
			code: generateTotp(secret, h.now())
		});
		expect(on.ok).toBe(true);
		h.advance(60_000);
		const next = await logIn(h.ctx, { email: 'bob@acme.com', password: PASSWORD });
		if (next.kind !== 'second-step') throw new Error(next.kind);
		const done = await verifySecondStep(h.ctx, next.pending, generateTotp(secret, h.now()));
		expect(done).toMatchObject({ kind: 'logged-in', required: [] });
	});
});

describe('A13: regenerated recovery codes', () => {
	it('A13/A12: new codes in sudo mode; the old ones stop working; the holder is mailed', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		const { secret } = startEnrolment('alice@acme.com');
		const on = await enableTwoStep(h.ctx, session, { secret, code: generateTotp(secret, h.now()) });
		if (!on.ok) throw new Error(on.error.code);
		const again = await regenerateRecoveryCodes(h.ctx, session);
		if (!again.ok) throw new Error(again.error.code);
		expect(again.value.recoveryCodes).toHaveLength(10);
		expect(again.value.recoveryCodes).not.toEqual(on.value.recoveryCodes);
		const subjects = mailbox(h.store.state, 'alice@acme.com').map((m) => m.subject);
		expect(subjects).toContain('You have new recovery codes');
		// The change carries only hashes, never a code.
		const last = (await h.store.changes()).at(-1);
		expect(JSON.stringify(last)).not.toContain(again.value.recoveryCodes[0] ?? '-');
		// An old code no longer logs in; a new one does.
		h.advance(60_000);
		const first = await logIn(h.ctx, { email: 'alice@acme.com', password: PASSWORD });
		if (first.kind !== 'second-step') throw new Error(first.kind);
		expect(
			await verifySecondStep(h.ctx, first.pending, on.value.recoveryCodes[0] ?? '')
		).toMatchObject({ kind: 'invalid' });
		expect(
			await verifySecondStep(h.ctx, first.pending, again.value.recoveryCodes[0] ?? '')
		).toMatchObject({ kind: 'logged-in', recoveryCodesLeft: 9 });
		expect(mailbox(h.store.state, 'alice@acme.com').map((m) => m.subject)).toContain(
			'A recovery code was used'
		);
	});

	it('A12: regenerating asks for the password again when the log in is older than ten minutes', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		h.advance(SUDO_WINDOW_MS);
		expect(await regenerateRecoveryCodes(h.ctx, session)).toEqual({
			ok: false,
			error: { code: 'reauth-required' }
		});
	});

	it('A13: without two-step verification there are no codes to regenerate', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		expect(await regenerateRecoveryCodes(h.ctx, session)).toMatchObject({
			ok: false,
			error: { code: 'two-step-not-enabled' }
		});
	});
});
