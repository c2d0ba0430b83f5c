// S10: live sync for a device. Connecting checks the server and opens the team key; the
// settings (server, credentials, the key as a non-extractable CryptoKey, checkpoints) are kept in
// this device's database so sync resumes after a reload without the passphrase or key file,
// neither of which is ever stored. What is pulled
// goes through the file import path: a file is built in memory from the pulled changes and the
// signatures their devices pushed, read by the same reader (S7, X5, X6) and imported by the
// same store call (S4–S6); the server is trusted no more than a file.
import * as v from 'valibot';
import { ok } from '$lib/core';
import type { Change, Result } from '$lib/core';
import { deviceKeysFor } from '$lib/log/evidence';
import type { HeadSignature } from '$lib/log/evidence';
import { connect, reconnect } from '$lib/live/connect';
import type { ConnectProblem } from '$lib/live/connect';
import type { CouchClient, ServerConfig } from '$lib/live/couch';
import type { TeamSecret } from '$lib/live/team';
import { LiveLoop } from '$lib/live/loop';
import type { LiveProblem, LiveStatus, LoopEnv } from '$lib/live/loop';
import { PENDING_MAX, Replicator } from '$lib/live/replicator';
import type { Applied, Checkpoint, LiveHost } from '$lib/live/replicator';
import { randomBytes } from '$lib/security/encoding';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import type { AppContext } from './context';
import { knownDeviceKeys, signaturesFor } from './sync';

export type { ConnectProblem, LiveProblem, LiveStatus, ServerConfig };

/** A time in ms since 1970, as Date.now() gives it, and one a Date can show. */
const Moment = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000_000));

const SettingsSchema = v.object({
	server: v.object({
		url: v.string(),
		database: v.string(),
		username: v.string(),
		password: v.string()
	}),
	key: v.nullable(v.custom<CryptoKey>((value) => value instanceof CryptoKey)),
	checkpoint: v.object({
		push: v.pipe(v.number(), v.integer(), v.minValue(0)),
		pull: v.union([v.string(), v.number()]),
		// Pulled documents that wait, as the server sent them: opened and checked again on use.
		pending: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(PENDING_MAX), v.readonly())),
		// Only shown: a damaged time is dropped, never the settings it came with.
		lastPush: v.optional(v.fallback(v.nullable(Moment), null)),
		lastPull: v.optional(v.fallback(v.nullable(Moment), null))
	}),
	paused: v.boolean()
});
type Settings = v.InferOutput<typeof SettingsSchema>;

/** What a device needs from the outside world for live sync; tests inject all of it. */
export interface LiveEnv extends LoopEnv {
	readonly fetch: typeof fetch;
	/** PBKDF2 iterations of a new team key; tests pass the minimum. */
	readonly iterations?: number;
	/** How long one long-poll waits (ms); tests make it short. */
	readonly longPollMs?: number;
}

export interface LiveSession {
	readonly status: LiveStatus;
	readonly server: ServerConfig;
	pause(): Promise<void>;
	resume(): Promise<void>;
	/** Stops and forgets the server, the credentials and the key (the log stays). */
	disconnect(): Promise<void>;
	/** Stops without forgetting (the page is going away). */
	stop(): void;
}

/** The settings kept on this device, or null (none, or not readable as settings). */
async function settingsOf(ctx: AppContext): Promise<Settings | null> {
	const parsed = v.safeParse(SettingsSchema, await ctx.store.liveSettings());
	return parsed.success ? parsed.output : null;
}

export async function liveServer(ctx: AppContext): Promise<ServerConfig | null> {
	return (await settingsOf(ctx))?.server ?? null;
}

/** S10: connects this device; `secret` null connects without the key (nothing applied). */
export async function connectLive(
	ctx: AppContext,
	server: ServerConfig,
	secret: TeamSecret | null,
	env: LiveEnv,
	onStatus: (status: LiveStatus) => void
): Promise<Result<LiveSession, ConnectProblem>> {
	const joined = await connect(server, secret, env.fetch, {
		random: randomBytes,
		...(env.iterations === undefined ? {} : { iterations: env.iterations })
	});
	if (!joined.ok) return joined;
	const before = await settingsOf(ctx);
	// The same database again keeps its checkpoints; another starts from the beginning.
	const same =
		before !== null &&
		before.server.url === server.url &&
		before.server.database === server.database;
	const settings: Settings = {
		server: { ...server },
		key: joined.value.key,
		checkpoint: same ? before.checkpoint : { push: 0, pull: 0 },
		paused: false
	};
	await ctx.store.saveLiveSettings(settings);
	return ok(start(ctx, settings, joined.value.client, joined.value.updateSeq, env, onStatus));
}

/** S10: resumes live sync with the kept settings (after a reload); null when none are kept. */
export async function resumeLive(
	ctx: AppContext,
	env: LiveEnv,
	onStatus: (status: LiveStatus) => void
): Promise<LiveSession | null> {
	const settings = await settingsOf(ctx);
	if (settings === null) return null;
	const joined = reconnect(settings.server, settings.key, env.fetch);
	if (!joined.ok) return null;
	return start(ctx, settings, joined.value.client, null, env, onStatus);
}

