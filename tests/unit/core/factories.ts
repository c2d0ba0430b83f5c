// Builds changes for core tests (and store/sync tests): each factory numbers its changes so
// clock order is creation order, and names ids the way the app would make them.
import { expect } from 'vitest';
import {
	accountId,
	apply,
	changeId,
	deviceId,
	emptyState,
	licenseId,
	productId,
	siteId,
	supportRequestId
} from '$lib/core';
import { formatClock } from '$lib/log/clock';
import { changeHash } from '$lib/log/digest';
import type {
	AccountId,
	Applied,
	Change,
	ChangeOf,
	ContactRole,
	Hosting,
	LicenseId,
	NewAccount,
	Refusal,
	SignInSource,
	SiteId,
	State
} from '$lib/core';

export const DAY = 24 * 60 * 60 * 1000;
const HEX_DEVICE = /^[0-9a-f]{16}$/;

/** Stands in for the app's SHA-256 of a token: the rules only compare hashes. */
export const hashOf = (token: string): string => `sha256-${token.replace(/\s/g, '_')}`;
export const T0 = 1_700_000_000_000;

type Envelope = Omit<Change, 'type' | 'payload'>;

export class ChangeFactory {
	private n = 0;
	constructor(
		public device = 'dev-a',
		private readonly start = T0
	) {}

	/** The envelope of the next change; `at` advances one second per change. */
	envelope(actor: AccountId | null, at?: number): Envelope {
		const n = this.n++;
		return {
			id: changeId(`${this.device}-${n}`),
			device: deviceId(this.device),
			// A device named by 16 hex digits gets the store's real clock text (X7), so its
			// changes can go through an import; other names keep a short sortable stand-in.
			clock: HEX_DEVICE.test(this.device)
				? formatClock({ millis: at ?? this.start + n * 1000, counter: 0 }, this.device)
				: `${String(n).padStart(10, '0')}-${this.device}`,
			at: at ?? this.start + n * 1000,
			actor,
			prev: null
		};
	}

	signup(
		id: AccountId,
		email: string,
		name = 'Someone',
		source: SignInSource = 'password',
		token?: string
	): ChangeOf<'account.create'> {
		const payload = { accountId: id, email, name, mode: 'signup' as const, source };
		return {
			...this.envelope(null),
			type: 'account.create',
			payload: token === undefined ? payload : { ...payload, token, tokenHash: hashOf(token) }
		};
	}

	invite(
		actor: AccountId | null,
		id: AccountId,
		email: string,
		name = 'Invited'
	): ChangeOf<'account.create'> {
		return {
			...this.envelope(actor),
			type: 'account.create',
			payload: { accountId: id, email, name, mode: 'invited', source: 'password' }
		};
	}

	site(
		actor: AccountId | null,
		id: SiteId,
		name: string,
		products: string[] = ['issues']
	): ChangeOf<'site.create'> {
		return {
			...this.envelope(actor),
			type: 'site.create',
			payload: { siteId: id, name, productIds: products.map(productId) }
		};
	}

	license(
		actor: AccountId | null,
		id: LicenseId,
		opts: {
			sen?: string;
			product?: string;
			hosting?: Hosting;
			site?: SiteId | null;
			tier?: number;
			expiresAt?: number;
		} = {}
	): ChangeOf<'license.start'> {
		return {
			...this.envelope(actor),
			type: 'license.start',
			payload: {
				licenseId: id,
				sen: opts.sen ?? `SEN-${String(1_000_000 + this.n).padStart(7, '0')}`,
				productId: productId(opts.product ?? 'issues'),
				hosting: opts.hosting ?? (opts.site ? 'cloud' : 'server'),
				siteId: opts.site ?? null,
				tier: opts.tier ?? 25,
				expiresAt: opts.expiresAt ?? T0 + 365 * DAY
			}
		};
	}

	add(
		actor: AccountId | null,
		license: LicenseId,
		role: ContactRole,
		email: string,
		newAccount?: NewAccount
	): ChangeOf<'contact.add'> {
		const payload = { licenseId: license, role, email };
		return {
			...this.envelope(actor),
			type: 'contact.add',
			payload: newAccount === undefined ? payload : { ...payload, newAccount }
		};
	}

