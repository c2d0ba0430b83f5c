// The managed-account commands of the command map (organization-account-command-types.ts):
// each builds one managed.* change for the logged-in admin and commits it; the core decides
// whether this admin may (O2, A6, X3). The destructive ones ask the person first, unless the
// rules would refuse the change anyway (then the refusal is reported without asking).
import { changeId } from '$lib/core';
import type { AccountId } from '$lib/core';
import type { ChangeDraft, Committed } from '$lib/store/types';
import type { Command, Ran } from './command-types';
import type { AppContext } from './context';
import { commitDraft, dryRun } from './dry-run';
import { CONFIRMED_MANAGED_COMMANDS } from './organization-account-command-types';
import type {
	ManagedTarget,
	OrganizationAccountCommandName as Name,
	OrganizationAccountInputs as Inputs
} from './organization-account-command-types';

/** A draft without its envelope (ChangeDraft is a union: the Omit distributes over it). */
type Body = ChangeDraft extends infer D
	? D extends ChangeDraft
		? Omit<D, 'id' | 'actor'>
		: never
	: never;

const target = (input: ManagedTarget): ManagedTarget => ({
	organizationId: input.organizationId,
	accountId: input.accountId
});

/** The change each command records. */
const BODIES: { readonly [N in Name]: (input: Inputs[N]) => Body } = {
	'managed.changeEmail': (i) => ({
		type: 'managed.changeEmail',
		payload: { ...target(i), email: i.email }
	}),
	'managed.changeName': (i) => ({
		type: 'managed.changeName',
		payload: { ...target(i), name: i.name }
	}),
	'managed.deactivate': (i) => ({ type: 'managed.deactivate', payload: target(i) }),
	'managed.reactivate': (i) => ({ type: 'managed.reactivate', payload: target(i) }),
	'managed.delete': (i) => ({ type: 'managed.delete', payload: target(i) }),
	'managed.resetTwoStep': (i) => ({ type: 'managed.resetTwoStep', payload: target(i) })
};

function draftOf<N extends Name>(
	name: N,
	input: Inputs[N],
	ctx: AppContext,
	actor: AccountId
): ChangeDraft {
	const build: (input: Inputs[N]) => Body = BODIES[name];
	return { ...build(input), id: changeId(ctx.newId('c_')), actor };
}

function admin<N extends Name>(name: N): Command<Inputs[N], Committed> {
	return {
		needsActor: true,
		async run(ctx, actor, input, hooks): Promise<Ran<Committed>> {
			if (actor === null) return { kind: 'refused', refusal: { code: 'unknown-account' } };
			const draft = draftOf(name, input, ctx, actor);
			if (CONFIRMED_MANAGED_COMMANDS.has(name)) {
				const ahead = await dryRun(ctx, draft);
				if (ahead.ok && !(await hooks.confirm('always'))) return { kind: 'cancelled' };
			}
			const result = await commitDraft(ctx, draft);
			if (!result.ok) return { kind: 'refused', refusal: result.error };
			return { kind: 'done', value: result.value, committed: result.value, undo: null };
		}
	};
}

export const organizationAccountCommands: { readonly [N in Name]: Command<Inputs[N], Committed> } =
	{
		'managed.changeEmail': admin('managed.changeEmail'),
		'managed.changeName': admin('managed.changeName'),
		'managed.deactivate': admin('managed.deactivate'),
		'managed.reactivate': admin('managed.reactivate'),
		'managed.delete': admin('managed.delete'),
		'managed.resetTwoStep': admin('managed.resetTwoStep')
	};
