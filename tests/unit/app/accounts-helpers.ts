// A real MemoryStore, a clock the test moves and a device throttle over an in-memory storage,
// so account commands run for real (no mocks). PBKDF2 runs through `cheapKdf` (one iteration
// behind records that say 600,000), so no test waits on full-cost hashing; the X1 floor is
// tested once at full cost (accounts-signup.test.ts, security/password.test.ts).
// X6: a device key and a keyring in memory, as the app's are.
import { expect } from 'vitest';
import { accountId, changeId, mailbox } from '$lib/core';
import type { Account, AccountId } from '$lib/core';
import type { AccountsContext, Keyring } from '$lib/app/accounts';
import { logIn, memoryKeyring, signUp, verifyEmail } from '$lib/app/accounts';
import { storeDeviceKeys } from '$lib/app/device-keys';
import { newId } from '$lib/store/device';
import type { SessionRecord } from '$lib/app/session';
import { sha256Base64url } from '$lib/security';
import { MemoryStore } from '$lib/store';
import { DeviceThrottle, localLocks } from '$lib/state/throttle';
import type { KeyValueStorage, Locks } from '$lib/state/throttle';
import { cheapKdf } from './fake-hash';

export const T0 = 1_800_000_000_000;
export const PASSWORD = 'correct horse battery staple';

export function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => void data.set(key, value)
	};
}

export interface Harness {
	readonly ctx: AccountsContext;
	readonly store: MemoryStore;
	readonly throttle: DeviceThrottle;
	readonly keyring: Keyring;
	/** Moves the test's clock. */
	advance(ms: number): void;
	now(): number;
}

export function harness(
	options: { storage?: KeyValueStorage; locks?: Locks; store?: MemoryStore } = {}
): Harness {
	let now = T0;
	const store = options.store ?? new MemoryStore();
	const throttle = new DeviceThrottle(
		options.storage ?? memoryStorage(),
		options.locks ?? localLocks()
	);
	const keyring = memoryKeyring();
	const ctx: AccountsContext = {
		store,
		now: () => now,
		newId,
		throttle,
		keyring,
		deviceKeys: storeDeviceKeys(store),
		kdf: cheapKdf
	};
	return {
		ctx,
		store,
		throttle,
		keyring,
		advance: (ms) => {
			now += ms;
		},
		now: () => now
	};
}

/** The token of the newest mailed link to `path` in the address's mailbox. */
export function mailedToken(h: Harness, address: string, path: string): string {
	const [newest] = mailedTokens(h, address, path);
	if (newest === undefined) throw new Error(`no ${path} link mailed to ${address}`);
	return newest;
}

/**
 * Every token mailed to `address` in a link to `path`, newest mail first. Mails made at the
 * same change time (a wall clock behind the change clock, X7) list in id order, so a test that
 * needs the latest of those tells it apart from the ones it had before.
 */
export function mailedTokens(h: Harness, address: string, path: string): string[] {
	const tokens: string[] = [];
	for (const mail of mailbox(h.store.state, address)) {
		for (const link of mail.links) {
			const url = new URL(link.href, 'http://tessera.test');
			if (url.pathname === path) tokens.push(url.searchParams.get('token') ?? '');
		}
	}
	return tokens;
}

export function account(h: Harness, id: AccountId): Account {
	const found = h.store.state.accounts.get(id);
	if (found === undefined) throw new Error(`no account ${id}`);
	return found;
}

/** Signs up and verifies through the mailed link; answers the account id. */
export async function verifiedAccount(
	h: Harness,
	email = 'alice@acme.com',
	password = PASSWORD
): Promise<AccountId> {
	const created = await signUp(h.ctx, { email, name: 'Alice Example', password });
	if (!created.ok) throw new Error(created.error.code);
	const token = mailedToken(h, email, '/verify');
	expect(await verifyEmail(h.ctx, { email, token, actor: null })).toMatchObject({ ok: true });
	return created.value.accountId;
}

/** Logs in with the password and answers the session record it signed (X6). */
export async function sessionFor(
	h: Harness,
	email: string,
	password = PASSWORD
): Promise<SessionRecord> {
	const step = await logIn(h.ctx, { email, password });
	if (step.kind !== 'logged-in') throw new Error(`login ended in ${step.kind}`);
	return step.session;
}

/** An account created by someone else (C4), as the contact.add rule does. */
export async function invitedAccount(h: Harness, inviter: AccountId, email: string) {
	const id = accountId(newId('a_'));
	const result = await h.store.commit(
		{
			id: changeId(newId('c_')),
			actor: inviter,
			type: 'account.create',
			payload: { accountId: id, email, name: 'Invited Person', mode: 'invited', source: 'password' }
		},
		h.now()
	);
	expect(result.ok).toBe(true);
	return id;
}

/**
 * An account as a device before X6 made it (no signing key, no vault), verified: the way
 * version-1 data arrives. Its first log in here gives it a key (account.setKeys).
 */
export async function legacyAccount(h: Harness, email: string, password = PASSWORD) {
	const id = accountId(newId('a_'));
	const created = await h.store.commit(
		{
			id: changeId(newId('c_')),
			actor: null,
			type: 'account.create',
			payload: {
				accountId: id,
				email,
				name: 'Before X6',
				mode: 'signup',
				source: 'password',
				passwordHash: await cheapKdf.hash(password),
				token: 'legacy-token',
				tokenHash: await sha256Base64url('legacy-token')
			}
		},
		h.now()
	);
	expect(created.ok).toBe(true);
	expect(await verifyEmail(h.ctx, { email, token: 'legacy-token', actor: null })).toMatchObject({
		ok: true
	});
	return id;
}
