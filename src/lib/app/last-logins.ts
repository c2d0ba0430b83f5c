// O2 "last login on this device": the device-local record of when each account last logged in
// here (account id → time), as pure functions over its stored text; state/last-logins.svelte.ts
// keeps it in localStorage and follows other tabs. Never a change (see there).

/** The newest this many are kept: a shared device's record stays small. */
export const MAX_ACCOUNTS = 1000;

/** The stored record, or an empty one when it is missing or not ours. */
export function parseLastLogins(text: string | null): Map<string, number> {
	const out = new Map<string, number>();
	if (text === null) return out;
	try {
		const parsed: unknown = JSON.parse(text);
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return out;
		for (const [id, at] of Object.entries(parsed)) {
			if (typeof at === 'number' && Number.isSafeInteger(at) && at >= 0) out.set(id, at);
		}
	} catch {
		return out;
	}
	return out;
}

/** The record with `id`'s log in at `at` (a later one wins), the oldest dropped past the cap. */
export function withLogin(
	record: ReadonlyMap<string, number>,
	id: string,
	at: number
): Map<string, number> {
	const next = new Map(record);
	next.set(id, Math.max(at, record.get(id) ?? 0));
	if (next.size <= MAX_ACCOUNTS) return next;
	const newest = [...next].sort((a, b) => b[1] - a[1]).slice(0, MAX_ACCOUNTS);
	return new Map(newest);
}
