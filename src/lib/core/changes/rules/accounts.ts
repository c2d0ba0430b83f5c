// account.create (A1 sign-up, C4 accounts made for someone else) and email verification
// (A1: verify, resend). Uniqueness of the address is decided here, on the normalised key, so
// two devices cannot both create it (S5). A3: no change merges accounts; an address in use
// is refused ('email-taken').
import { normaliseEmail } from '../../domains';
import { verifyEmail } from '../../mail-accounts';
import type { Account, AccountSecrets } from '../../model';
import {
	isPasswordHash,
	isPublicKey,
	isToken,
	isVault,
	managedByIdp,
	requireActiveAccount,
	withSecrets
} from '../account-guards';
import type { AccountResendVerification, AccountVerifyEmail } from '../account-types';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_NAME, requireActor, text } from '../guards';
import type { AccountCreate } from '../types';

export function accountCreate(d: Draft, c: AccountCreate): Outcome {
	const p = c.payload;
	// Anyone may sign up; creating an account for someone else needs an active actor.
	if (p.mode === 'invited') {
		const actor = requireActor(d);
		if (!actor.ok) return actor;
	}
	if (d.account(p.accountId) !== undefined) return refuse('duplicate-id', { id: p.accountId });
	const address = normaliseEmail(p.email);
	if (address === null) return refuse('invalid-email');
	const name = text(p.name, MAX_NAME);
	if (name === null) return refuse('name-required');
	if (p.passwordHash !== undefined) {
		// C4: the inviter never chooses the password; A7: the provider keeps it.
		if (p.mode === 'invited') return refuse('invalid-payload', { field: 'passwordHash' });
		if (p.source !== 'password') return refuse('managed-by-idp');
		if (!isPasswordHash(p.passwordHash))
			return refuse('invalid-payload', { field: 'passwordHash' });
	}
	if ((p.token === undefined) !== (p.tokenHash === undefined)) {
		return refuse('invalid-payload', { field: p.token === undefined ? 'token' : 'tokenHash' });
	}
	if (p.token !== undefined && !isToken(p.token))
		return refuse('invalid-payload', { field: 'token' });
	if (p.tokenHash !== undefined && !isToken(p.tokenHash)) {
		return refuse('invalid-payload', { field: 'tokenHash' });
	}
	const keys = signupKeys(p);
	if (!keys.ok) return keys;
	if (p.mode === 'signup' && p.source !== 'password') {
		const person = providerPerson(d, address, p.source);
		if (!person.ok) return person;
	}
	if (d.accountByEmailKey(address.key) !== undefined) return refuse('email-taken');
	// Only a password sign-up is verified by mail; an identity provider has verified the
	// address already (A7), and an invited account is verified by its first reset (A4).
	const verifyByMail = p.mode === 'signup' && p.source === 'password';
	const secrets: AccountSecrets = {
		...(p.passwordHash === undefined
			? {}
			: { passwordHash: p.passwordHash, passwordChangedAt: c.at }),
		...(verifyByMail && p.tokenHash !== undefined ? { verifyTokenHash: p.tokenHash } : {}),
		...(p.vault === undefined ? {} : { vault: p.vault })
	};
	const account: Account = {
		id: p.accountId,
		email: address.email,
		emailKey: address.key,
		name,
		status: 'active',
		verified: managedByIdp({ source: p.source }),
		source: p.source,
		invited: p.mode === 'invited',
		createdAt: c.at,
		...(p.signingKey === undefined ? {} : { signingKeys: [p.signingKey] }),
		secrets
	};
	d.putAccount(account);
	if (verifyByMail && p.token !== undefined) d.send(account, verifyEmail(account, p.token));
	return done();
}

/**
 * O5/A7: an account that signs in through a provider is created only for a person of the
 * directory of the organization that verified the address's domain and signs in through that
 * very provider. Without this a forged change could claim any address as a verified,
 * passwordless account (S1, X3).
 */
function providerPerson(
	d: Draft,
	address: { readonly domain: string; readonly key: string },
	source: 'google' | 'saml'
): Outcome {
	const orgId = d.state.organizationIdByDomain.get(address.domain);
	const org = orgId === undefined ? undefined : d.organization(orgId);
	if (org === undefined || org.signIn !== source) return refuse('not-in-directory');
	const inDirectory = (org.directory ?? []).some((person) => person.emailKey === address.key);
	return inDirectory ? done() : refuse('not-in-directory');
}

/**
 * X6: a password sign-up's account key and its vault come together, and only with the
 * password they are sealed under (C4: an inviter never holds the invited person's key).
 */
function signupKeys(p: AccountCreate['payload']): Outcome {
	if (p.signingKey === undefined && p.vault === undefined) return done();
	if (p.signingKey === undefined || !isPublicKey(p.signingKey)) {
		return refuse('invalid-payload', { field: 'signingKey' });
	}
	if (p.vault === undefined || p.passwordHash === undefined || !isVault(p.vault)) {
		return refuse('invalid-payload', { field: 'vault' });
	}
	return done();
}

/**
 * A1: the link's token, hashed by the app, must match the latest one mailed. Whoever holds
 * the link may use it (the actor is not checked): that is what proves the address.
 */
export function accountVerifyEmail(d: Draft, c: AccountVerifyEmail): Outcome {
	const p = c.payload;
	const account = requireActiveAccount(d, p.accountId);
	if (!account.ok) return account;
	if (!isToken(p.tokenHash)) return refuse('invalid-payload', { field: 'tokenHash' });
	// Before the token check, so a second click on the same link says what happened.
	if (account.value.verified) return refuse('already-verified');
	const stored = account.value.secrets.verifyTokenHash;
	if (stored === undefined || stored === null || stored !== p.tokenHash) {
		return refuse('invalid-token');
	}
	d.putAccount({ ...withSecrets(account.value, { verifyTokenHash: null }), verified: true });
	return done();
}

/**
 * A1: a new link replaces the previous one (only the latest works). Anyone may ask, as on a
 * login page; the mail goes to the account's own address, so nothing leaks.
 */
export function accountResendVerification(d: Draft, c: AccountResendVerification): Outcome {
	const p = c.payload;
	const account = requireActiveAccount(d, p.accountId);
	if (!account.ok) return account;
	if (!isToken(p.token)) return refuse('invalid-payload', { field: 'token' });
	if (!isToken(p.tokenHash)) return refuse('invalid-payload', { field: 'tokenHash' });
	if (account.value.verified) return refuse('already-verified');
	const next = withSecrets(account.value, { verifyTokenHash: p.tokenHash });
	d.putAccount(next);
	d.send(next, verifyEmail(next, p.token));
	return done();
}
