// The steps of a log in (A2, A12) as pure functions: after the password comes the second
// step (two-step on), then each required action in order, recovery codes right after an
// enrolment, and only then `finished`, the moment the session begins and the page navigates.
import { describe, expect, it } from 'vitest';
import { logIn } from '$lib/app/accounts';
import type { LoggedIn } from '$lib/app/accounts';
import {
	CREDENTIALS,
	actionDone,
	afterPassword,
	codesSaved,
	enrolled,
	loggedIn,
	provisional,
	recoveryNote
} from '$lib/state/login-steps';
import { PASSWORD, harness, verifiedAccount } from '../app/accounts-helpers';
import { cheapKdf } from '../app/fake-hash';

async function realLogIn(): Promise<LoggedIn> {
	const h = harness();
	await verifiedAccount(h, 'alice@acme.com');
	const step = await logIn(h.ctx, { email: 'alice@acme.com', password: PASSWORD });
	if (step.kind !== 'logged-in') throw new Error(step.kind);
	return step;
}

describe('login steps (A2, A12)', () => {
	it('finishes at once when nothing is required, with the signed record', async () => {
		const result = await realLogIn();
		const step = afterPassword(result);
		expect(step).toMatchObject({ kind: 'finished', record: result.session, note: '' });
		expect(provisional(step)).toBeNull();
	});

	it('asks for the second step when the password answered one', async () => {
		const result = await realLogIn();
		const pending = {
			accountId: result.account.id,
			email: result.account.email,
			expiresAt: 0,
			unsealed: { key: await cheapKdf.newVaultKey(PASSWORD), vault: null, contents: null }
		};
		expect(afterPassword({ kind: 'second-step', pending })).toEqual({
			kind: 'second-step',
			pending
		});
	});

	it('runs the required actions in order, recovery codes right after enrolment, then finishes', async () => {
		const result = await realLogIn();
		let step = loggedIn({ ...result, required: ['new-password', 'enroll-two-step'] });
		expect(step).toMatchObject({
			kind: 'required',
			action: 'new-password',
			rest: ['enroll-two-step']
		});
		// A12: the required actions run with the log in's own record, before the session begins.
		expect(provisional(step)).toBe(result.session);
		step = actionDone(step);
		expect(step).toMatchObject({ kind: 'required', action: 'enroll-two-step', rest: [] });
		step = enrolled(step, ['code-1', 'code-2']);
		expect(step).toMatchObject({ kind: 'recovery-codes', codes: ['code-1', 'code-2'], rest: [] });
		expect(provisional(step)).toBe(result.session);
		step = codesSaved(step);
		expect(step).toMatchObject({ kind: 'finished', record: result.session });
	});

	it('ignores a move that does not belong to the current step', () => {
		expect(actionDone(CREDENTIALS)).toBe(CREDENTIALS);
		expect(enrolled(CREDENTIALS, ['x'])).toBe(CREDENTIALS);
		expect(codesSaved(CREDENTIALS)).toBe(CREDENTIALS);
	});

	it('A2: after a recovery code, says how many are left and what to do when few are', async () => {
		expect(recoveryNote(null)).toBe('');
		expect(recoveryNote(7)).toBe(' Recovery code accepted: you have 7 left.');
		expect(recoveryNote(3)).toMatch(/3 left\. Turn two-step verification off and on again/);
		const result = await realLogIn();
		expect(loggedIn({ ...result, recoveryCodesLeft: 9 })).toMatchObject({
			kind: 'finished',
			note: ' Recovery code accepted: you have 9 left.'
		});
	});
});
