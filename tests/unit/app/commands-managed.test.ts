// O2/A6 through the command map: an admin's actions on a managed account, their confirmations
// and words, and a deactivated account's log in (refused, saying why, only after the right
// password).
import { describe, expect, it } from 'vitest';
import { changeId, organizationId } from '$lib/core';
import type { AccountId } from '$lib/core';
import type {
	CommandInputs,
	CommandName,
	CommandOutputs,
	Hooks,
	Ran
} from '$lib/app/command-types';
import { commands } from '$lib/app/commands';
import { logIn } from '$lib/app/accounts';
import { newId } from '$lib/store/device';
import { confirmWords, doneWords, fieldProblem, refusalWords } from '$lib/ui/command-words';
import { PASSWORD, account, harness, verifiedAccount } from './accounts-helpers';
import type { Harness } from './accounts-helpers';

const ORG = organizationId('org-acme');

function hooks(answer: boolean): Hooks & { asked: number } {
	const h = {
		asked: 0,
		confirm: () => {
			h.asked++;
			return Promise.resolve(answer);
		},
		progress: () => undefined
	};
	return h;
}

function run<N extends CommandName>(
	h: Harness,
	actor: AccountId,
	name: N,
	input: CommandInputs[N],
	answer = true
): Promise<Ran<CommandOutputs[N]>> {
	return commands[name].run(h.ctx, actor, input, hooks(answer));
}

/** admin@acme.com created "Acme" and verified acme.com; bob@acme.com is managed by it. */
async function acme() {
	const h = harness();
	const admin = await verifiedAccount(h, 'admin@acme.com');
	const bob = await verifiedAccount(h, 'bob@acme.com');
	const commit = async (type: 'organization.create' | 'domain.add' | 'domain.verify') => {
		const envelope = { id: changeId(newId('c_')), actor: admin };
		const result =
			type === 'organization.create'
				? await h.store.commit(
						{ ...envelope, type, payload: { organizationId: ORG, name: 'Acme' } },
						h.now()
					)
				: type === 'domain.add'
					? await h.store.commit(
							{
								...envelope,
								type,
								payload: { organizationId: ORG, domain: 'acme.com', tokenHash: 'tok' }
							},
							h.now()
						)
					: await h.store.commit(
							{
								...envelope,
								type,
								payload: {
									organizationId: ORG,
									domain: 'acme.com',
									method: 'dns',
									tokenHash: 'tok'
								}
							},
							h.now()
						);
		expect(result.ok).toBe(true);
	};
	await commit('organization.create');
	await commit('domain.add');
	await commit('domain.verify');
	return { h, admin, bob, target: { organizationId: ORG, accountId: bob } };
}

describe('managed-account commands (O2, A6)', () => {
	it('A6: deactivate asks first; no leaves everything as it was', async () => {
		const { h, admin, bob, target } = await acme();
		const ask = hooks(false);
		expect(await commands['managed.deactivate'].run(h.ctx, admin, target, ask)).toEqual({
			kind: 'cancelled'
		});
		expect(ask.asked).toBe(1);
		expect(account(h, bob).status).toBe('active');
		expect(
			confirmWords('managed.deactivate', target, 'always', h.store.state, admin)
		).toMatchObject({ title: 'Deactivate account?', confirm: 'Deactivate account' });
	});

	it('A6: a deactivated account cannot log in, and is told why only with the right password', async () => {
		const { h, admin, bob, target } = await acme();
		const ran = await run(h, admin, 'managed.deactivate', target);
		if (ran.kind !== 'done') throw new Error(ran.kind);
		expect(doneWords('managed.deactivate', ran.value, target)?.text).toBe(
			'bob@acme.com is deactivated: it cannot log in until an admin reactivates it. We mailed them a security notice.'
		);
		expect(await logIn(h.ctx, { email: 'bob@acme.com', password: 'wrong password!' })).toEqual({
			kind: 'invalid'
		});
		expect(await logIn(h.ctx, { email: 'bob@acme.com', password: PASSWORD })).toEqual({
			kind: 'deactivated',
			organization: 'Acme'
		});
		const said = await commands['account.logIn'].run(
			h.ctx,
			null,
			{ email: 'bob@acme.com', password: PASSWORD },
			hooks(true)
		);
		if (said.kind !== 'refused') throw new Error(said.kind);
		expect(refusalWords('account.logIn', said.refusal)).toBe(
			'This account was deactivated by an admin of Acme, so it cannot log in. Ask an admin of Acme to reactivate it.'
		);
		expect((await run(h, admin, 'managed.reactivate', target)).kind).toBe('done');
		expect(account(h, bob).status).toBe('active');
		expect((await logIn(h.ctx, { email: 'bob@acme.com', password: PASSWORD })).kind).toBe(
			'logged-in'
		);
	});

	it('X3: someone who is not an admin is refused by the core, without being asked first', async () => {
		const { h, bob, target } = await acme();
		const ask = hooks(true);
		const ran = await commands['managed.delete'].run(h.ctx, bob, target, ask);
		expect(ran).toEqual({ kind: 'refused', refusal: { code: 'not-organization-admin' } });
		expect(ask.asked).toBe(0);
	});

	it('A6: a change of address refused for its address is shown on the email field', async () => {
		const { h, admin, target } = await acme();
		const input = { ...target, email: 'bob@gmail.com' };
		const ran = await run(h, admin, 'managed.changeEmail', input);
		if (ran.kind !== 'refused') throw new Error(ran.kind);
		expect(fieldProblem('managed.changeEmail', ran.refusal)).toEqual({
			field: 'email',
			words: 'The new address must be on a domain this organization has verified.'
		});
		const moved = await run(h, admin, 'managed.changeEmail', { ...target, email: 'rob@acme.com' });
		if (moved.kind !== 'done') throw new Error(moved.kind);
		expect(
			doneWords('managed.changeEmail', moved.value, { ...target, email: 'rob@acme.com' })?.text
		).toBe(
			'The address of bob@acme.com is now rob@acme.com. We mailed both addresses a security notice.'
		);
		expect((await logIn(h.ctx, { email: 'rob@acme.com', password: PASSWORD })).kind).toBe(
			'logged-in'
		);
	});
});
