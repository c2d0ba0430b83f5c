// The parts of an import that every Store shares (S4, S5, S9): planning against the local
// log, merging, the clock to adopt, this device's chain head when a backup of its own changes
// comes back, and which conflicts are new. The stores only add their own reads and writes.
import type { Change, Conflict, Result, State } from '$lib/core';
import { changeHash } from '$lib/sync/digest';
import { planImport } from '$lib/sync/merge';
import { authenticate } from './authenticate';
import type { Authenticated, ImportProof } from './authenticate';
import type { ImportPlan } from '$lib/sync/merge';
import type { ClockState } from './clock';
import { isClock, parseClock, receive } from './clock';
import type { Head } from './meta';
import { copyState } from './batch';
import { mergeChanges } from './merge';
import type { Merged } from './merge';
import type {
	ConflictRecord,
	ImportOutcome,
	ImportPreview,
	ImportRefusal,
	ReplayProgress
} from './types';

export function planAgainst(changes: readonly Change[], log: readonly Change[]): ImportPlan {
	const byId = new Map<string, Change>(log.map((c) => [c.id, c]));
	return planImport(changes, {
		get: (id) => byId.get(id),
		latestClock: log.at(-1)?.clock ?? null
	});
}

/** The local clock after seeing `fresh` (far-future clocks were refused by the reader). */
export function clockAfter(clock: ClockState, fresh: readonly Change[]): ClockState {
	let next = clock;
	for (const change of fresh) {
		if (isClock(change.clock)) next = receive(next, parseClock(change.clock));
	}
	return next;
}

