// Runs in Chromium (served by Vite for `npm run bench`): the cost of X1's PBKDF2 (600,000
// iterations) on the paths a person waits for: hashing a new password (sign up), verifying
// one, and a whole log in through the app command (store lookup, the throttle's Web Lock
// and localStorage, the hash; X6: the vault's PBKDF2 beside it, opening the vault and
// signing the session). Each is run several times; the page answers every sample.
import { logIn, memoryKeyring, signUp } from '$lib/app/accounts';
import { createContext } from '$lib/app/context';
import { deriveVaultKey, hashPassword, verifyPassword } from '$lib/security';
import { MemoryStore } from '$lib/store';
import { deviceThrottle } from '$lib/state/throttle';

const PASSWORD = 'correct horse battery staple';

async function time(task: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await task();
	return performance.now() - started;
}

export async function run(samples: number) {
	const hash: number[] = [];
	const verify: number[] = [];
	const login: number[] = [];
	const vault: number[] = [];
	const both: number[] = [];
	const stored = await hashPassword(PASSWORD);
	for (let i = 0; i < samples; i++) {
		hash.push(await time(() => hashPassword(PASSWORD)));
		verify.push(await time(() => verifyPassword(PASSWORD, stored)));
		vault.push(await time(() => deriveVaultKey(PASSWORD)));
		both.push(
			await time(() => Promise.all([verifyPassword(PASSWORD, stored), deriveVaultKey(PASSWORD)]))
		);
	}
	const store = new MemoryStore();
	const ctx = { ...createContext(store), throttle: deviceThrottle(), keyring: memoryKeyring() };
	const signup = await time(() =>
		signUp(ctx, { email: 'bench@acme.com', name: 'Bench', password: PASSWORD })
	);
	for (let i = 0; i < samples; i++) {
		login.push(
			await time(async () => {
				const step = await logIn(ctx, { email: 'bench@acme.com', password: PASSWORD });
				if (step.kind !== 'logged-in') throw new Error(`login ended in ${step.kind}`);
			})
		);
	}
	return { iterations: stored.iterations, hash, verify, vault, both, login, signup };
}

declare global {
	interface Window {
		runLoginBench?: typeof run;
	}
}

window.runLoginBench = run;
