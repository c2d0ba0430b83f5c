// A10 and C15 commands (declared in support-command-types.ts): each needs a logged-in actor
// and commits one change; the core decides whether the actor may (X3). The link's token is
// random here and only its hash is kept (X1, S1).
import { changeId } from '$lib/core';
import type { AccountId } from '$lib/core';
import { randomToken, sha256Base64url } from '$lib/security';
import type { ChangeDraft } from '$lib/store/types';
import type { Command, Ran } from './command-types';
import type { AppContext } from './context';
import type { SupportInputs, SupportOutputs } from './support-command-types';

type SupportCommands = {
	readonly [N in keyof SupportInputs]: Command<SupportInputs[N], SupportOutputs[N]>;
};

/** A10: how long the mailed link works (the core allows at most a day). */
export const SUPPORT_LINK_MS = 24 * 60 * 60 * 1000;

function commits<I>(
	draft: (ctx: AppContext, actor: AccountId, input: I) => Promise<ChangeDraft>
): Command<I, SupportOutputs[keyof SupportInputs]> {
	return {
		needsActor: true,
		async run(ctx, actor, input) {
			if (actor === null) return { kind: 'refused', refusal: { code: 'unknown-account' } };
			const result = await ctx.store.commit(await draft(ctx, actor, input), ctx.now());
			if (!result.ok) return { kind: 'refused', refusal: result.error };
			const ran: Ran<SupportOutputs[keyof SupportInputs]> = {
				kind: 'done',
				value: result.value,
				committed: result.value,
				undo: null
			};
			return ran;
		}
	};
}

const id = (ctx: AppContext) => changeId(ctx.newId('c_'));

export const supportCommands: SupportCommands = {
	'supportAccount.requestChange': commits(async (ctx, actor, input) => {
		const token = randomToken();
		const payload = {
			accountId: actor,
			email: input.email,
			token,
			tokenHash: await sha256Base64url(token),
			expiresAt: ctx.now() + SUPPORT_LINK_MS
		};
		return { id: id(ctx), actor, type: 'supportAccount.requestChange', payload };
	}),
	'supportAccount.confirmChange': commits(async (ctx, actor, input) => {
		const payload = {
			accountId: actor,
			tokenHash: await sha256Base64url(input.token),
			supportAccountId: input.supportAccountId
		};
		return { id: id(ctx), actor, type: 'supportAccount.confirmChange', payload };
	}),
	'support.answer': commits((ctx, actor, input) =>
		Promise.resolve({ id: id(ctx), actor, type: 'support.answer', payload: input })
	),
	'support.reply': commits((ctx, actor, input) =>
		Promise.resolve({ id: id(ctx), actor, type: 'support.reply', payload: input })
	),
	'support.resolve': commits((ctx, actor, input) =>
		Promise.resolve({ id: id(ctx), actor, type: 'support.resolve', payload: input })
	),
	'support.reopen': commits((ctx, actor, input) =>
		Promise.resolve({ id: id(ctx), actor, type: 'support.reopen', payload: input })
	)
};
