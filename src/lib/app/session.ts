/**
 * The login session on this device (A2, A3, A12): one account at a time, an idle timeout,
 * an absolute limit, and "sudo mode" for sensitive changes. A session is device-local, not a
 * change: it never syncs. Pure functions of `now`, so the limits are tested exactly.
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
}

export type SessionEnd = 'idle' | 'expired';

export function startSession(
	account: { id: string; email: string; name: string },
	now: number
): SessionRecord {
	return {
		accountId: account.id,
		email: account.email,
		name: account.name,
		startedAt: now,
		lastActiveAt: now,
		authAt: now
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
	if (
		accountId === null ||
		email === null ||
		name === null ||
		startedAt === null ||
		lastActiveAt === null ||
		authAt === null
	) {
		return null;
	}
	return { accountId, email, name, startedAt, lastActiveAt, authAt };
}
