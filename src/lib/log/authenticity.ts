// X6: which changes from a file are shown to come from their actor. Pure: it reads the
// evidence the reader computed (./evidence.ts: which signature covers each change and whether
// it verified) and what the projection knows (keys, enrolled devices), never a clock or
// WebCrypto, so it can be tested alone and property-tested.
//
// Each change is one of:
// - PROVED: what authorityOf asks is shown, so the core's rules may apply it (X3);
// - UNVERIFIED (with a reason): it claims what cannot be shown; kept apart, not applied;
// - UNSIGNABLE: its device has no key anywhere (a version-1 file, a device from before X6) and
//   nothing else speaks against it: it is applied only if the person trusts the file's source.
//
// The proof is over the SET of changes (not their order), so two devices that hold the same
// changes decide the same way. It is a least fixpoint: a key or an enrollment counts only once
// the change that brings it is proved, so a chain of claims can never prove itself.
import { authorityOf } from '$lib/core';
import type { Account, Authority, Change } from '$lib/core';
import type { Evidence } from './evidence';

export type UnverifiedCode =
	/** The device's signature over the run of changes is missing or wrong: altered, or forged. */
	| 'bad-signature'
	/** The device was never enrolled for the actor (by a change signed with their key). */
	| 'not-enrolled'
	/** A password set through a link, on a device not enrolled for an account that has a key. */
	| 'unverifiable-reset'
	/** An enrollment signed with a key the account is not known to have. */
	| 'untrusted-key';

export interface Unverified {
	readonly code: UnverifiedCode;
	readonly device: string;
	/** The account the change needed proof for (its actor, or the account it names). */
	readonly accountId: string | null;
}

const UNVERIFIED_CODES: ReadonlySet<string> = new Set<UnverifiedCode>([
	'bad-signature',
	'not-enrolled',
	'unverifiable-reset',
	'untrusted-key'
]);

/** Tells X6's reasons from the rules' refusals (their codes never overlap). */
export function isUnverified(reason: { readonly code: string }): reason is Unverified {
	return UNVERIFIED_CODES.has(reason.code);
}

export type Verdict =
	| { readonly kind: 'proved' }
	| { readonly kind: 'unsignable' }
	| { readonly kind: 'unverified'; readonly reason: Unverified };

/** What the importing device's projection says: keys, enrolled devices, existing accounts. */
export interface Known {
	readonly accountKeys: ReadonlyMap<string, readonly string[]>;
	/** `pair(device, account)` for every enrolled device. */
	readonly enrolled: ReadonlySet<string>;
	readonly accounts: ReadonlySet<string>;
}

export const pair = (device: string, account: string): string => `${device}\u0000${account}`;

export function knownFrom(accounts: Iterable<Account>): Known {
	const accountKeys = new Map<string, readonly string[]>();
	const enrolled = new Set<string>();
	const ids = new Set<string>();
	for (const account of accounts) {
		ids.add(account.id);
		if (account.signingKeys && account.signingKeys.length > 0) {
			accountKeys.set(account.id, account.signingKeys);
		}
		for (const d of account.devices ?? []) enrolled.add(pair(d.device, account.id));
	}
	return { accountKeys, enrolled, accounts: ids };
}

/** The public key enrolled for each device in a projection. */
export function deviceKeysIn(accounts: Iterable<Account>): Map<string, string> {
	const keys = new Map<string, string>();
	for (const account of accounts) {
		for (const d of account.devices ?? []) keys.set(d.device, d.publicKey);
	}
	return keys;
}

/**
 * A signing key a change brings for an account: sign up, a first password or a reset, and
 * `account.setKeys` carry `signingKey` beside `accountId` (the account side of X6 adds them).
 */
export function introducedKey(change: Change): { accountId: string; key: string } | null {
	const p: object = change.payload;
	if (!('signingKey' in p) || !('accountId' in p)) return null;
	const { signingKey: key, accountId } = p;
	return typeof key === 'string' && typeof accountId === 'string' ? { accountId, key } : null;
}

/** Accounts a change would create. */
function createdBy(change: Change): string | null {
	switch (change.type) {
		case 'account.create':
			return change.payload.accountId;
		case 'contact.add':
		case 'handover':
			return change.payload.newAccount?.accountId ?? null;
		default:
			return null;
	}
}

const proved: Verdict = { kind: 'proved' };
const unsignable: Verdict = { kind: 'unsignable' };
const unverified = (code: UnverifiedCode, change: Change, accountId: string | null): Verdict => ({
	kind: 'unverified',
	reason: { code, device: change.device, accountId }
});

/** The account a change needs proof for, by its authority. */
function accountOf(change: Change, authority: Authority): string | null {
	return authority.kind === 'account' || authority.kind === 'enrollment'
		? authority.accountId
		: change.actor;
}

/**
 * Classifies every change of `changes` (unique ids). `evidence(id)` gives what the reader
 * found for it; a change without evidence is treated as carrying a wrong signature.
 */
