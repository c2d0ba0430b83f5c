// X6: the session singleton counts a stored record only after its proof is verified against
// the account's key and this device: a record written into localStorage by hand (as anyone
// with developer tools could) logs nobody in.
import { waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { logIn, signUp } from '$lib/app/accounts';
import type { AccountsContext } from '$lib/app/accounts';
import { createContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import { cheapKdf } from '../../unit/app/fake-hash';
import { data } from '$lib/state/data.svelte';
import { keyring } from '$lib/state/keyring';
import { session } from '$lib/state/session.svelte';
import { deviceThrottle } from '$lib/state/throttle';

// PBKDF2 through `cheapKdf` (one iteration behind records that say 600,000, X1): no test
// waits on full-cost hashing.
const KEY = 'tessera.session';
const PASSWORD = 'correct horse battery staple';
let stop: (() => void) | null = null;

async function loggedInElsewhere() {
	const store = new MemoryStore();
	const ctx = createContext(store, undefined, { kdf: cheapKdf });
	data.useStore(store, ctx);
	const accounts: AccountsContext = { ...ctx, throttle: deviceThrottle(), keyring };
	const email = 'alice@acme.com';
	const created = await signUp(accounts, { email, name: 'Alice', password: PASSWORD });
	if (!created.ok) throw new Error(created.error.code);
	const step = await logIn(accounts, { email, password: PASSWORD });
	if (step.kind !== 'logged-in') throw new Error(step.kind);
	return step.session;
}

afterEach(() => {
	stop?.();
	stop = null;
	localStorage.clear();
	keyring.clear();
});

describe('session state (X6)', () => {
	it('X6: a record written by hand, with or without a made-up proof, logs nobody in', async () => {
		const real = await loggedInElsewhere();
		const { proof: _proof, ...withoutProof } = real;
		for (const forged of [withoutProof, { ...real, proof: 'S'.repeat(86) }]) {
			stop?.();
			localStorage.setItem(KEY, JSON.stringify(forged));
			stop = session.start();
			await waitFor(() => expect(session.checking).toBe(false), { timeout: 10_000 });
			expect(session.loggedIn).toBe(false);
			expect(session.current).toBeNull();
		}
	});

	it('X6: the signed record of a real log in counts, but only once verified', async () => {
		const real = await loggedInElsewhere();
		localStorage.setItem(KEY, JSON.stringify(real));
		stop = session.start();
		expect(session.loggedIn).toBe(false);
		expect(session.checking).toBe(true);
		await waitFor(() => expect(session.loggedIn).toBe(true), { timeout: 10_000 });
		expect(session.current?.accountId).toBe(real.accountId);
	});

	it('X6: logging out drops this tab’s vault key with the record', async () => {
		stop = session.start();
		const real = await loggedInElsewhere();
		expect(keyring.holder()).toBe(real.accountId);
		session.begin(real);
		expect(session.holdsKey()).toBe(true);
		session.end();
		expect(keyring.holder()).toBeNull();
		expect(localStorage.getItem(KEY)).toBeNull();
	});
});
