// Builds the organization changes (O1, O2) for tests, on top of a ChangeFactory so clock order
// stays creation order. `hashOf` stands in for the app's SHA-256 of the verification token.
import { organizationId } from '$lib/core';
import type { AccountId, Change, ChangeOf, OrganizationId } from '$lib/core';
import { hashOf } from './factories';
import type { ChangeFactory } from './factories';

type Actor = AccountId | null;

export const O1 = organizationId('org-1');
export const O2 = organizationId('org-2');

/** The token a domain's verification carries in these tests (DNS TXT value or mailed code). */
export const domainToken = (org: OrganizationId, domain: string): string => `tok-${org}-${domain}`;

export class OrganizationChanges {
	constructor(private readonly f: ChangeFactory) {}

	create(actor: Actor, id: OrganizationId, name = 'Acme'): ChangeOf<'organization.create'> {
		return {
			...this.f.envelope(actor),
			type: 'organization.create',
			payload: { organizationId: id, name }
		};
	}

	addAdmin(
		actor: Actor,
		id: OrganizationId,
		account: AccountId
	): ChangeOf<'organization.addAdmin'> {
		return {
			...this.f.envelope(actor),
			type: 'organization.addAdmin',
			payload: { organizationId: id, accountId: account }
		};
	}

	removeAdmin(
		actor: Actor,
		id: OrganizationId,
		account: AccountId
	): ChangeOf<'organization.removeAdmin'> {
		return {
			...this.f.envelope(actor),
			type: 'organization.removeAdmin',
			payload: { organizationId: id, accountId: account }
		};
	}

	addDomain(
		actor: Actor,
		id: OrganizationId,
		domain: string,
		token = domainToken(id, domain)
	): ChangeOf<'domain.add'> {
		return {
			...this.f.envelope(actor),
			type: 'domain.add',
			payload: { organizationId: id, domain, tokenHash: hashOf(token) }
		};
	}

	/** DNS: presents the hash of `token` (by default the one `addDomain` made). */
	verify(
		actor: Actor,
		id: OrganizationId,
		domain: string,
		token = domainToken(id, domain)
	): ChangeOf<'domain.verify'> {
		return {
			...this.f.envelope(actor),
			type: 'domain.verify',
			payload: { organizationId: id, domain, method: 'dns', tokenHash: hashOf(token) }
		};
	}

	/** Mails a verification link with `token`, working for `ttl` ms after the change. */
	mailCheck(
		actor: Actor,
		id: OrganizationId,
		domain: string,
		address: string,
		token = `mail-${domainToken(id, domain)}`,
		ttl = 24 * 60 * 60 * 1000
	): ChangeOf<'domain.mailCheck'> {
		const env = this.f.envelope(actor);
		return {
			...env,
			type: 'domain.mailCheck',
			payload: {
				organizationId: id,
				domain,
				address,
				token,
				tokenHash: hashOf(token),
				expiresAt: env.at + ttl
			}
		};
	}

	/** Mail: presents the hash of the token of the mail's link. */
	verifyByMail(
		actor: Actor,
		id: OrganizationId,
		domain: string,
		token = `mail-${domainToken(id, domain)}`
	): ChangeOf<'domain.verify'> {
		return {
			...this.f.envelope(actor),
			type: 'domain.verify',
			payload: { organizationId: id, domain, method: 'mail', tokenHash: hashOf(token) }
		};
	}

	removeDomain(actor: Actor, id: OrganizationId, domain: string): ChangeOf<'domain.remove'> {
		return {
			...this.f.envelope(actor),
			type: 'domain.remove',
			payload: { organizationId: id, domain }
		};
	}

	/** O3: by default strength 3, 12 characters, never expires. */
	passwordPolicy(
		actor: Actor,
		id: OrganizationId,
		policy: { minStrength?: number; minLength?: number; maxAgeDays?: number | null } = {}
	): ChangeOf<'organization.setPasswordPolicy'> {
		return {
			...this.f.envelope(actor),
			type: 'organization.setPasswordPolicy',
			payload: {
				organizationId: id,
				minStrength: policy.minStrength ?? 3,
				minLength: policy.minLength ?? 12,
				maxAgeDays: policy.maxAgeDays === undefined ? null : policy.maxAgeDays
			}
		};
	}