export function classify(
	changes: readonly Change[],
	evidence: (id: string) => Evidence | undefined,
	known: Known
): Map<string, Verdict> {
	// Keys any change in the set names for an account, proved or not: a key named by anyone
	// is enough to stop trust on first use, and to say an account is no longer keyless.
	const named = new Map<string, Set<string>>();
	const creators = new Map<string, number>();
	for (const change of changes) {
		const key = introducedKey(change);
		if (key) named.set(key.accountId, (named.get(key.accountId) ?? new Set()).add(key.key));
		const created = createdBy(change);
		if (created !== null) creators.set(created, (creators.get(created) ?? 0) + 1);
	}
	const keysOf = (account: string): string[] => [
		...(known.accountKeys.get(account) ?? []),
		...(named.get(account) ?? [])
	];
	const trusted = new Map<string, Set<string>>();
	for (const [account, keys] of known.accountKeys) trusted.set(account, new Set(keys));
	const enrolled = new Set(known.enrolled);

	/** A proved change's key and enrollment now count for the others. */
	function admit(change: Change): void {
		const key = introducedKey(change);
		// A sign up's key counts only for an account nothing else creates: a second sign up
		// with the same id is refused by the rules, and its key must not be trusted meanwhile.
		const creates =
			change.type !== 'account.create' ||
			(key !== null && !known.accounts.has(key.accountId) && creators.get(key.accountId) === 1);
		if (key && creates) {
			trusted.set(key.accountId, (trusted.get(key.accountId) ?? new Set()).add(key.key));
		}
		if (change.type === 'device.enroll')
			enrolled.add(pair(change.device, change.payload.accountId));
	}

	/** With the keys and enrollments proved so far: proved, or null to wait. */
	// Each change's authority, looked up once (a 100k-change file goes through here).
	const authorities = new Map<string, Authority>();
	const authorityFor = (change: Change): Authority => {
		let found = authorities.get(change.id);
		if (found === undefined) {
			found = authorityOf(change);
			authorities.set(change.id, found);
		}
		return found;
	};

	function decide(change: Change): Verdict | null {
		const authority = authorityFor(change);
		switch (authority.kind) {
			case 'anyone':
				return proved;
			case 'actor':
				return change.actor !== null && enrolled.has(pair(change.device, change.actor))
					? proved
					: null;
			case 'account': {
				if (enrolled.has(pair(change.device, authority.accountId))) return proved;
				// Trust on first use: the account has no key but the one this change brings.
				const own = introducedKey(change)?.key;
				return keysOf(authority.accountId).every((k) => k === own) ? proved : null;
			}
			case 'enrollment':
				return change.type === 'device.enroll' &&
					trusted.get(authority.accountId)?.has(change.payload.accountPublicKey) === true
					? proved
					: null;
		}
	}

	/** What the evidence alone decides; null when it depends on other changes. */
	function first(change: Change): Verdict | null {
		const found = evidence(change.id);
		const authority = authorityFor(change);
		const account = accountOf(change, authority);
		if (found === undefined) return unverified('bad-signature', change, account);
		if (found.check === null) {
			// No key for the device anywhere. Keyless accounts cannot be proved either way; an
			// account with a key acts only from devices enrolled for it, which have keys.
			const own = introducedKey(change)?.key;
			const keyed = account !== null && keysOf(account).some((k) => k !== own);
			if (authority.kind === 'actor' && keyed) return unverified('not-enrolled', change, account);
			if (authority.kind === 'account' && keyed) {
				return unverified('unverifiable-reset', change, account);
			}
			if (authority.kind === 'enrollment') return unverified('bad-signature', change, account);
			return unsignable;
		}
		if (!found.check.ok) return unverified('bad-signature', change, account);
		if (change.type === 'device.enroll') {
			const signedBy = found.check.key === change.payload.devicePublicKey;
			if (!signedBy || found.enrollment !== true) {
				return unverified('bad-signature', change, account);
			}
		}
		return decide(change);
	}

	const verdicts = new Map<string, Verdict>();
	let pending: Change[] = [];
	for (const change of changes) {
		const verdict = first(change);
		if (verdict === null) pending.push(change);
		else {
			verdicts.set(change.id, verdict);
			if (verdict.kind === 'proved') admit(change);
		}
	}
	let progress = true;
	while (progress && pending.length > 0) {
		progress = false;
		const waiting: Change[] = [];
		for (const change of pending) {
			const verdict = decide(change);
			if (verdict === null) waiting.push(change);
			else {
				verdicts.set(change.id, verdict);
				admit(change);
				progress = true;
			}
		}
		pending = waiting;
	}
	for (const change of pending) {
		const authority = authorityFor(change);
		const code =
			authority.kind === 'account'
				? 'unverifiable-reset'
				: authority.kind === 'enrollment'
					? 'untrusted-key'
					: 'not-enrolled';
		verdicts.set(change.id, unverified(code, change, accountOf(change, authority)));
	}
	return verdicts;
}
