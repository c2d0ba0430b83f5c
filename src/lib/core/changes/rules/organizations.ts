// O1/O2: organizations, their admins and their domains. Only an admin changes an organization
// (the creator is the first one); an organization never has zero admins; a domain is normalised
// as C5 does, a public one is never added or verified, and at most one organization verifies a
// domain (the state's domain index says which).
import { isPublicDomain, normaliseDomain, normaliseEmail } from '../../domains';
import { domainCheckMail } from '../../mail-organizations';
import type { Refusal } from '../../errors';
import type { OrganizationId } from '../../ids';
import type { Account, Organization, OrganizationDomain } from '../../model';
import { ok } from '../../result';
import type { Result } from '../../result';
import { isToken } from '../account-guards';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_NAME, requireActor, text } from '../guards';
import type {
	DomainAdd,
	DomainMailCheck,
	DomainRemove,
	DomainVerify,
	OrganizationAddAdmin,
	OrganizationCreate,
	OrganizationRemoveAdmin
} from '../organization-types';

/** S6 then O1: an active actor who is an admin of an organization on this device. */
export function requireAdmin(
	d: Draft,
	id: OrganizationId
): Result<{ actor: Account; org: Organization }, Refusal> {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const org = d.organization(id);
	if (org === undefined) return refuse('unknown-organization', { id });
	if (!org.admins.includes(actor.value.id)) return refuse('not-organization-admin');
	return ok({ actor: actor.value, org });
}

/** C5's normal form, or why the text is not a domain an organization may have. */
function requireDomain(input: string): Result<string, Refusal> {
	const domain = normaliseDomain(input);
	if (domain === null) return refuse('invalid-domain');
	if (isPublicDomain(domain)) return refuse('public-domain');
	return ok(domain);
}

/** The organization (other than `self`) that verified the domain, if any. */
function verifiedElsewhere(d: Draft, domain: string, self: OrganizationId): boolean {
	const owner = d.state.organizationIdByDomain.get(domain);
	return owner !== undefined && owner !== self;
}

export function organizationCreate(d: Draft, c: OrganizationCreate): Outcome {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const p = c.payload;
	if (d.organization(p.organizationId) !== undefined) {
		return refuse('duplicate-id', { id: p.organizationId });
	}
	const name = text(p.name, MAX_NAME);
	if (name === null) return refuse('invalid-payload', { field: 'name' });
	d.putOrganization({
		id: p.organizationId,
		name,
		admins: [actor.value.id],
		domains: [],
		createdAt: c.at
	});
	return done();
}

export function organizationAddAdmin(d: Draft, c: OrganizationAddAdmin): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const { org } = admin.value;
	const account = d.account(p.accountId);
	if (account === undefined) return refuse('unknown-account', { id: p.accountId });
	if (account.status !== 'active') return refuse('account-inactive');
	if (org.admins.includes(account.id)) return refuse('already-admin');
	d.putOrganization({ ...org, admins: [...org.admins, account.id] });
	return done();
}

export function organizationRemoveAdmin(d: Draft, c: OrganizationRemoveAdmin): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const { org } = admin.value;
	if (!org.admins.includes(p.accountId)) return refuse('not-an-admin');
	if (org.admins.length === 1) return refuse('last-admin');
	d.putOrganization({ ...org, admins: org.admins.filter((id) => id !== p.accountId) });
	return done();
}

export function domainAdd(d: Draft, c: DomainAdd): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const { org } = admin.value;
	const domain = requireDomain(p.domain);
	if (!domain.ok) return domain;
	if (!isToken(p.tokenHash)) return refuse('invalid-payload', { field: 'tokenHash' });
	if (org.domains.some((x) => x.domain === domain.value)) return refuse('domain-already-added');
	if (verifiedElsewhere(d, domain.value, org.id)) return refuse('domain-taken');
	const added: OrganizationDomain = {
		domain: domain.value,
		status: 'pending',
		tokenHash: p.tokenHash,
		addedAt: c.at,
		verifiedAt: null
	};
	d.putOrganization({ ...org, domains: [...org.domains, added] });
	return done();
}

/** The pending domain of the organization, by any spelling C5 normalises. */
function requirePending(org: Organization, input: string): Result<OrganizationDomain, Refusal> {
	const domain = requireDomain(input);
	if (!domain.ok) return domain;
	const entry = org.domains.find((x) => x.domain === domain.value);
	if (entry === undefined) return refuse('unknown-domain');
	if (entry.status !== 'pending') return refuse('domain-already-verified');
	return ok(entry);
}

function replaceDomain(org: Organization, entry: OrganizationDomain, next: OrganizationDomain) {
	return { ...org, domains: org.domains.map((x) => (x === entry ? next : x)) };
}

export function domainMailCheck(d: Draft, c: DomainMailCheck): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const { org } = admin.value;
	const pending = requirePending(org, p.domain);
	if (!pending.ok) return pending;
	const entry = pending.value;
	const address = normaliseEmail(p.address);
	if (address === null) return refuse('invalid-email');
	if (address.domain !== entry.domain) return refuse('address-not-at-domain');
	if (!isToken(p.token)) return refuse('invalid-payload', { field: 'token' });
	if (!isToken(p.tokenHash)) return refuse('invalid-payload', { field: 'tokenHash' });
	if (!Number.isSafeInteger(p.expiresAt) || p.expiresAt <= c.at) {
		return refuse('invalid-payload', { field: 'expiresAt' });
	}
	// Only the latest mail's link works: a new one replaces the previous token.
	const mailCheck = { address: address.email, tokenHash: p.tokenHash, expiresAt: p.expiresAt };
	d.putOrganization(replaceDomain(org, entry, { ...entry, mailCheck }));
	d.send(
		{ email: address.email, emailKey: address.key },
		domainCheckMail(org, entry.domain, address.email, p.token, p.expiresAt)
	);
	return done();
}

export function domainVerify(d: Draft, c: DomainVerify): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const { org } = admin.value;
	const pending = requirePending(org, p.domain);
	if (!pending.ok) return pending;
	const entry = pending.value;
	if (verifiedElsewhere(d, entry.domain, org.id)) return refuse('domain-taken');
	if (p.method === 'mail') {
		const check = entry.mailCheck;
		if (check === undefined || check === null) return refuse('no-verification-mail');
		if (c.at > check.expiresAt) return refuse('token-expired');
		if (check.tokenHash !== p.tokenHash) return refuse('invalid-token');
	} else if (p.method === 'dns') {
		if (entry.tokenHash !== p.tokenHash) return refuse('invalid-token');
	} else return refuse('invalid-payload', { field: 'method' });
	const verified: OrganizationDomain = {
		...entry,
		status: 'verified',
		verifiedAt: c.at,
		mailCheck: null
	};
	d.putOrganization(replaceDomain(org, entry, verified));
	return done();
}

export function domainRemove(d: Draft, c: DomainRemove): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const { org } = admin.value;
	const domain = normaliseDomain(p.domain);
	if (domain === null) return refuse('invalid-domain');
	if (!org.domains.some((x) => x.domain === domain)) return refuse('unknown-domain');
	d.putOrganization({ ...org, domains: org.domains.filter((x) => x.domain !== domain) });
	return done();
}
