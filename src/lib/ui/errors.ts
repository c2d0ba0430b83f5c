// One place turns thrown errors into words for people (words are made in one place). Refused rules are
// not errors: their words come from ./refusals.ts.
import { StoreError } from '$lib/store/errors';

const STORE_WORDS: Record<StoreError['code'], string> = {
	'quota-exceeded':
		'This device has no room left for Tessera data. Free some space (or export and reset), then try again. Nothing was saved.',
	'connection-closed':
		'The connection to the local database was closed. Reload the page; nothing was saved.',
	'version-changed': 'Tessera was updated in another tab. Reload this page to go on.',
	'transaction-failed': 'Saving failed, so nothing was changed. Try again.',
	unavailable: 'This browser does not let Tessera store data (private mode?). Nothing can be saved.'
};

export function describeError(error: unknown): string {
	if (error instanceof StoreError) return STORE_WORDS[error.code];
	if (error instanceof Error && error.name === 'QuotaExceededError')
		return STORE_WORDS['quota-exceeded'];
	return 'Something went wrong, and nothing was changed. Try again, or reload the page.';
}

/** Why the data cannot be used any more (data.problem), by the store's event. */
export const DATA_PROBLEM_WORDS = {
	'version-changed': 'Tessera was updated in another tab. Reload this page to go on.',
	unavailable: 'Saving failed and the data could not be reread. Reload the page.'
} as const;

/** A command that needs someone logged in, run after the session ended. */
export const LOGGED_OUT_WORDS = 'Log in first: your session has ended.';
