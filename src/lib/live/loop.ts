// S10: the live-sync loop. While running: push, then pull (long-polling once caught up). A
// local change, coming back online or Resume wakes it at once; a network failure waits and tries
// again (1 s, doubling to 30 s); a refusal by the server (credentials, permissions, no
// database) stops until the person acts. Paused and disconnected, nothing is sent or asked.
import type { CouchProblem } from './couch';
import type { Counts, Replicator } from './replicator';

export type LiveState =
	| 'connecting'
	| 'live'
	/** Caught up: waiting for news from the server. */
	| 'waiting'
	| 'paused'
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

	/** Something changed here (or the network came back): push and pull now. */
	poke(): void {
		this.#dirty = true;
		this.#wake.abort();
	}

	pause(): void {
		this.#paused = true;
		this.#set('paused');
		this.#wake.abort();
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
	}

	/** Runs until stopped; never throws (a failure is a status). */
	async run(): Promise<void> {
		if (this.#running) return;
		this.#running = true;
		let retry = FIRST_RETRY_MS;
		try {
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
		} finally {
			this.#running = false;
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
