// Builds the account changes (A1–A8, X2) for tests, on top of a ChangeFactory so clock order
// stays creation order. Tokens are plain strings here; `hashOf` stands in for the app's
// SHA-256, since the rules only ever compare hashes.
import type { AccountId, ChangeOf, PasswordHash, SealedVault } from '$lib/core';
import { hashOf } from './factories';
import type { ChangeFactory } from './factories';

export const HOUR = 60 * 60 * 1000;

/** A PBKDF2 hash as the security layer makes it; the rules never look inside. */
export const PASSWORD: PasswordHash = {
	alg: 'PBKDF2-SHA256',
	iterations: 600_000,
	salt: 'c2FsdHNhbHRzYWx0c2FsdA',
	hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
	length: 32
};
export const OTHER_PASSWORD: PasswordHash = { ...PASSWORD, salt: 'b3RoZXJzYWx0', hash: 'b3RoZXI' };
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const RECOVERY = ['code-1', 'code-2', 'code-3'] as const;

type Actor = AccountId | null;

/** X6: raw Ed25519 public keys and a signature as base64url; the rules only check shapes. */
export const ACCOUNT_KEY = 'A'.repeat(43);
export const DEVICE_KEY = 'D'.repeat(43);
export const SIGNATURE = 'S'.repeat(86);
export const NEW_KEY = 'N'.repeat(43);
/** X6: a sealed vault in shape (X1's iterations, 16-byte salt, 12-byte IV); never opened here. */
export const VAULT: SealedVault = {
	v: 1,
	iterations: 600_000,
	salt: 'dmF1bHRzYWx0dmF1bHRzYQ',
	iv: 'aXZpdml2aXZpdml2',
	data: 'c2VhbGVkLXNpZ25pbmcta2V5'
};
export const OTHER_VAULT: SealedVault = { ...VAULT, iv: 'b3RoZXJvdGhlcm90', data: 'b3RoZXI' };

/** X6: the key and vault a password change carries. */
export interface Keys {
	readonly signingKey: string;
	readonly vault: SealedVault;
}

export class AccountChanges {
	constructor(readonly f: ChangeFactory) {}

	signupWithPassword(
		id: AccountId,
		email: string,
		token = `verify-${id}`
	): ChangeOf<'account.create'> {
		const c = this.f.signup(id, email, 'Someone', 'password', token);
		return { ...c, payload: { ...c.payload, passwordHash: PASSWORD } };
	}

	/** X6: a password sign-up with its account key and vault, as the app makes it. */
	signupWithKeys(id: AccountId, email: string, keys: Partial<Keys> = {}) {
		const c = this.signupWithPassword(id, email);
		return {
			...c,
			payload: {
				...c.payload,
				signingKey: keys.signingKey ?? ACCOUNT_KEY,
				vault: keys.vault ?? VAULT
			}
		} satisfies ChangeOf<'account.create'>;
	}

	/** X6: the first key of an account without one, made at its log in. */
	setKeys(actor: Actor, id: AccountId, keys: Partial<Keys> = {}): ChangeOf<'account.setKeys'> {
		return {
			...this.f.envelope(actor),
			type: 'account.setKeys',
			payload: {
				accountId: id,
				signingKey: keys.signingKey ?? ACCOUNT_KEY,
				vault: keys.vault ?? VAULT
			}
		};
	}

	/** X6: enrolls the factory's device for `id`, signed (in shape) by `accountPublicKey`. */
	enroll(
		actor: Actor,
		id: AccountId,
		keys: { readonly device?: string; readonly account?: string } = {}
	): ChangeOf<'device.enroll'> {
		return {
			...this.f.envelope(actor),
			type: 'device.enroll',
			payload: {
				accountId: id,
				devicePublicKey: keys.device ?? DEVICE_KEY,
				accountPublicKey: keys.account ?? ACCOUNT_KEY,
				signature: SIGNATURE
			}
		};
	}

	verifyEmail(actor: Actor, id: AccountId, token: string): ChangeOf<'account.verifyEmail'> {
		return {
			...this.f.envelope(actor),
			type: 'account.verifyEmail',
			payload: { accountId: id, tokenHash: hashOf(token) }
		};
	}

	resend(actor: Actor, id: AccountId, token: string): ChangeOf<'account.resendVerification'> {
		return {
			...this.f.envelope(actor),
			type: 'account.resendVerification',
			payload: { accountId: id, token, tokenHash: hashOf(token) }
		};
	}

