// O1: the organization commands' work. Ids and tokens are made here, before the change (S1);
// the core keeps only token hashes (X1). A DNS check happens on this device (the core cannot
// look anything up): finding the record makes a domain.verify that says so (method 'dns').
import { changeId, err, normaliseDomain, ok, organizationId, txtRecordOf } from '$lib/core';
import type { AccountId, OrganizationId, Refusal, Result } from '$lib/core';
import { randomToken, sha256Base64url } from '$lib/security';
import { activeAccountByEmail } from '../accounts/shared';
import type { ChangeDraft, Committed } from '$lib/store/types';
import type { AppContext } from '../context';
import { lookUpTxt, resolverUrl } from './dns';

/** How long a domain's verification mail link works (O1). */
export const DOMAIN_MAIL_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** What only the app knows about an organization command: DNS and finding people. */
export type OrganizationProblem =
	/** O1: no active account with that email on this device. */
	| { readonly code: 'no-such-account' }
	/** O1: the resolver setting is not an https URL (or http on this machine). */
	| { readonly code: 'resolver-invalid' }
	/** O1: the resolver did not answer (it, or the network, is down). */
	| { readonly code: 'dns-unreachable' }
	/** O1: the resolver answered something other than a DNS JSON answer. */
	| { readonly code: 'dns-bad-answer' }
	/** O1: the domain has no TXT record with this organization's value (yet). */
	| { readonly code: 'dns-record-missing'; readonly record: string }
	/** O5: a directory person needs a provider password. */
	| { readonly code: 'provider-password-required' };

export type OrganizationResult<T> = Result<T, Refusal | OrganizationProblem>;

const newChangeId = (ctx: AppContext) => changeId(ctx.newId('c_'));

async function commit(ctx: AppContext, draft: ChangeDraft): Promise<OrganizationResult<Committed>> {
	return ctx.store.commit(draft, ctx.now());
}

export async function createOrganization(
	ctx: AppContext,
	actor: AccountId,
	name: string
): Promise<OrganizationResult<{ committed: Committed; organizationId: OrganizationId }>> {
	const id = organizationId(ctx.newId('org_'));
	const result = await commit(ctx, {
		id: newChangeId(ctx),
		actor,
		type: 'organization.create',
		payload: { organizationId: id, name }
	});
	return result.ok ? ok({ committed: result.value, organizationId: id }) : result;
}

export async function addAdmin(
	ctx: AppContext,
	actor: AccountId,
	input: { readonly organizationId: OrganizationId; readonly email: string }
): Promise<OrganizationResult<Committed>> {
	const account = activeAccountByEmail(ctx.store.state, input.email);
	if (account === undefined) return err({ code: 'no-such-account' });
	return commit(ctx, {
		id: newChangeId(ctx),
		actor,
		type: 'organization.addAdmin',
		payload: { organizationId: input.organizationId, accountId: account.id }
	});
}

export async function addDomain(
	ctx: AppContext,
	actor: AccountId,
	input: { readonly organizationId: OrganizationId; readonly domain: string }
): Promise<OrganizationResult<Committed>> {
	return commit(ctx, {
		id: newChangeId(ctx),
		actor,
		type: 'domain.add',
		payload: {
			organizationId: input.organizationId,
			domain: input.domain,
			tokenHash: await sha256Base64url(randomToken())
		}
	});
}

export async function mailDomainCheck(
	ctx: AppContext,
	actor: AccountId,
	input: {
		readonly organizationId: OrganizationId;
		readonly domain: string;
		readonly address: string;
	}
): Promise<OrganizationResult<Committed>> {
	const token = randomToken();
	return commit(ctx, {
		id: newChangeId(ctx),
		actor,
		type: 'domain.mailCheck',
		payload: {
			...input,
			token,
			tokenHash: await sha256Base64url(token),
			// X7: from the time the change will carry, as the core compares it.
			expiresAt: (await ctx.store.changeTime(ctx.now())) + DOMAIN_MAIL_TTL_MS
		}
	});
}

export async function verifyDomainByMail(
	ctx: AppContext,
	actor: AccountId,
	input: {
		readonly organizationId: OrganizationId;
		readonly domain: string;
		readonly token: string;
	}
): Promise<OrganizationResult<Committed>> {
	return commit(ctx, {
		id: newChangeId(ctx),
		actor,
		type: 'domain.verify',
		payload: {
			organizationId: input.organizationId,
			domain: input.domain,
			method: 'mail',
			tokenHash: await sha256Base64url(input.token)
		}
	});
}

/**
 * O1: looks the domain's TXT records up through the resolver; when one holds the pending
 * domain's value, verifies it (method 'dns'). The core still checks the admin, the domain and
 * that nobody else verified it meanwhile.
 */
export async function checkDomainDns(
	ctx: AppContext,
	actor: AccountId,
	input: {
		readonly organizationId: OrganizationId;
		readonly domain: string;
		readonly resolver: string;
	},
	fetcher?: typeof fetch
): Promise<OrganizationResult<Committed>> {
	const resolver = resolverUrl(input.resolver);
	if (resolver === null) return err({ code: 'resolver-invalid' });
	const domain = normaliseDomain(input.domain);
	const org = ctx.store.state.organizations.get(input.organizationId);
	const entry = org?.domains.find((d) => d.domain === domain);
	if (domain === null || entry === undefined) return err({ code: 'unknown-domain' });
	const answer = await lookUpTxt(resolver, domain, fetcher);
	if (answer.kind === 'unreachable') return err({ code: 'dns-unreachable' });
	if (answer.kind === 'bad-answer') return err({ code: 'dns-bad-answer' });
	const record = txtRecordOf(entry.tokenHash);
	if (!answer.values.includes(record)) return err({ code: 'dns-record-missing', record });
	return commit(ctx, {
		id: newChangeId(ctx),
		actor,
		type: 'domain.verify',
		payload: {
			organizationId: input.organizationId,
			domain,
			method: 'dns',
			tokenHash: entry.tokenHash
		}
	});
}