/** A restored backup may carry this device's own newer changes: the chain goes on from them. */
export function headAfter(
	head: Head | null,
	fresh: readonly Change[],
	device: string
): Head | null {
	let latest: Change | null = null;
	for (const change of fresh) {
		if (change.device === device && (latest === null || change.clock > latest.clock)) {
			latest = change;
		}
	}
	if (latest === null || (head !== null && head.clock >= latest.clock)) return head;
	return { hash: changeHash(latest), clock: latest.clock };
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

export function touchedIds(plan: ImportPlan) {
	return {
		licenseIds: [...plan.touches.licenseIds],
		accountIds: [...plan.touches.accountIds],
		siteIds: [...plan.touches.siteIds]
	};
}

/** X6: who this device is, what it holds back, and what the file proves. */
export interface AuthContext {
	readonly self: { readonly device: string; readonly key: string };
	readonly held: readonly ConflictRecord[];
	/** Absent: the changes count as proved (changes this app made itself, never a file). */
	readonly proof?: ImportProof;
	/** MemoryStore only: the projection its log starts from, for replays. */
	readonly base?: State;
}

type Screened =
	| { readonly ok: false; readonly error: ImportRefusal }
	| {
			readonly ok: true;
			/** The file's changes against the log. */
			readonly all: ImportPlan;
			/** What may go in: proved (or trusted) new changes and released held ones. */
			readonly plan: ImportPlan;
			readonly auth: Authenticated | null;
	  };

/** S4 + X6: plans the import, then keeps only what authenticity allows into the log. */
async function screen(
	state: State,
	log: readonly Change[],
	changes: readonly Change[],
	ctx: AuthContext
): Promise<Screened> {
	const all = planAgainst(changes, log);
	if (all.error) return { ok: false, error: all.error };
	if (ctx.proof === undefined) return { ok: true, all, plan: all, auth: null };
	const ids = new Set<string>(log.map((c) => c.id));
	const auth = await authenticate({
		state,
		self: ctx.self,
		fresh: all.fresh,
		inLog: (id) => ids.has(id),
		proof: ctx.proof,
		held: ctx.held
	});
	if (!auth.ok) return auth;
	// Everything the file brings goes in (the usual case): the plan stands as it is.
	const whole = auth.value.accepted.length === all.fresh.length && auth.value.released === 0;
	const plan = whole ? all : planAgainst(auth.value.accepted, log);
	return { ok: true, all, plan, auth: auth.value };
}

/** S9 + X6: what the preview shows is what Apply would do once the person trusts the file. */
function trusted(screened: Extract<Screened, { ok: true }>, log: readonly Change[]): ImportPlan {
	const waiting = screened.auth?.waiting ?? [];
	return waiting.length === 0
		? screened.plan
		: planAgainst([...screened.plan.fresh, ...waiting], log);
}

/** S9: what importing `changes` would do, from a copy of the projection; writes nothing. */
export async function previewOf(
	state: State,
	log: readonly Change[],
	changes: readonly Change[],
	existing: readonly ConflictRecord[],
	ctx: AuthContext
): Promise<Result<ImportPreview, ImportRefusal>> {
	const screened = await screen(state, log, changes, ctx);
	if (!screened.ok) return screened;
	const { all, auth } = screened;
	const plan = trusted(screened, log);
	const merged = await mergeChanges(copyState(state), log, plan.fresh, plan.needsReplay, {
		base: ctx.base
	});
	const { added } = conflictRecords(merged.conflicts, existing, merged.whole);
	return {
		ok: true,
		value: {
			fresh: all.fresh.length,
			duplicates: all.duplicates,
			wouldConflict: added,
			needsReplay: plan.needsReplay,
			...touchedIds(plan),
			unverified: auth?.added ?? [],
			unsignable: auth?.unsignable ?? 0,
			released: auth?.released ?? 0
		}
	};
}

/** An import worked out, ready for a store to write (or already decided without writing). */
export type PreparedImport =
	| { readonly kind: 'done'; readonly result: Result<ImportOutcome, ImportRefusal> }
	| {
			readonly kind: 'write';
			readonly fresh: readonly Change[];
			readonly merged: Merged;
			readonly conflicts: { all: ConflictRecord[]; added: ConflictRecord[] };
			readonly clock: ClockState;
			readonly head: Head | null;
			readonly outcome: ImportOutcome;
			/** X6: the held changes after this import, and the signatures to keep (null: as they were). */
			readonly auth: Authenticated | null;
	  };

/**
 * S4/S5: plans the import and merges it — IN PLACE into `state` when appending (the caller
 * owns it and rereads it if its write fails), into a new state when replaying. X6: only the
 * changes authenticity lets in are merged; a file with unsignable changes the person did not
 * trust is refused whole.
 */
export async function prepareImport(
	state: State,
	log: readonly Change[],
	changes: readonly Change[],
	existing: readonly ConflictRecord[],
	last: { readonly clock: ClockState; readonly head: Head | null; readonly device: string },
	ctx: AuthContext,
	onProgress?: (p: ReplayProgress) => void
): Promise<PreparedImport> {
	const screened = await screen(state, log, changes, ctx);
	if (!screened.ok) return { kind: 'done', result: screened };
	const { all, plan, auth } = screened;
	if (auth !== null && auth.unsignable > 0 && ctx.proof?.trust !== true) {
		const error = { code: 'untrusted-file', count: auth.unsignable } as const;
		return { kind: 'done', result: { ok: false, error } };
	}
	const unverified = auth?.added ?? [];
	const released = auth?.released ?? 0;
	const quiet = auth === null || (auth.added.length === 0 && auth.signatures.length === 0);
	if (plan.fresh.length === 0 && quiet) {
		const outcome = {
			applied: 0,
			conflicts: [],
			duplicates: all.duplicates,
			replayed: false,
			unverified,
			released
		};
		return { kind: 'done', result: { ok: true, value: outcome } };
	}
	const merged = await mergeChanges(state, log, plan.fresh, plan.needsReplay, {
		onProgress,
		base: ctx.base
	});
	const conflicts = conflictRecords(merged.conflicts, existing, merged.whole);
	return {
		kind: 'write',
		fresh: plan.fresh,
		merged,
		conflicts,
		clock: clockAfter(last.clock, plan.fresh),
		head: headAfter(last.head, plan.fresh, last.device),
		outcome: {
			applied: merged.applied,
			conflicts: conflicts.added,
			duplicates: all.duplicates,
			replayed: merged.whole,
			unverified,
			released
		},
		auth
	};
}