	requestReset(
		actor: Actor,
		email: string,
		token: string,
		ttl = HOUR
	): ChangeOf<'account.requestReset'> {
		const env = this.f.envelope(actor);
		return {
			...env,
			type: 'account.requestReset',
			payload: { email, token, tokenHash: hashOf(token), expiresAt: env.at + ttl }
		};
	}

	reset(
		actor: Actor,
		id: AccountId,
		token: string,
		opts: { at?: number; hash?: PasswordHash; keys?: Keys; recoveryCode?: string } = {}
	): ChangeOf<'account.setPassword'> {
		return {
			...this.f.envelope(actor, opts.at),
			type: 'account.setPassword',
			payload: {
				accountId: id,
				passwordHash: opts.hash ?? OTHER_PASSWORD,
				reason: 'reset',
				resetTokenHash: hashOf(token),
				...opts.keys,
				...(opts.recoveryCode === undefined ? {} : { recoveryCodeHash: hashOf(opts.recoveryCode) })
			}
		};
	}

	setPassword(
		actor: Actor,
		id: AccountId,
		reason: 'change' | 'first' | 'reset',
		hash: PasswordHash = OTHER_PASSWORD,
		keys?: Keys
	): ChangeOf<'account.setPassword'> {
		return {
			...this.f.envelope(actor),
			type: 'account.setPassword',
			payload: { accountId: id, passwordHash: hash, reason, ...keys }
		};
	}

	profile(
		actor: Actor,
		id: AccountId,
		fields: { name?: string; avatar?: string | null }
	): ChangeOf<'account.updateProfile'> {
		return {
			...this.f.envelope(actor),
			type: 'account.updateProfile',
			payload: { accountId: id, ...fields }
		};
	}

	requestEmail(
		actor: Actor,
		id: AccountId,
		newEmail: string,
		token: string
	): ChangeOf<'account.requestEmailChange'> {
		return {
			...this.f.envelope(actor),
			type: 'account.requestEmailChange',
			payload: { accountId: id, newEmail, token, tokenHash: hashOf(token) }
		};
	}

	confirmEmail(actor: Actor, id: AccountId, token: string): ChangeOf<'account.confirmEmailChange'> {
		return {
			...this.f.envelope(actor),
			type: 'account.confirmEmailChange',
			payload: { accountId: id, tokenHash: hashOf(token) }
		};
	}

	enableTwoStep(
		actor: Actor,
		id: AccountId,
		opts: {
			secret?: string;
			codes?: readonly string[];
			step?: number;
			/** X6: the secret sealed in this resealed vault instead of in clear. */
			vault?: SealedVault;
		} = {}
	): ChangeOf<'account.enableTwoStep'> {
		return {
			...this.f.envelope(actor),
			type: 'account.enableTwoStep',
			payload: {
				accountId: id,
				...(opts.vault === undefined
					? { totpSecret: opts.secret ?? TOTP_SECRET }
					: { vault: opts.vault }),
				recoveryCodeHashes: (opts.codes ?? RECOVERY).map(hashOf),
				verifiedStep: opts.step ?? 1000
			}
		};
	}

	disableTwoStep(actor: Actor, id: AccountId): ChangeOf<'account.disableTwoStep'> {
		return {
			...this.f.envelope(actor),
			type: 'account.disableTwoStep',
			payload: { accountId: id }
		};
	}

	totp(actor: Actor, id: AccountId, step: number): ChangeOf<'account.useTotpStep'> {
		return {
			...this.f.envelope(actor),
			type: 'account.useTotpStep',
			payload: { accountId: id, step }
		};
	}

	recovery(actor: Actor, id: AccountId, code: string): ChangeOf<'account.useRecoveryCode'> {
		return {
			...this.f.envelope(actor),
			type: 'account.useRecoveryCode',
			payload: { accountId: id, recoveryCodeHash: hashOf(code) }
		};
	}

	/** A13: new recovery codes (their hashes) replace the unused ones. */
	regenerate(
		actor: Actor,
		id: AccountId,
		codes: readonly string[]
	): ChangeOf<'account.regenerateRecoveryCodes'> {
		return {
			...this.f.envelope(actor),
			type: 'account.regenerateRecoveryCodes',
			payload: { accountId: id, recoveryCodeHashes: codes.map(hashOf) }
		};
	}

	delete(actor: Actor, id: AccountId): ChangeOf<'account.delete'> {
		return { ...this.f.envelope(actor), type: 'account.delete', payload: { accountId: id } };
	}
}
