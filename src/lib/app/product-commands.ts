// The A11 and A14 commands of the command map (product-command-types.ts). The changes are
// checked by the core (site admins for A11; the holder or the managing organization's admins
// for A14, X3); remove, upgrade and revoke ask first unless the rules would refuse anyway.
import type { AccountId } from '$lib/core';
import type { ChangeDraft, Committed } from '$lib/store/types';
import type { Command, Hooks, Ran } from './command-types';
import type { AppContext } from './context';
import { commitDraft, dryRun } from './dry-run';
import type {
	ProductCommandName as Name,
	ProductInputs as Inputs,
	ProductOutputs as Outputs
} from './product-command-types';
import {
	addProductUserDraft,
	checkBasicAuth,
	createAppPassword,
	removeProductUserDraft,
	revokeAppPasswordDraft,
	upgradeUsersDraft
} from './products';

type Draft<I> = (ctx: AppContext, actor: AccountId, input: I) => ChangeDraft;

const refusedLoggedOut = { kind: 'refused', refusal: { code: 'unknown-account' } } as const;

function change<I>(draft: Draft<I>, confirm = false): Command<I, Committed> {
	return {
		needsActor: true,
		async run(ctx, actor, input, hooks: Hooks): Promise<Ran<Committed>> {
			if (actor === null) return refusedLoggedOut;
			const built = draft(ctx, actor, input);
			if (confirm) {
				const ahead = await dryRun(ctx, built);
				if (ahead.ok && !(await hooks.confirm('always'))) return { kind: 'cancelled' };
			}
			const result = await commitDraft(ctx, built);
			if (!result.ok) return { kind: 'refused', refusal: result.error };
			return { kind: 'done', value: result.value, committed: result.value, undo: null };
		}
	};
}

export const productCommands: { readonly [N in Name]: Command<Inputs[N], Outputs[N]> } = {
	'productUser.add': change(addProductUserDraft),
	'productUser.remove': change(removeProductUserDraft, true),
	'site.upgradeUsers': change(upgradeUsersDraft, true),
	'appPassword.revoke': change(revokeAppPasswordDraft, true),
	'appPassword.create': {
		needsActor: true,
		async run(ctx, actor, input) {
			if (actor === null) return refusedLoggedOut;
			const result = await createAppPassword(ctx, actor, input);
			if (!result.ok) return { kind: 'refused', refusal: result.error };
			const committed = result.value.committed;
			return { kind: 'done', value: result.value, committed, undo: null };
		}
	},
	'basicAuth.check': {
		needsActor: false,
		async run(ctx, _actor, input) {
			const { result, committed } = await checkBasicAuth(ctx, input);
			return { kind: 'done', value: result, committed, undo: null };
		}
	}
};
