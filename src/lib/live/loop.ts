// S10: the live-sync loop. While running: push, then pull (long-polling once caught up). A
// local change, coming back online or Resume wakes it at once; a network failure waits and tries
// again (1 s, doubling to 30 s); a refusal by the server (credentials, permissions, no
// database) stops until the person acts. Paused and disconnected, nothing is sent or asked.
// One loop runs per device database in a browser: a second tab waits its turn ('elsewhere')
// and takes over when the first one closes, pauses or disconnects.
import type { CouchProblem } from './couch';
import type { Counts, Replicator } from './replicator';

export type LiveState =
	| 'connecting'
	| 'live'
	/** Caught up: waiting for news from the server. */
	| 'waiting'
	| 'paused'
	/** Another tab of this browser runs live sync for this device: this one takes over later. */
	| 'elsewhere'
	/** The network or the server is down: trying again. */
	| 'offline'
	/** The server refused (credentials, permissions): stopped until the person acts. */
	| 'failed'
	| 'stopped';

/** Why the loop waits or stopped: the server's answer, or a failure on this device (storage). */
export type LiveProblem = CouchProblem | { readonly code: 'local' };

export interface LiveStatus {
	readonly state: LiveState;
	readonly counts: Counts;
	readonly problem: LiveProblem | null;
	/** Connected without the team key: nothing is applied. */
	readonly locked: boolean;
}

export interface LoopEnv {
	/** Waits `ms` or until woken (resolves early on wake). */
	sleep(ms: number, wake: AbortSignal): Promise<void>;
	isOnline(): boolean;
	/**
	 * Runs `task` while holding this device's live-sync lock (Web Locks), so one tab at a time
	 * runs the loop; calls `queued` first when another tab holds it, and gives up waiting when
	 * `signal` aborts. Absent (Node, tests), `task` runs at once.
	 */
	readonly exclusively?: (
		task: () => Promise<void>,
		queued: () => void,
		signal: AbortSignal
	) => Promise<void>;
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;
const STOPPING: readonly LiveProblem['code'][] = [
	'unauthorized',
	'forbidden',
	'no-database',
	'bad-url'
];

export class LiveLoop {
	#state: LiveState = 'connecting';
	#problem: LiveProblem | null = null;
	#wake = new AbortController();
	#running = false;
	#paused = false;
	#stopped = false;
	#dirty = true;
	/** Aborted by Pause and Stop: gives up waiting for another tab's turn. */
	#turn = new AbortController();

	constructor(
		readonly replicator: Replicator,
		readonly env: LoopEnv,
		readonly onStatus: (status: LiveStatus) => void
	) {}

	get status(): LiveStatus {
		return {
			state: this.#state,
			counts: { ...this.replicator.counts },
			problem: this.#problem,
			locked: this.replicator.key === null
		};
	}

	#set(state: LiveState, problem: LiveProblem | null = this.#problem): void {
		this.#state = state;
		this.#problem = problem;
		this.onStatus(this.status);
	}

	get paused(): boolean {
		return this.#paused;
	}

	/** Something changed here (or the network came back): push and pull now. */
	poke(): void {
		this.#dirty = true;
		this.#wake.abort();
	}

	pause(): void {
		this.#paused = true;
		this.#set('paused');
		this.#wake.abort();
		this.#turn.abort();
	}

	resume(): void {
		this.#paused = false;
		this.#problem = null;
		this.poke();
		if (!this.#running) void this.run();
	}

	stop(): void {
		this.#stopped = true;
		this.#set('stopped');
		this.#wake.abort();
		this.#turn.abort();
	}

	/** Runs until stopped or paused, in this tab's turn; never throws (a failure is a status). */
	async run(): Promise<void> {
		if (this.#running) return;
		this.#running = true;
		this.#turn = new AbortController();
		try {
			const exclusively = this.env.exclusively;
			if (exclusively === undefined) await this.#loop();
			else {
				const queued = () => this.#set('elsewhere', null);
				await exclusively(() => this.#loop(), queued, this.#turn.signal);
			}
		} catch {
			// The browser refused the lock: run without it (a second loop duplicates nothing).
			if (!this.#stopped && !this.#paused) await this.#loop();
		} finally {
			this.#running = false;
		}
	}

	async #loop(): Promise<void> {
		let retry = FIRST_RETRY_MS;
		while (!this.#stopped && !this.#paused) {
			if (this.#wake.signal.aborted) this.#wake = new AbortController();
			if (!this.env.isOnline()) {
				this.#set('offline', { code: 'offline' });
				await this.env.sleep(LAST_RETRY_MS, this.#wake.signal);
				continue;
			}
			const step = await this.#cycle();
			if (step === null || step.code === 'aborted') {
				retry = FIRST_RETRY_MS;
				continue;
			}
			if (STOPPING.includes(step.code)) {
				this.#set('failed', step);
				return;
			}
			this.#set('offline', step);
			await this.env.sleep(retry, this.#wake.signal);
			retry = Math.min(retry * 2, LAST_RETRY_MS);
		}
	}

	/**
	 * One push (when something changed) and one pull. A throw (this device's storage failed
	 * while saving what arrived or a checkpoint: nothing was written, S4) is a status too, and
	 * the loop tries again as for a server that does not answer.
	 */
	async #cycle(): Promise<LiveProblem | null> {
		try {
			return await this.#steps();
		} catch {
			this.#dirty = true;
			return { code: 'local' };
		}
	}

	async #steps(): Promise<LiveProblem | null> {
		if (this.#dirty) {
			this.#dirty = false;
			const pushed = await this.replicator.push();
			if (!pushed.ok) {
				this.#dirty = true;
				return pushed.problem;
			}
		}
		this.#set(this.replicator.caughtUp ? 'waiting' : 'live', null);
		const pulled = await this.replicator.pull(this.#wake.signal);
		if (!pulled.ok) return pulled.problem;
		this.#set(this.replicator.caughtUp ? 'waiting' : 'live', null);
		return null;
	}
}
