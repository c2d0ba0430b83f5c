// S10: the Sync page's live-sync commands. One live session per open app: connecting replaces
// it, Disconnect ends it and forgets the server. The browser's own fetch, timers and online
// state drive it (tests call live-sync.ts with their own).
import { ok } from '$lib/core';
import type { Result } from '$lib/core';
import { KEY_FILE_NAME, makeKeyFile, readKeyFile } from '$lib/live/key-file';
import type { KeyFileProblem } from '$lib/live/key-file';
import type { TeamSecret } from '$lib/live/team';
import { randomBytes } from '$lib/security/encoding';
import type { AppContext } from './context';
import { connectLive, resumeLive } from './live-sync';
import type {
	ConnectProblem,
	LiveEnv,
	LiveProblem,
	LiveSession,
	LiveStatus,
	ServerConfig
} from './live-sync';

export type { ConnectProblem, LiveProblem, LiveStatus, ServerConfig };

export type LiveConnectReport =
	| { readonly kind: 'connected'; readonly server: ServerConfig; readonly status: LiveStatus }
	| { readonly kind: 'refused'; readonly problem: ConnectProblem };

export type LiveView = { readonly server: ServerConfig; readonly status: LiveStatus } | null;

/**
 * What opens the team key: the team passphrase (empty: connect without it, nothing is read), or
 * the text of a team key file the person chose (read here, as hostile input).
 */
export type LiveSecret =
	| { readonly kind: 'passphrase'; readonly passphrase: string }
	| { readonly kind: 'key-file'; readonly text: string };

/** A new team key file to download; it is not kept anywhere. */
export interface MadeKeyFile {
	readonly text: string;
	readonly filename: string;
}

let session: LiveSession | null = null;

/**
 * S10: one loop per device database in this browser. A tab whose turn has not come waits in the
 * lock's queue; closing, pausing or disconnecting the running tab hands the turn on.
 */
function exclusivelyFor(device: string): LiveEnv['exclusively'] {
	if (typeof navigator === 'undefined' || !('locks' in navigator)) return undefined;
	const locks = navigator.locks;
	const name = `tessera-live-sync:${device}`;
	return async (task, queued, signal) => {
		const ran = await locks.request(name, { ifAvailable: true }, async (lock) => {
			if (lock === null) return false;
			await task();
			return true;
		});
		if (ran) return;
		queued();
		try {
			await locks.request(name, { signal }, task);
		} catch (error) {
			if (!signal.aborted) throw error;
		}
	};
}

function browserEnv(device: string): LiveEnv {
	const exclusively = exclusivelyFor(device);
	return {
		...(exclusively === undefined ? {} : { exclusively }),
		fetch: (input, init) => globalThis.fetch(input, init),
		isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine),
		sleep: (ms, wake) =>
			new Promise<void>((resolve) => {
				const timer = setTimeout(done, ms);
				const onOnline = (): void => done();
				function done(): void {
					clearTimeout(timer);
					wake.removeEventListener('abort', done);
					globalThis.removeEventListener('online', onOnline);
					resolve();
				}
				if (wake.aborted) done();
				wake.addEventListener('abort', done);
				globalThis.addEventListener('online', onOnline);
			})
	};
}

const stopCurrent = (): void => {
	session?.stop();
	session = null;
};

/** The secret to open the team key with (null: none), or why a chosen key file is not one. */
function teamSecret(secret: LiveSecret): Result<TeamSecret | null, KeyFileProblem> {
	if (secret.kind === 'key-file') return readKeyFile(secret.text);
	return ok(secret.passphrase === '' ? null : secret.passphrase);
}

export async function liveConnect(
	ctx: AppContext,
	server: ServerConfig,
	secret: LiveSecret,
	onStatus: (status: LiveStatus) => void
): Promise<LiveConnectReport> {
	const team = teamSecret(secret);
	if (!team.ok) return { kind: 'refused', problem: { code: team.error } };
	stopCurrent();
	const joined = await connectLive(ctx, server, team.value, browserEnv(ctx.store.device), onStatus);
	if (!joined.ok) return { kind: 'refused', problem: joined.error };
	session = joined.value;
	return { kind: 'connected', server: session.server, status: session.status };
}

/** S10: a new team key file from this device's randomness (nothing is stored). */
export function liveMakeKeyFile(): Promise<MadeKeyFile> {
	return Promise.resolve({ text: makeKeyFile(randomBytes), filename: KEY_FILE_NAME });
}

/** Resumes the kept settings once per open app (after a reload); what runs, if anything. */
export async function liveRestore(
	ctx: AppContext,
	onStatus: (status: LiveStatus) => void
): Promise<LiveView> {
	session ??= await resumeLive(ctx, browserEnv(ctx.store.device), onStatus);
	return session === null ? null : { server: session.server, status: session.status };
}

export async function livePause(): Promise<null> {
	await session?.pause();
	return null;
}

export async function liveResume(): Promise<null> {
	await session?.resume();
	return null;
}

export async function liveDisconnect(ctx: AppContext): Promise<null> {
	if (session === null) await ctx.store.saveLiveSettings(null);
	await session?.disconnect();
	session = null;
	return null;
}
