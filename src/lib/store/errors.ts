// Infrastructure failures of the store as small named errors (our error policy, docs/architecture.md). Refused
// rules are values, not errors; these are the things a person can only be told about.
export type StoreErrorCode =
	'quota-exceeded' | 'connection-closed' | 'version-changed' | 'transaction-failed' | 'unavailable';

export class StoreError extends Error {
	override readonly name = 'StoreError';
	constructor(
		readonly code: StoreErrorCode,
		message: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
	}
}

/** Maps whatever IndexedDB threw or aborted with to a StoreError with a stable code. */
export function toStoreError(error: unknown): StoreError {
	if (error instanceof StoreError) return error;
	const name = error instanceof DOMException || error instanceof Error ? error.name : '';
	if (name === 'QuotaExceededError') {
		return new StoreError('quota-exceeded', 'The browser has no room left for Tessera data.', {
			cause: error
		});
	}
	if (name === 'InvalidStateError') {
		return new StoreError('connection-closed', 'The database connection was closed.', {
			cause: error
		});
	}
	const detail = error instanceof Error ? error.message : String(error);
	return new StoreError('transaction-failed', `Saving failed: ${detail}`, { cause: error });
}
