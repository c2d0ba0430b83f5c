// Runs in Chromium (served by Vite for `npm run bench`): live sync (S10) between IdbStore
// devices through the PouchDB Server the harness started, by the app's own path (connectLive:
// the loop, the replicator, the import of what arrives). `prepare` makes a sender device whose
// log is the benchmark workload with every change provable (X6: each person signs up with an
// account key and enrolls the sender), and lets it push everything. `pullOnce` connects a new
// device and waits until it is caught up; `fileOnce` is the floor: the same changes imported
// from the sender's whole-history file, encrypted as it must be (read, preview, apply, as the
// Sync page does).
// `editLatency` times one edit on the sender until it shows on a device that pulled.
import { accountId, changeId } from '$lib/core';
import type { AccountId } from '$lib/core';
import { newAccountKey, enrollDraft } from '$lib/app/accounts/keys';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { connectLive } from '$lib/app/live-sync';
import type { LiveEnv, LiveSession, LiveStatus, ServerConfig } from '$lib/app/live-sync';
import { applyImport, checkImportFile, exportChanges } from '$lib/app/sync';
import { deriveVaultKey, hashPassword } from '$lib/security';
import { IdbStore } from '$lib/store';
import type { ChangeDraft } from '$lib/store/types';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { workload } from './workload';

const PASSPHRASE = 'bench team passphrase';
const PEOPLE = 200;

const env: LiveEnv = {
	fetch: (input, init) => globalThis.fetch(input, init),
	iterations: KDF_ITERATIONS.min,
	isOnline: () => navigator.onLine,
	sleep: (ms, wake) =>
		new Promise((resolve) => {
			const timer = setTimeout(resolve, ms);
			wake.addEventListener('abort', () => {
				clearTimeout(timer);
				resolve();
			});
		})
};

interface Device {
	readonly name: string;
	readonly store: IdbStore;
	readonly ctx: AppContext;
	session: LiveSession | null;
	status: LiveStatus | null;
	/** Called on every status; resolves waiters. */
	onStatus: Set<(status: LiveStatus) => void>;
}

async function newDevice(): Promise<Device> {
	const name = `bench-live-${Date.now()}-${performance.now()}`;
	const store = await IdbStore.open({ name });
	return {
		name,
		store,
		ctx: createContext(store, () => Date.now()),
		session: null,
		status: null,
		onStatus: new Set()
	};
}

async function drop(d: Device): Promise<void> {
	d.session?.stop();
	d.store.close();
	await new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(d.name);
		request.onsuccess = request.onerror = request.onblocked = resolve;
	});
}

/** Connects and resolves once the device is caught up: waiting on the long-poll, pool empty. */
async function connectAndCatchUp(d: Device, server: ServerConfig): Promise<LiveStatus> {
	const caughtUp = new Promise<LiveStatus>((resolve, reject) => {
		d.onStatus.add((status) => {
			if (status.state === 'failed') reject(new Error(JSON.stringify(status.problem)));
			if (status.state === 'waiting' && status.counts.waiting === 0) resolve(status);
		});
	});
	const joined = await connectLive(d.ctx, server, PASSPHRASE, env, (status) => {
		d.status = status;
		for (const listener of d.onStatus) listener(status);
	});
	if (!joined.ok) throw new Error(`connect refused: ${JSON.stringify(joined.error)}`);
	d.session = joined.value;
	const done = await caughtUp;
	d.onStatus.clear();
	return done;
}

/** The workload with provable authors: sign ups carry an account key, each enrolls `d`. */
async function signedWorkload(d: Device, total: number): Promise<ChangeDraft[]> {
	// One vault key and one password hash at the full X1 cost (fewer iterations are refused).
	const vaultKey = await deriveVaultKey('bench password');
	const passwordHash = await hashPassword('bench password');
	const drafts: ChangeDraft[] = [];
	for (const draft of workload(total - PEOPLE, PEOPLE)) {
		if (draft.type !== 'account.create') {
			drafts.push(draft);
			continue;
		}
		const key = await newAccountKey(vaultKey);
		drafts.push({
			...draft,
			payload: { ...draft.payload, passwordHash, signingKey: key.publicKey, vault: key.vault }
		});
		const account: AccountId = draft.payload.accountId;
		drafts.push(await enrollDraft(d.ctx, account, key.privateKey, key.publicKey));
	}
	return drafts;
}

