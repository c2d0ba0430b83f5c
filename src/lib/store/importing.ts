// The parts of an import that every Store shares (S4, S5, S9, X5, X6, X7): planning against
// what this device holds, screening for authenticity (authenticate.ts: only what is proved, or
// trusted, goes on), admitting what goes on (clocks, chain continuity, changes from the future:
// admit.ts), merging, the clock to adopt, this device's chain head when a backup of its own changes comes
// back, and which conflicts are new. The stores only add their own reads and writes.
import { compareChanges } from '$lib/core';
import type { Change, Conflict, Result, State } from '$lib/core';
import { runInTurns } from '$lib/log/progress';
import { authenticate } from './authenticate';
import type { Authenticated, ImportProof } from './authenticate';
import type { ImportPlan } from '$lib/log/plan';
import { admit, firstBadClock, heldSummary, idsOf } from './admit';
import type { ClockState } from '$lib/log/clock';
import { clockAfter, headAfter, planAgainst } from './import-steps';
import type { Head } from './meta';
import { copyState, mergeChanges } from '$lib/log/merge';
import { previewDetails } from './preview';
import type { Merged } from '$lib/log/merge';
import type {
	ChainGap,
	ConflictRecord,
	ImportOptions,
	ImportOutcome,
	ImportPreview,
	ImportRefusal,
	ReplayProgress
} from './types';

/** What an import is decided against: everything this device holds beside the projection. */
export interface LocalView {
	/** The change log, in replay order. */
	readonly log: readonly Change[];
	/** X7: changes held as from the future (proved when they came, X6), in replay order. */
	readonly future: readonly Change[];
	readonly conflicts: readonly ConflictRecord[];
	readonly clock: ClockState;
	readonly head: Head | null;
	readonly device: string;
	/** X6: this device's public key. */
	readonly key: string;
	/** X6: changes held apart as unverified (not in the log), with their evidence. */
	readonly unverified: readonly ConflictRecord[];
	/** MemoryStore only: the projection its log starts from, for replays. */
	readonly base?: State;
}

/** Conflict records after a merge: all of them (keeping dismissals) and the new ones. */
export function conflictRecords(
	merged: readonly Conflict[],
	existing: readonly ConflictRecord[],
	whole: boolean
): { all: ConflictRecord[]; added: ConflictRecord[] } {
	const before = new Map(existing.map((c) => [c.change.id, c]));
	const added: ConflictRecord[] = [];
	const records = merged.map((c) => {
		const old = before.get(c.change.id);
		const record = { change: c.change, refusal: c.refusal, dismissed: old?.dismissed ?? false };
		if (old === undefined) added.push(record);
		return record;
	});
	return { all: whole ? records : [...existing, ...added], added };
}

/** X6: what authenticity lets go on to the rules, from a file's changes and the held ones. */
type Screened =
	| { readonly ok: false; readonly error: ImportRefusal }
	| {
			readonly ok: true;
			/** The file's changes against the log and the changes held from the future. */
			readonly all: ImportPlan;
			/** Proved (or trusted) new changes and released held ones, in replay order. */
			readonly accepted: readonly Change[];
			/** Unsignable changes that wait for the person's trust (preview only). */
			readonly waiting: readonly Change[];
			/** Held unverified before, proved now: not in the file. */
			readonly nowProved: readonly Change[];
			readonly auth: Authenticated | null;
	  };

/**
 * S4 + X7 + X6: plans the import against what this device holds, checks every new change's
 * clock (a format check: nothing with a bad clock is ever kept, held or not), then keeps only
 * what authenticity allows.
 */
async function screen(
	state: State,
	local: LocalView,
	changes: readonly Change[],
	proof: ImportProof | undefined
): Promise<Screened> {
	const all = await runInTurns(planAgainst(changes, local.log, local.future));
	if (all.error) return { ok: false, error: all.error };
	const badClock = await runInTurns(firstBadClock(all.fresh));
	if (badClock) return { ok: false, error: badClock };
	if (proof === undefined) {
		return { ok: true, all, accepted: all.fresh, waiting: [], nowProved: [], auth: null };
	}
	const ids = await runInTurns(idsOf([...local.log, ...local.future]));
	const auth = await authenticate({
		state,
		self: { device: local.device, key: local.key },
		fresh: all.fresh,
		inLog: (id) => ids.has(id),
		proof,
		held: local.unverified
	});
	if (!auth.ok) return auth;
	const { accepted, waiting, released } = auth.value;
	// Everything the file brings goes in (the usual case): the plan's order stands as it is.
	if (accepted.length === all.fresh.length && released === 0) {
		return { ok: true, all, accepted: all.fresh, waiting, nowProved: [], auth: auth.value };
	}
	const inFile = new Set<string>(all.fresh.map((c) => c.id));
	return {
		ok: true,
		all,
		accepted: [...accepted].sort(compareChanges),
		waiting,
		nowProved: released === 0 ? [] : accepted.filter((c) => !inFile.has(c.id)),
		auth: auth.value
	};
}

/** The file's changes, with held ones this import proves (for the continuity check). */
function withProved(changes: readonly Change[], nowProved: readonly Change[]): readonly Change[] {
	return nowProved.length === 0 ? changes : [...changes, ...nowProved];
}

/**
 * S9: what importing `changes` would do, from a copy of the projection; writes nothing. X6:
 * what the preview shows is what Apply would do once the person trusts the file.
 */
/** The merge a preview worked out, for Apply to take over instead of merging again. */
export interface PlannedMerge {
	readonly apply: readonly Change[];
	readonly needsReplay: boolean;
	readonly merged: Merged;
}

