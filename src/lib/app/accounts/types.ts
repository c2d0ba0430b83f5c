// What the account commands need beyond the AppContext, and what they answer. Expected
// failures are values (our error policy, docs/architecture.md): a core refusal, or one of the few outcomes only
// the app can know (a wrong password, a wrong code, throttling, sudo mode).
import type { Account, AccountPolicy, PasswordPolicyProblem, Refusal } from '$lib/core';
import type { AppContext } from '../context';
import type { Keyring } from './keyring';

/** What a throttled attempt did, so the gate can count it (X2). */
export type AttemptOutcome = 'success' | 'failure' | 'neutral';

export type Throttled<T> =
	| { readonly throttled: false; readonly value: T }
	| { readonly throttled: true; readonly retryAt: number; readonly reason: 'slow-down' | 'locked' };

/**
 * X2: counts failed attempts per key on this device and refuses attempts while the schedule
 * says wait. `attempt` runs the task exclusively across tabs, so parallel tabs cannot each
 * see "allowed" and try at once. Device-local: never a change, never synced.
 */
export interface ThrottleGate {
	attempt<T>(
		key: string,
		now: () => number,
		task: () => Promise<{ readonly outcome: AttemptOutcome; readonly value: T }>
	): Promise<Throttled<T>>;
}

export interface AccountsContext extends AppContext {
	readonly throttle: ThrottleGate;
	/** X6: the logged-in account's vault key, for this tab's session (see keyring.ts). */
	readonly keyring: Keyring;
	/**
	 * A12: the policy the required actions at log in are judged against; by default the one of
	 * the organization that manages the account (O3, O4: core's accountPolicy).
	 */
	readonly policy?: (account: Account) => AccountPolicy;
}

/** Outcomes that are not core refusals. */
export type LocalProblem =
	| { readonly code: 'wrong-password' }
	| { readonly code: 'wrong-code'; readonly reused: boolean }
	| {
			readonly code: 'throttled';
			readonly retryAt: number;
			readonly reason: 'slow-down' | 'locked';
	  }
	/** A12: the password was last entered more than ten minutes ago. */
	| { readonly code: 'reauth-required' }
	/** The session's account is gone from this device (deleted, reset, another device). */
	| { readonly code: 'no-account' }
	/** A6: the account is deactivated, by an admin of this organization when it is named. */
	| { readonly code: 'deactivated'; readonly organization: string | null }
	/** A7: the account signs in through its identity provider, not with a password. */
	| { readonly code: 'identity-provider'; readonly source: 'google' | 'saml' }
	/** X6: the password is right but the account's vault does not open: reset the password. */
	| { readonly code: 'key-unreadable' }
	/** A9: the address is only a service-desk customer of these sites (no account has it). */
	| { readonly code: 'desk-customer'; readonly sites: readonly string[] }
	/** A log in ran out of time, or the account changed meanwhile: start again. */
	| { readonly code: 'login-expired' }
	/** O3: the new password breaks the managing organization's password policy. */
	| PasswordPolicyProblem;

export type AccountProblem = Refusal | LocalProblem;
