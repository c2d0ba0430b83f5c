// Checks the account rules share: who may act on an account (X3, S6), the shapes of the
// opaque values the security layer puts into payloads (S1), and one way to update secrets.
import type { Refusal } from '../errors';
import type { AccountId } from '../ids';
import type { Account, AccountSecrets, PasswordHash, SealedVault } from '../model';
import { managedBy } from '../organization-queries';
import { ok } from '../result';
import type { Result } from '../result';
import { refuse } from './draft';
import type { Draft } from './draft';
import { requireActor } from './guards';

/** Tokens, token hashes and recovery-code hashes: base64url or similar, never empty. */
export const MAX_TOKEN = 200;
/** A5: an avatar is a data: URL of at most 200 KB. */
export const MAX_AVATAR = 200 * 1024;
export const MAX_RECOVERY_CODES = 50;
const AVATAR = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
const BASE32 = /^[A-Z2-7]{16,128}=*$/;

/**
 * X3: only the account itself (an organization admin later, A6). The actor must also be
 * active (S6), so a deleted or deactivated account can do nothing.
 */
export function requireSelf(d: Draft, id: AccountId): Result<Account, Refusal> {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	if (actor.value.id !== id) return refuse('not-allowed');
	return actor;
}

/**
 * A6: what only an admin of the managing organization does to a managed account (email,
 * name, deletion, turning two-step verification off) is refused to its holder, with the
 * organization's name so the words can say whom to ask.
 */
export function requireUnmanaged(d: Draft, account: Account): Result<Account, Refusal> {
	const org = managedBy(d.state, account.id);
	return org === null ? ok(account) : refuse('managed-account', { organization: org.name });
}

/** Token-authorised changes (A1, A4): the actor does not matter, the account must be active. */
export function requireActiveAccount(d: Draft, id: AccountId): Result<Account, Refusal> {
	const account = d.account(id);
	if (account === undefined) return refuse('unknown-account', { id });
	if (account.status !== 'active') return refuse('account-inactive', { id });
	return ok(account);
}

/** A7: name, password and two-step settings belong to Google or the SAML provider. */
export const managedByIdp = (account: Pick<Account, 'source'>): boolean =>
	account.source !== 'password';

export function withSecrets(account: Account, patch: AccountSecrets): Account {
	return { ...account, secrets: { ...account.secrets, ...patch } };
}

export function isToken(s: unknown): s is string {
	return typeof s === 'string' && s.length > 0 && s.length <= MAX_TOKEN && s.trim() === s;
}

export function isAvatar(s: unknown): s is string {
	return typeof s === 'string' && s.length <= MAX_AVATAR && AVATAR.test(s);
}

export function isTotpSecret(s: unknown): s is string {
	return typeof s === 'string' && BASE32.test(s);
}

/** A TOTP time step (RFC 6238 "T"). */
export function isStep(n: unknown): n is number {
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

export function isRecoveryCodeHashes(list: unknown): list is readonly string[] {
	return (
		Array.isArray(list) &&
		list.length > 0 &&
		list.length <= MAX_RECOVERY_CODES &&
		list.every(isToken) &&
		new Set(list).size === list.length
	);
}

/** X1: PBKDF2-HMAC-SHA256 with at least this many iterations, from any device or file. */
export const MIN_PASSWORD_ITERATIONS = 600_000;
/** Past this a hash would freeze the login page: a hostile import, not a stronger setting. */
export const MAX_PASSWORD_ITERATIONS = 10_000_000;

/**
 * The shape and X1's parameters; the rules never verify a password (S1: hashing happens
 * before). A weaker hash arriving in an imported file is refused like any other bad payload.
 */
export function isPasswordHash(h: PasswordHash): boolean {
	return (
		typeof h === 'object' &&
		h !== null &&
		h.alg === 'PBKDF2-SHA256' &&
		Number.isSafeInteger(h.iterations) &&
		h.iterations >= MIN_PASSWORD_ITERATIONS &&
		h.iterations <= MAX_PASSWORD_ITERATIONS &&
		isToken(h.salt) &&
		isToken(h.hash) &&
		Number.isSafeInteger(h.length) &&
		h.length > 0
	);
}

/** X6: a raw Ed25519 public key (32 bytes) in unpadded base64url. */
export function isPublicKey(s: unknown): s is string {
	return typeof s === 'string' && /^[A-Za-z0-9_-]{43}$/.test(s);
}

/** X6: what a sealed vault's ciphertext may weigh (a key and a TOTP secret need ~300). */
export const MAX_VAULT_DATA = 2000;

/**
 * X6: the shape of a sealed vault and X1's parameters (the same iteration bounds as a password
 * hash): a vault a file brings with fewer iterations would make the password cheaper to guess.
 * The rules never open it.
 */
export function isVault(v: SealedVault): boolean {
	return (
		typeof v === 'object' &&
		v !== null &&
		v.v === 1 &&
		Number.isSafeInteger(v.iterations) &&
		v.iterations >= MIN_PASSWORD_ITERATIONS &&
		v.iterations <= MAX_PASSWORD_ITERATIONS &&
		typeof v.salt === 'string' &&
		/^[A-Za-z0-9_-]{22}$/.test(v.salt) &&
		typeof v.iv === 'string' &&
		/^[A-Za-z0-9_-]{16}$/.test(v.iv) &&
		typeof v.data === 'string' &&
		v.data.length <= MAX_VAULT_DATA &&
		/^[A-Za-z0-9_-]+$/.test(v.data)
	);
}

/** X6: the account's current signing key (the last one), or undefined when it has none. */
export function currentKey(account: Account): string | undefined {
	return account.signingKeys?.at(-1);
}