export async function previewOf(
	state: State,
	local: LocalView,
	changes: readonly Change[],
	options: ImportOptions = {},
	keep?: (plan: PlannedMerge) => void
): Promise<Result<ImportPreview, ImportRefusal>> {
	const screened = await screen(state, local, changes, options.proof);
	if (!screened.ok) return screened;
	const { all, auth, waiting } = screened;
	const candidates =
		waiting.length === 0
			? screened.accepted
			: [...screened.accepted, ...waiting].sort(compareChanges);
	const file = withProved(changes, screened.nowProved);
	const admitted = await runInTurns(admit(local, file, candidates, options));
	if (!admitted.ok) return admitted;
	const { apply, hold, needsReplay, gaps } = admitted.value;
	const merged = await mergeChanges(copyState(state), local.log, apply, needsReplay, {
		base: local.base
	});
	keep?.({ apply, needsReplay, merged });
	const { added } = conflictRecords(merged.conflicts, local.conflicts, merged.whole);
	const declared = new Set((options.gaps ?? []).map((g) => `${g.device}\u0000${g.changeId}`));
	const details = await runInTurns(previewDetails(state, merged, apply));
	return {
		ok: true,
		value: {
			fresh: all.fresh.length,
			duplicates: all.duplicates,
			wouldConflict: added,
			needsReplay,
			...details,
			held: heldSummary(hold),
			gaps: gaps.filter((g) => !declared.has(`${g.device}\u0000${g.changeId}`)),
			unverified: auth?.added ?? [],
			unsignable: auth?.unsignable ?? 0,
			nowProved: auth?.released ?? 0
		}
	};
}

/** An import worked out, ready for a store to write (or already decided without writing). */
export type PreparedImport =
	| { readonly kind: 'done'; readonly result: Result<ImportOutcome, ImportRefusal> }
	| {
			readonly kind: 'write';
			/** Changes for the log (fresh ones due now, and held ones released or proved). */
			readonly fresh: readonly Change[];
			/** X7: new changes to hold as from the future, and held ones to let go of. */
			readonly hold: readonly Change[];
			readonly release: readonly Change[];
			/** X5: open links accepted by this import, to remember. */
			readonly gaps: readonly ChainGap[];
			readonly merged: Merged;
			readonly conflicts: { all: ConflictRecord[]; added: ConflictRecord[] };
			readonly clock: ClockState;
			readonly head: Head | null;
			readonly outcome: ImportOutcome;
			/** X6: the unverified changes after this import, and the signatures to keep (null: as they were). */
			readonly auth: Authenticated | null;
	  };

/**
 * S4/S5/X5/X6/X7: screens the changes for authenticity (only what is proved, or trusted, goes
 * on; a file with unsignable changes the person did not trust is refused whole), admits what
 * goes on (clocks, continuity, the future) and merges what applies now — IN PLACE into `state`
 * when appending (the caller owns it and rereads it if its write fails), into a new state when
 * replaying. Changes from the future are returned to hold, not merged.
 */
export async function prepareImport(
	state: State,
	local: LocalView,
	changes: readonly Change[],
	options: ImportOptions = {},
	onProgress?: (p: ReplayProgress) => void,
	planned?: (apply: readonly Change[], needsReplay: boolean) => Merged | null
): Promise<PreparedImport> {
	const screened = await screen(state, local, changes, options.proof);
	if (!screened.ok) return { kind: 'done', result: screened };
	const { all, auth } = screened;
	if (auth !== null && auth.unsignable > 0 && options.proof?.trust !== true) {
		const error = { code: 'untrusted-file', count: auth.unsignable } as const;
		return { kind: 'done', result: { ok: false, error } };
	}
	const file = withProved(changes, screened.nowProved);
	const admitted = await runInTurns(admit(local, file, screened.accepted, options));
	if (!admitted.ok) return { kind: 'done', result: admitted };
	const { apply, hold, release, needsReplay, gaps } = admitted.value;
	const x6 = { unverified: auth?.added ?? [], nowProved: auth?.released ?? 0 };
	const quiet = auth === null || (auth.added.length === 0 && auth.signatures.length === 0);
	if (apply.length === 0 && hold.length === 0 && quiet) {
		const outcome = {
			applied: 0,
			conflicts: [],
			duplicates: all.duplicates,
			replayed: false,
			...x6
		};
		return { kind: 'done', result: { ok: true, value: outcome } };
	}
	// The preview's merge (on a copy, against this same projection) when it planned exactly
	// this: the same changes to apply the same way. Otherwise merge now, in place.
	const kept = planned?.(apply, needsReplay) ?? null;
	if (kept !== null) onProgress?.({ done: apply.length, total: apply.length });
	const merged =
		kept ??
		(await mergeChanges(state, local.log, apply, needsReplay, { onProgress, base: local.base }));
	const conflicts = conflictRecords(merged.conflicts, local.conflicts, merged.whole);
	const clock = await runInTurns(clockAfter(local.clock, apply));
	const head = await runInTurns(headAfter(local.head, apply, local.device));
	return {
		kind: 'write',
		fresh: apply,
		hold,
		release,
		gaps,
		merged,
		conflicts,
		clock,
		head,
		outcome: {
			applied: merged.applied,
			conflicts: conflicts.added,
			duplicates: all.duplicates,
			replayed: merged.whole,
			...(hold.length > 0 ? { held: hold.length } : {}),
			...(release.length > 0 ? { released: release.length } : {}),
			...x6
		},
		auth
	};
}