let sender: Device | null = null;
let receiver: Device | null = null;
let fileText = '';

export async function prepare(total: number, server: ServerConfig) {
	const d = await newDevice();
	sender = d;
	const drafts = await signedWorkload(d, total);
	for (let i = 0; i < drafts.length; i += 5_000) {
		const results = await d.store.commitMany(drafts.slice(i, i + 5_000), Date.now());
		const refused = results.find((r) => !r.ok);
		if (refused !== undefined) throw new Error(`commit refused: ${JSON.stringify(refused)}`);
	}
	// The sign ups carry password hashes and vaults: such a file must be encrypted (S3).
	const exported = await exportChanges(d.ctx, {
		whole: true,
		passphrase: PASSPHRASE,
		iterations: KDF_ITERATIONS.min
	});
	if (exported.kind !== 'built') throw new Error(`export: ${exported.kind}`);
	fileText = exported.file.text;
	const started = performance.now();
	const status = await connectAndCatchUp(d, server);
	return {
		changes: (await d.store.changes()).length,
		bytes: new TextEncoder().encode(fileText).length,
		pushMs: performance.now() - started,
		pushed: status.counts.pushed
	};
}

/** P4: the longest main-thread stall while `task` runs (long tasks, ≥ 50 ms). */
async function withStalls<T>(task: () => Promise<T>): Promise<{ value: T; longest: number }> {
	let longest = 0;
	const observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
	});
	observer.observe({ type: 'longtask' });
	const value = await task();
	await new Promise((resolve) => setTimeout(resolve, 0));
	for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
	observer.disconnect();
	return { value, longest };
}

export async function pullOnce(server: ServerConfig, keep: boolean) {
	const d = await newDevice();
	const started = performance.now();
	const { value: status, longest } = await withStalls(() => connectAndCatchUp(d, server));
	const ms = performance.now() - started;
	const result = {
		ms,
		longest,
		pulled: status.counts.pulled,
		conflicts: status.counts.conflicts,
		log: (await d.store.changes()).length
	};
	if (keep) {
		if (receiver !== null) await drop(receiver);
		receiver = d;
	} else await drop(d);
	return result;
}

export async function fileOnce() {
	const d = await newDevice();
	const started = performance.now();
	const check = await checkImportFile(d.ctx, fileText, { passphrase: PASSPHRASE });
	if (check.kind !== 'ready') throw new Error(`file refused: ${JSON.stringify(check.error)}`);
	const applied = await applyImport(d.ctx, check.file);
	if (applied.kind !== 'applied') throw new Error(`apply: ${applied.kind}`);
	const ms = performance.now() - started;
	const log = (await d.store.changes()).length;
	await drop(d);
	return { ms, log, conflicts: applied.outcome.conflicts.length };
}

/** One edit on the sender until the receiver's projection shows it (both live, idle first). */
export async function editLatency(round: number, idleMs: number) {
	const from = sender;
	const to = receiver;
	if (from === null || to === null) throw new Error('prepare and pullOnce(keep) first');
	await new Promise((resolve) => setTimeout(resolve, idleMs));
	const person = accountId('p-0');
	const name = `Renamed ${round} ${performance.now()}`;
	const arrived = new Promise<number>((resolve) => {
		const stop = to.store.subscribe(() => {
			if (to.store.state.accounts.get(person)?.name === name) {
				stop();
				resolve(performance.now());
			}
		});
	});
	const started = performance.now();
	const committed = await from.store.commit(
		{
			id: changeId(`bench-edit-${round}-${Date.now()}`),
			actor: person,
			type: 'account.updateProfile',
			payload: { accountId: person, name }
		},
		Date.now()
	);
	if (!committed.ok) throw new Error(`edit refused: ${JSON.stringify(committed.error)}`);
	const committedAt = performance.now();
	const shown = await arrived;
	return { commitMs: committedAt - started, ms: shown - started };
}

export async function close() {
	for (const d of [sender, receiver]) if (d !== null) await drop(d);
	sender = receiver = null;
}

declare global {
	interface Window {
		liveBench?: {
			prepare: typeof prepare;
			pullOnce: typeof pullOnce;
			fileOnce: typeof fileOnce;
			editLatency: typeof editLatency;
			close: typeof close;
		};
	}
}

window.liveBench = { prepare, pullOnce, fileOnce, editLatency, close };
