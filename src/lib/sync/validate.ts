// Checks the changes of a file one by one against the Change schema, so a refusal names the
// change (its index and id), the field and what was wrong (S7), an unknown change type is told
// apart from a damaged change, and a big file yields to the page every few thousand (P4). The
// clock is checked here too (X7): the schema reads it as text, the store's format decides.
import { err, isChangeType, ok } from '$lib/core';
import type { Change, Result } from '$lib/core';
import type { z } from 'zod';
import { checkClock } from '$lib/log/clock';
import type { JsonPath, SyncErrorOf } from '$lib/log/errors';
import { isChange } from './fast-check';
import { ChangeSchema } from './format';
import { PROGRESS_EVERY, yieldToEventLoop } from '$lib/log/progress';
import { problemOf } from './problems';
import { isJsonObject } from './safe-json';

export type ChangeError = SyncErrorOf<
	'invalid-change' | 'unknown-change-type' | 'field-too-large' | 'bad-clock'
>;

/** One change of a file, at `index` in its `changes` array. */
export function validateChange(raw: unknown, index: number): Result<Change, ChangeError> {
	// The fast path (P4): what it accepts, zod accepts unchanged; anything else goes to
	// zod below, so every refusal is worded from zod's first issue as before.
	if (isChange(raw)) return clocked(raw, index);
	const changeId = isJsonObject(raw) && typeof raw.id === 'string' ? raw.id : null;
	if (isJsonObject(raw) && typeof raw.type === 'string' && !isChangeType(raw.type)) {
		return err({ code: 'unknown-change-type', index, changeId, type: raw.type });
	}
	const parsed = ChangeSchema.safeParse(raw);
	if (parsed.success) return clocked(parsed.data, index);
	return err(describe(parsed.error.issues, raw, index, changeId));
}

/** X7: the schema reads the clock as text; its format, device and time are checked here. */
function clocked(change: Change, index: number): Result<Change, ChangeError> {
	const problem = checkClock(change.clock, change.device, change.at);
	if (problem !== null) return err({ code: 'bad-clock', index, changeId: change.id, problem });
	return ok(change);
}

/** Every change, in order; the first refusal stops the check. */
export async function validateChanges(
	raw: readonly unknown[],
	onProgress?: (fraction: number) => void
): Promise<Result<Change[], ChangeError>> {
	const changes: Change[] = [];
	for (let i = 0; i < raw.length; i++) {
		const result = validateChange(raw[i], i);
		if (!result.ok) return result;
		changes.push(result.value);
		if ((i + 1) % PROGRESS_EVERY === 0 && i + 1 < raw.length) {
			onProgress?.((i + 1) / raw.length);
			await yieldToEventLoop();
		}
	}
	onProgress?.(1);
	return ok(changes);
}

// The first issue is reported: one clear reason beats a list nobody reads. An oversized
// string, list or object is told apart (S7 "oversized fields") from other damage.
function describe(
	issues: readonly z.core.$ZodIssue[],
	raw: unknown,
	index: number,
	changeId: string | null
): ChangeError {
	const issue = issues[0];
	const rel: JsonPath = (issue?.path ?? []).map((k) => (typeof k === 'number' ? k : String(k)));
	const path: JsonPath = ['changes', index, ...rel];
	if (issue?.code === 'too_big' && issue.origin !== 'number' && issue.origin !== 'bigint') {
		return { code: 'field-too-large', path, size: sizeAt(raw, rel), limit: Number(issue.maximum) };
	}
	const problem = problemOf(issue, raw, rel);
	const message = issue?.message ?? 'invalid';
	return { code: 'invalid-change', index, changeId, path, message, problem };
}

/** Characters, items or keys of the value at `path` inside `root`. */
function sizeAt(root: unknown, path: JsonPath): number {
	let value = root;
	for (const key of path) {
		if (Array.isArray(value) && typeof key === 'number') value = value[key];
		else if (isJsonObject(value) && typeof key === 'string') value = value[key];
		else return 0;
	}
	if (typeof value === 'string' || Array.isArray(value)) return value.length;
	return isJsonObject(value) ? Object.keys(value).length : 0;
}
