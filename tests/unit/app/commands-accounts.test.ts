// The account commands of the command map (A1, A2, A4, A5, A8, A12; X2, X6) and their
// words: each runs through the map as `perform` runs it, and what only the app can know
// (a wrong password or code, throttling, "Confirm it's you", a log in that ran out of time)
// is a typed refusal with its own words and, where a form has the field, its field.
import { describe, expect, it } from 'vitest';
import type {
	CommandInputs,
	CommandName,
	CommandOutputs,
	Hooks,
	Ran
} from '$lib/app/command-types';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import { SUDO_WINDOW_MS } from '$lib/app/session';
import { generateTotp } from '$lib/security';
import { MemoryStore } from '$lib/store';
import { WRONG_PAIR } from '$lib/ui/account-words';
import { doneWords, fieldProblem, refusalWords } from '$lib/ui/command-words';
import { PASSWORD, harness, mailedToken, sessionFor, verifiedAccount } from './accounts-helpers';
import type { Harness } from './accounts-helpers';
import { cheapKdf } from './fake-hash';

const yes: Hooks = { confirm: () => Promise.resolve(true), progress: () => undefined };

function run<N extends CommandName>(
	h: Harness,
	name: N,
	input: CommandInputs[N]
): Promise<Ran<CommandOutputs[N]>> {
	return commands[name].run(h.ctx, null, input, yes);
}

function refusalOf<O>(ran: Ran<O>) {
	if (ran.kind !== 'refused') throw new Error(`expected a refusal, got ${ran.kind}`);
	return ran.refusal;
}

function valueOf<O>(ran: Ran<O>): O {
	if (ran.kind !== 'done') throw new Error(`expected done, got ${ran.kind}`);
	return ran.value;
}

