// One writer at a time, across tabs (Web Locks) and within one page (a promise chain where
// Web Locks are missing, as in node tests). Writes never interleave, so the clock, the
// device's hash chain and the projection stay consistent.
const LOCK_NAME = 'tessera-write';

export interface WriteLock {
	run<T>(task: () => Promise<T>): Promise<T>;
}

class LocalMutex implements WriteLock {
	#tail: Promise<unknown> = Promise.resolve();

	run<T>(task: () => Promise<T>): Promise<T> {
		const result = this.#tail.then(task, task);
		this.#tail = result.catch(() => undefined);
		return result;
	}
}

class WebLock implements WriteLock {
	constructor(private readonly locks: LockManager) {}

	run<T>(task: () => Promise<T>): Promise<T> {
		return this.locks.request(LOCK_NAME, { mode: 'exclusive' }, task);
	}
}

// One mutex per JavaScript realm, so every store opened in it shares it.
const localMutex = new LocalMutex();

export function createWriteLock(): WriteLock {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	return locks ? new WebLock(locks) : localMutex;
}
