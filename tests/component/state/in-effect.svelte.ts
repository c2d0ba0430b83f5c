// Runs `fn` inside an effect, as the shell does with the session, and reports what it threw
// (an effect that writes what it reads loops until Svelte stops it).
import { flushSync } from 'svelte';

export function runInEffect(fn: () => void): unknown {
	let thrown: unknown = null;
	const stop = $effect.root(() => {
		$effect(() => {
			fn();
		});
	});
	try {
		flushSync();
	} catch (error) {
		thrown = error;
	}
	stop();
	return thrown;
}
