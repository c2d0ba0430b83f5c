// Committing a draft, and trying one without saving anything: the draft is stamped the way
// the store stamps it (device, clock, time) and applied by the core to a copy of the state
// (`apply` leaves its input untouched). Handover previews (C11) and undo checks use it, so
// what they predict is decided by the same rules as the commit.
import { apply } from '$lib/core';
import type { ApplyResult, State } from '$lib/core';
import { ZERO_CLOCK } from '$lib/log/clock';
import { ensureRules } from '$lib/store/rules';
import { stamp } from '$lib/store/stamp';
import type { ChangeDraft, CommitResult } from '$lib/store/types';
import type { AppContext } from './context';

export function commitDraft(ctx: AppContext, draft: ChangeDraft): Promise<CommitResult> {
	return ctx.store.commit(draft, ctx.now());
}

/** What committing `draft` on `state` (the store's by default) would do; saves nothing. */
export async function dryRun(
	ctx: AppContext,
	draft: ChangeDraft,
	state: State = ctx.store.state
): Promise<ApplyResult> {
	await ensureRules();
	const { change } = stamp(draft, ctx.store.device, { clock: ZERO_CLOCK, head: null }, ctx.now());
	return apply(state, change);
}