function start(
	ctx: AppContext,
	initial: Settings,
	client: CouchClient,
	target: string | number | null,
	env: LiveEnv,
	onStatus: (status: LiveStatus) => void
): LiveSession {
	const { server } = initial;
	/** Set by Disconnect before it forgets the settings: nothing of this session writes after. */
	let ended = false;
	/** The kept settings, when they still name this session's server and database. */
	const ours = (kept: unknown): Settings | null => {
		const parsed = v.safeParse(SettingsSchema, kept);
		if (!parsed.success) return null;
		const { url, database } = parsed.output.server;
		return url === server.url && database === server.database ? parsed.output : null;
	};
	/**
	 * What another tab did holds here: settings that no longer name this server (Disconnect, or
	 * a connection elsewhere) stop this session; Pause and Resume are followed.
	 */
	const follow = (current: Settings | null): void => {
		if (ended) return;
		if (current === null) loop.stop();
		else if (current.paused && !loop.paused) loop.pause();
		else if (!current.paused && loop.paused) loop.resume();
	};
	const reread = async (): Promise<Settings | null> => {
		const current = ours(await ctx.store.liveSettings());
		follow(current);
		return current;
	};
	/** This session's own saves under way: the notice each one sends is not read back here. */
	let saving = 0;
	/** Changes the kept settings in one step with reading them (see updateLiveSettings). */
	const update = async (next: Partial<Settings>): Promise<void> => {
		if (ended) return;
		saving++;
		try {
			const kept = await ctx.store.updateLiveSettings((stored) => {
				const current = ours(stored);
				return current === null ? stored : { ...current, ...next };
			});
			follow(ours(kept));
		} finally {
			saving--;
		}
	};
	const host = liveHost(ctx, (checkpoint) => update({ checkpoint }));
	const replicator = new Replicator(
		client,
		initial.key,
		host,
		initial.checkpoint,
		target,
		env.longPollMs
	);
	const exclusively = env.exclusively;
	const loopEnv: LoopEnv =
		exclusively === undefined
			? env
			: {
					...env,
					// This tab's turn came: what another tab did meanwhile (Pause, Disconnect) holds.
					exclusively: (task, queued, signal) =>
						exclusively(
							async () => {
								const current = await reread();
								if (current !== null && !current.paused) await task();
							},
							queued,
							signal
						)
				};
	const loop = new LiveLoop(replicator, loopEnv, onStatus);
	const unsubscribeStore = ctx.store.subscribe((event) => {
		if (event.kind === 'committed' || event.kind === 'reloaded') loop.poke();
	});
	// Pause, Resume or Disconnect in another tab of this device holds here at once: the
	// settings are read again whenever another tab saves them (a running step finishes first).
	const unsubscribeSettings = ctx.store.onLiveSettings(() => {
		if (saving === 0) void reread();
	});
	const unsubscribe = (): void => {
		unsubscribeStore();
		unsubscribeSettings();
	};
	if (initial.paused) loop.pause();
	else void loop.run();
	return {
		get status() {
			return loop.status;
		},
		server,
		// Saved first, then followed: a tab whose turn comes when this one lets go reads it.
		pause: () => update({ paused: true }),
		resume: () => update({ paused: false }),
		async disconnect() {
			unsubscribe();
			ended = true;
			await ctx.store.saveLiveSettings(null);
			loop.stop();
		},
		stop() {
			unsubscribe();
			loop.stop();
		}
	};
}

export function liveHost(
	ctx: AppContext,
	save: (checkpoint: Checkpoint) => Promise<void>
): LiveHost {
	return {
		logSince: (cursor) => ctx.store.logSince(cursor),
		signatures: (heads) => signaturesFor(ctx.store, heads),
		apply: (changes, signatureFor) => applyPulled(ctx, changes, signatureFor),
		save,
		random: randomBytes,
		now: () => ctx.now()
	};
}

/**
 * S10: pulled changes through the file path. Changes of a device whose key nothing here knows
 * yet (its enrollment has not arrived) wait; the rest become a file in memory, read by the
 * reader and imported by the store like any file the person did not mark as trusted.
 */
export async function applyPulled(
	ctx: AppContext,
	changes: readonly Change[],
	signatureFor: (device: string, changeId: string) => HeadSignature | undefined
): Promise<Applied & { readonly waiting?: readonly Change[] }> {
	const known = await knownDeviceKeys(ctx.store);
	const keys = deviceKeysFor(changes, known);
	if (!keys.ok) return { ok: false, reason: 'device-key-mismatch' };
	const go = changes.filter((c) => keys.keys.has(c.device));
	const waiting = changes.filter((c) => !keys.keys.has(c.device));
	if (go.length === 0) return { ok: true, applied: 0, conflicts: 0, waiting };
	const built = await buildSyncFile({
		device: ctx.store.device,
		exportedAt: ctx.now(),
		kind: 'full',
		changes: go,
		staysOnDevice: true,
		sign: (heads) =>
			Promise.resolve(
				heads.flatMap((h) => {
					const found = signatureFor(h.device, h.changeId);
					return found === undefined ? [] : [found];
				})
			)
	});
	if (!built.ok) return { ok: false, reason: built.error.code };
	const read = await readSyncFile(built.file.text, { now: ctx.now(), deviceKeys: known });
	if (!read.ok) return { ok: false, reason: read.error.code };
	const imported = await ctx.store.importChanges(read.file.changes, undefined, {
		now: ctx.now(),
		gaps: read.file.gaps ?? [],
		proof: { evidence: read.file.evidence, trust: false }
	});
	if (!imported.ok) return { ok: false, reason: imported.error.code };
	const outcome = imported.value;
	return {
		ok: true,
		applied: outcome.applied,
		conflicts: outcome.conflicts.length + outcome.unverified.length,
		waiting
	};
}
