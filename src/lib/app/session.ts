/**
 * The login session on this device (A2, A3, A12): one account at a time, an idle timeout,
 * an absolute limit, and "sudo mode" for sensitive changes. A session is device-local, not a
 * change: it never syncs. Pure functions of `now`, so the limits are tested exactly.
 *
 * X6: a record counts only with its `proof`, the account key's signature over (account, this
 * device, start time), checked against the account's current key before anyone counts as
 * logged in. Writing the record by hand, or copying it from another device or from before a
 * password reset, logs nobody in (session-proof.ts checks it; it is loaded only when a
 * stored record is found, so the shell's first load carries no signature code).
 */

export const IDLE_LIMIT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;
/** A12: changing email, password or two-step settings asks for the password again after this. */
export const SUDO_WINDOW_MS = 10 * 60 * 1000;

export interface SessionRecord {
	readonly accountId: string;
	/** Shown in the shell before the store is opened. */
	readonly email: string;
	readonly name: string;
	readonly startedAt: number;
	readonly lastActiveAt: number;
	/** When the password was last entered (login or re-authentication). */
	readonly authAt: number;
	/** X6: sign(account key, sessionStatement(accountId, device, startedAt)), base64url. */
	readonly proof: string;
}

export type SessionEnd = 'idle' | 'expired';

/** The record of a log in at `now`; `proof` is made by the app (accounts/keys.ts). */
export function startSession(
	account: { id: string; email: string; name: string },
	now: number,
	proof: string
): SessionRecord {
	return {
		accountId: account.id,
		email: account.email,
		name: account.name,
		startedAt: now,
		lastActiveAt: now,
		authAt: now,
		proof
	};
}

/** Why a stored session is no longer valid at `now`, or null while it is. */
export function sessionEnded(session: SessionRecord, now: number): SessionEnd | null {
	if (now - session.startedAt >= ABSOLUTE_LIMIT_MS) return 'expired';
	if (now - session.lastActiveAt >= IDLE_LIMIT_MS) return 'idle';
	return null;
}

export function touchSession(session: SessionRecord, now: number): SessionRecord {
	return { ...session, lastActiveAt: Math.max(session.lastActiveAt, now) };
}

export function needsReauth(session: SessionRecord, now: number): boolean {
	return now - session.authAt >= SUDO_WINDOW_MS;
}

export function reauthenticated(session: SessionRecord, now: number): SessionRecord {
	return { ...session, authAt: now, lastActiveAt: now };
}

/** Reads a stored session defensively: anything malformed is no session. */
export function parseSession(text: string | null): SessionRecord | null {
	if (text === null) return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const v: Record<string, unknown> = { ...value };
	const str = (k: string) => (typeof v[k] === 'string' ? String(v[k]) : null);
	const num = (k: string) => (typeof v[k] === 'number' ? Number(v[k]) : null);
	const accountId = str('accountId');
	const email = str('email');
	const name = str('name');
	const startedAt = num('startedAt');
	const lastActiveAt = num('lastActiveAt');
	const authAt = num('authAt');
	const proof = str('proof');
	if (
		proof === null ||
		accountId === null ||
		email === null ||
		name === null ||
		startedAt === null ||
		lastActiveAt === null ||
		authAt === null
	) {
		return null;
	}
	return { accountId, email, name, startedAt, lastActiveAt, authAt, proof };
}
