// Runs an account command from a page and turns a thrown infrastructure error (storage full,
// database closed) into words in the live region, so a click never fails silently.
import { status } from '$lib/state/status.svelte';
import { describeError } from '$lib/ui/errors';

export async function act<T>(task: () => Promise<T>): Promise<T | undefined> {
	try {
		return await task();
	} catch (error) {
		status.announce(describeError(error), 'error');
		return undefined;
	}
}