describe('account commands in the command map', () => {
	it('A1: sign up commits, answers the new account, and says where the link went', async () => {
		const h = harness();
		const input = { email: 'alice@acme.com', name: 'Alice', password: PASSWORD };
		const ran = await run(h, 'account.signUp', input);
		const value = valueOf(ran);
		expect(ran).toMatchObject({ committed: { change: { type: 'account.create' } } });
		expect(h.store.state.accounts.get(value.accountId)?.email).toBe('alice@acme.com');
		expect(doneWords('account.signUp', value, input)?.text).toBe(
			'Account created. We sent a verification link to alice@acme.com.'
		);

		const again = refusalOf(await run(h, 'account.signUp', { ...input, name: 'Other' }));
		expect(again.code).toBe('email-taken');
		expect(fieldProblem('account.signUp', again)).toEqual({
			field: 'email',
			words: expect.stringContaining('Another account already uses this email address') as string
		});
	});

	it('A1: the mailed link verifies the address through the map, with the actor perform gives', async () => {
		const h = harness();
		const input = { email: 'alice@acme.com', name: 'Alice', password: PASSWORD };
		await run(h, 'account.signUp', input);
		const token = mailedToken(h, 'alice@acme.com', '/verify');
		const ran = await run(h, 'account.verifyEmail', { email: 'alice@acme.com', token });
		expect(
			doneWords('account.verifyEmail', valueOf(ran), { email: 'alice@acme.com', token })?.text
		).toBe('Your email address alice@acme.com is verified. You can log in now.');
		const twice = refusalOf(
			await run(h, 'account.verifyEmail', { email: 'alice@acme.com', token })
		);
		expect(twice.code).toBe('already-verified');
	});

	it('A2: a wrong password is a typed refusal, announced with the log in’s own words', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const refusal = refusalOf(
			await run(h, 'account.logIn', { email: 'alice@acme.com', password: 'not it at all' })
		);
		expect(refusal).toEqual({ code: 'wrong-password' });
		expect(refusalWords('account.logIn', refusal)).toBe(WRONG_PAIR);
		expect(fieldProblem('account.logIn', refusal)).toBeNull();
		const right = valueOf(
			await run(h, 'account.logIn', { email: 'alice@acme.com', password: PASSWORD })
		);
		expect(right).toMatchObject({ kind: 'logged-in', required: [] });
		expect(doneWords('account.logIn', right, { email: 'x', password: 'y' })).toBeNull();
	});

	it('X2: throttled attempts are a refusal that says when to try again', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		let refusal = refusalOf(
			await run(h, 'account.logIn', { email: 'alice@acme.com', password: 'wrong' })
		);
		for (let i = 0; i < 20 && refusal.code !== 'throttled'; i++) {
			refusal = refusalOf(
				await run(h, 'account.logIn', { email: 'alice@acme.com', password: 'wrong' })
			);
		}
		expect(refusal).toMatchObject({ code: 'throttled' });
		expect(refusalWords('account.logIn', refusal, h.now())).toMatch(/^Too many failed attempts/);
	});

	it('A2: the second step takes the code, puts a wrong one on the code field, and expires', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		const { secret } = valueOf(await run(h, 'twoStep.start', { email: 'alice@acme.com' }));
		const enableInput = { session, secret, code: generateTotp(secret, h.now()) };
		const on = valueOf(await run(h, 'twoStep.enable', enableInput));
		expect(on.recoveryCodes).toHaveLength(10);
		expect(doneWords('twoStep.enable', on, enableInput)?.text).toBe(
			'Two-step verification is on. Save your recovery codes now.'
		);

		h.advance(60_000);
		const first = valueOf(
			await run(h, 'account.logIn', { email: 'alice@acme.com', password: PASSWORD })
		);
		if (first.kind !== 'second-step') throw new Error(first.kind);
		const wrong = refusalOf(
			await run(h, 'account.secondStep', { pending: first.pending, code: '000000' })
		);
		expect(wrong).toEqual({ code: 'wrong-code', reused: false });
		expect(fieldProblem('account.secondStep', wrong)?.field).toBe('code');

		h.advance(5 * 60_000);
		const late = refusalOf(
			await run(h, 'account.secondStep', {
				pending: first.pending,
				code: generateTotp(secret, h.now())
			})
		);
		expect(late).toEqual({ code: 'login-expired' });
		expect(refusalWords('account.secondStep', late)).toBe('That took too long. Log in again.');
	});

	it('A12: "Confirm it’s you" refuses a wrong password on its field, and a late change asks for it', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		h.advance(SUDO_WINDOW_MS);
		const late = refusalOf(
			await run(h, 'account.changePassword', { session, password: 'a brand new passphrase' })
		);
		expect(late).toEqual({ code: 'reauth-required' });
		expect(fieldProblem('account.changePassword', late)).toEqual({
			field: 'password',
			words: 'For your security, enter your password again to make this change.'
		});
		const wrong = refusalOf(
			await run(h, 'account.reauthenticate', { session, password: 'not it' })
		);
		expect(fieldProblem('account.reauthenticate', wrong)).toEqual({
			field: 'password',
			words: 'That password is not right.'
		});
		const right = valueOf(await run(h, 'account.reauthenticate', { session, password: PASSWORD }));
		expect(right).toEqual({ at: h.now() });
	});

	it('A4: a reset link is described before use; the request always says "sent"', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		expect(valueOf(await run(h, 'account.resetLink', { token: 'nope' }))).toEqual({
			ok: false,
			code: 'invalid-token'
		});
		const sent = await run(h, 'account.requestReset', { email: 'alice@acme.com' });
		expect(
			doneWords('account.requestReset', valueOf(sent), { email: 'alice@acme.com' })?.text
		).toBe('If an account uses alice@acme.com, we sent it a link to choose a password.');
		const token = mailedToken(h, 'alice@acme.com', '/reset');
		const link = valueOf(await run(h, 'account.resetLink', { token }));
		expect(link).toMatchObject({
			ok: true,
			account: { email: 'alice@acme.com' },
			needsRecoveryCode: false
		});
		const reset = { token, password: 'another long passphrase' };
		const done = valueOf(await run(h, 'account.resetPassword', reset));
		expect(done).toEqual({ email: 'alice@acme.com', twoStepOff: false });
		expect(doneWords('account.resetPassword', done, reset)?.text).toBe(
			'Your password is saved. Log in with it now.'
		);
	});

	it('A5/A8: name, email change, deletion check and delete say what they did', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		const named = { session, name: 'Alice Liddell' };
		const profile = valueOf(await run(h, 'account.updateProfile', named));
		expect(doneWords('account.updateProfile', profile, named)?.text).toBe(
			'Your full name is now Alice Liddell.'
		);
		const same = refusalOf(
			await run(h, 'account.requestEmailChange', { session, email: 'alice@acme.com' })
		);
		expect(fieldProblem('account.requestEmailChange', same)).toEqual({
			field: 'email',
			words: 'That already is your address.'
		});
		expect(valueOf(await run(h, 'account.checkDeletion', { session }))).toBeNull();
		const deleted = valueOf(await run(h, 'account.delete', { session }));
		expect(doneWords('account.delete', deleted, { session })?.text).toBe(
			'The account alice@acme.com was deleted. You are logged out.'
		);
	});

	it('A3: log out is a command with its own words', async () => {
		const h = harness();
		expect(doneWords('session.logOut', valueOf(await run(h, 'session.logOut', {})), {})).toEqual({
			text: 'You are logged out.',
			tone: 'info'
		});
		expect(doneWords('session.logOut', null, { reason: 'switch' })?.text).toBe(
			'You are logged out. Log in to your other account.'
		);
	});

	it('X2/X6: an account command never runs without the device throttle and the keyring', async () => {
		const ctx = createContext(new MemoryStore(), () => 0, { kdf: cheapKdf });
		await expect(
			commands['account.logIn'].run(ctx, null, { email: 'a@b.co', password: 'x' }, yes)
		).rejects.toThrow(/throttle and keyring/);
	});
});