	/** O4 */
	twoStepPolicy(
		actor: Actor,
		id: OrganizationId,
		required: boolean
	): ChangeOf<'organization.setTwoStepPolicy'> {
		return {
			...this.f.envelope(actor),
			type: 'organization.setTwoStepPolicy',
			payload: { organizationId: id, required }
		};
	}

	/** A6/O2: an admin's action on a managed account (every managed.* change but the two below). */
	act(
		actor: Actor,
		id: OrganizationId,
		type: 'managed.deactivate' | 'managed.reactivate' | 'managed.delete' | 'managed.resetTwoStep',
		account: AccountId
	): ChangeOf<typeof type> {
		return {
			...this.f.envelope(actor),
			type,
			payload: { organizationId: id, accountId: account }
		};
	}

	changeEmail(
		actor: Actor,
		id: OrganizationId,
		account: AccountId,
		email: string
	): ChangeOf<'managed.changeEmail'> {
		return {
			...this.f.envelope(actor),
			type: 'managed.changeEmail',
			payload: { organizationId: id, accountId: account, email }
		};
	}

	changeName(
		actor: Actor,
		id: OrganizationId,
		account: AccountId,
		name: string
	): ChangeOf<'managed.changeName'> {
		return {
			...this.f.envelope(actor),
			type: 'managed.changeName',
			payload: { organizationId: id, accountId: account, name }
		};
	}
}

/** O5 changes: sign-in settings, the simulated directory and Google sync. */
export class SsoChanges {
	constructor(private readonly f: ChangeFactory) {}

	setSignIn(
		actor: Actor,
		id: OrganizationId,
		provider: 'none' | 'saml' | 'google'
	): ChangeOf<'organization.setSignIn'> {
		return {
			...this.f.envelope(actor),
			type: 'organization.setSignIn',
			payload: { organizationId: id, provider }
		};
	}

	put(
		actor: Actor,
		id: OrganizationId,
		email: string,
		name: string,
		groups: readonly string[] = []
	): ChangeOf<'directory.put'> {
		return {
			...this.f.envelope(actor),
			type: 'directory.put',
			payload: { organizationId: id, email, name, passwordHash: DIRECTORY_HASH, groups }
		};
	}

	remove(actor: Actor, id: OrganizationId, email: string): ChangeOf<'directory.remove'> {
		return {
			...this.f.envelope(actor),
			type: 'directory.remove',
			payload: { organizationId: id, email }
		};
	}

	sync(actor: Actor, id: OrganizationId, groups: readonly string[]): ChangeOf<'google.sync'> {
		return {
			...this.f.envelope(actor),
			type: 'google.sync',
			payload: { organizationId: id, groups }
		};
	}
}

export const DIRECTORY_HASH = {
	alg: 'PBKDF2-SHA256',
	iterations: 600_000,
	salt: 'c2FsdHNhbHRzYWx0c2FsdA',
	hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
	length: 32
} as const;

/** An account that signs in through an identity provider (A7), and who makes it. */
export interface ProviderPerson {
	readonly id: AccountId;
	readonly email: string;
	readonly name: string;
	readonly source: 'saml' | 'google';
}

/**
 * O5/A7: the changes by which a provider account honestly comes to exist. The organization
 * `org` of `admin` signs in through the person's provider with the person in its directory,
 * their first sign-in creates the account, and single sign-on is turned off again so the rest
 * of the test's world logs in as before. With `create`, the organization is made first and
 * verifies the address's domain; otherwise it must have verified it already.
 */
export function providerSignup(
	f: ChangeFactory,
	person: ProviderPerson,
	{ admin, org, create }: { admin: AccountId; org: OrganizationId; create: boolean }
): Change[] {
	const o = new OrganizationChanges(f);
	const s = new SsoChanges(f);
	const domain = person.email.slice(person.email.lastIndexOf('@') + 1);
	return [
		...(create
			? [o.create(admin, org), o.addDomain(admin, org, domain), o.verify(admin, org, domain)]
			: []),
		s.setSignIn(admin, org, person.source),
		s.put(admin, org, person.email, person.name),
		f.signup(person.id, person.email, person.name, person.source),
		s.setSignIn(admin, org, 'none')
	];
}