	makePrimary(
		actor: AccountId | null,
		license: LicenseId,
		role: ContactRole,
		id: AccountId
	): ChangeOf<'contact.makePrimary'> {
		return {
			...this.envelope(actor),
			type: 'contact.makePrimary',
			payload: { licenseId: license, role, accountId: id }
		};
	}

	remove(
		actor: AccountId | null,
		license: LicenseId,
		role: ContactRole,
		id: AccountId
	): ChangeOf<'contact.delete'> {
		return {
			...this.envelope(actor),
			type: 'contact.delete',
			payload: { licenseId: license, role, accountId: id }
		};
	}

	makeMeBilling(actor: AccountId | null, site: SiteId): ChangeOf<'billing.makeMe'> {
		return { ...this.envelope(actor), type: 'billing.makeMe', payload: { siteId: site } };
	}

	support(
		actor: AccountId | null,
		license: LicenseId,
		subject = 'It broke',
		description = 'Details'
	): ChangeOf<'support.request'> {
		const env = this.envelope(actor);
		return {
			...env,
			type: 'support.request',
			payload: {
				requestId: supportRequestId(`req-${env.id}`),
				licenseId: license,
				subject,
				description
			}
		};
	}

	handover(
		actor: AccountId | null,
		from: AccountId,
		to: string,
		newAccount?: NewAccount
	): ChangeOf<'handover'> {
		const payload = { from, to };
		return {
			...this.envelope(actor),
			type: 'handover',
			payload: newAccount === undefined ? payload : { ...payload, newAccount }
		};
	}

	remind(actor: AccountId | null, at?: number): ChangeOf<'renewal.remind'> {
		return { ...this.envelope(actor, at), type: 'renewal.remind', payload: {} };
	}
}

/** Applies every change and fails the test on the first refusal. */
export function build(changes: readonly Change[], from: State = emptyState()): State {
	let state = from;
	for (const change of changes) state = accept(state, change).state;
	return state;
}

export function accept(state: State, change: Change): Applied {
	const result = apply(state, change);
	if (!result.ok) expect.fail(`${change.type} refused: ${JSON.stringify(result.error)}`);
	return result.value;
}

export function refusal(state: State, change: Change): Refusal {
	const result = apply(state, change);
	if (result.ok) return expect.fail(`${change.type} was accepted`);
	return result.error;
}

// A small cast of people on the domains the rules care about.
export const A = {
	alice: accountId('alice'), // alice@acme.com
	bob: accountId('bob'), // bob@acme.com
	carol: accountId('carol'), // carol@gmail.com
	dave: accountId('dave'), // dave@other.org
	erin: accountId('erin'), // erin@mail.acme.com
	gina: accountId('gina') // gina@gmail.com
} as const;
export const L1 = licenseId('lic-1');
export const L2 = licenseId('lic-2');
export const S1 = siteId('site-1');

/** Everyone signed up; alice owns server license L1 (SEN-0000001). */
export function world(f = new ChangeFactory()): { f: ChangeFactory; state: State } {
	const state = build([
		f.signup(A.alice, 'alice@acme.com', 'Alice'),
		f.signup(A.bob, 'bob@acme.com', 'Bob'),
		f.signup(A.carol, 'carol@gmail.com', 'Carol'),
		f.signup(A.dave, 'dave@other.org', 'Dave'),
		f.signup(A.erin, 'erin@mail.acme.com', 'Erin'),
		f.signup(A.gina, 'gina@gmail.com', 'Gina'),
		f.license(A.alice, L1, { sen: 'SEN-0000001' })
	]);
	return { f, state };
}

export function license(state: State, id: LicenseId = L1) {
	const l = state.licenses.get(id);
	if (l === undefined) return expect.fail(`no license ${id}`);
	return l;
}

/**
 * X5: the same changes with each one's `prev` set to the hash of the previous change of its
 * device, in the order given (the factory's creation order), as a store would stamp them.
 */
export function linkChains(changes: readonly Change[]): Change[] {
	const heads = new Map<string, string>();
	return changes.map((change) => {
		const linked: Change = { ...change, prev: heads.get(change.device) ?? null };
		heads.set(change.device, changeHash(linked));
		return linked;
	});
}
