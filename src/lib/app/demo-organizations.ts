// P3: the demo's two organizations (core/demo-organizations.ts) as the changes their admins
// would make on the Organization page (O1–O5): create the organization, add the company
// domain, verify it through a mail to an address there, set the policies or the sign-in
// provider, keep the simulated directory and provision the SAML people's accounts (source SAML,
// no Tessera password: the provider vouches for the address, A7). Every change goes through the
// core like a click, so the audit log (O6) shows the demo's history with its actors and times.
import { accountId, changeId, organizationId } from '$lib/core';
import type { PasswordHash } from '$lib/core';
import type { ChangeDraft } from '$lib/store/types';
import { DEMO_ORGANIZATIONS } from '$lib/core/demo-organizations';
import type { DemoOrganization } from '$lib/core/demo-organizations';
import { demoPerson } from '$lib/core/demo-data';
import type { AppContext } from './context';
import { DOMAIN_MAIL_TTL_MS } from './organizations';

export interface OrganizationSecrets {
	/** The demo password's one hash: the directory's provider password (O5, X1). */
	readonly passwordHash: PasswordHash;
	readonly token: () => Promise<{ token: string; tokenHash: string }>;
	/** The time the demo's changes carry (X7), for the verification mail's expiry. */
	readonly at: number;
}

const cid = (ctx: AppContext) => changeId(ctx.newId('c_'));

export async function organizationDrafts(
	ctx: AppContext,
	secrets: OrganizationSecrets
): Promise<ChangeDraft[]> {
	const drafts: ChangeDraft[] = [];
	for (const org of DEMO_ORGANIZATIONS) drafts.push(...(await oneOrganization(ctx, org, secrets)));
	return drafts;
}

async function oneOrganization(
	ctx: AppContext,
	org: DemoOrganization,
	secrets: OrganizationSecrets
): Promise<ChangeDraft[]> {
	const actor = accountId(demoPerson(org.admin).id);
	const oid = organizationId(org.id);
	const added = await secrets.token();
	const mailed = await secrets.token();
	const drafts: ChangeDraft[] = [
		{
			id: cid(ctx),
			actor,
			type: 'organization.create',
			payload: { organizationId: oid, name: org.name }
		},
		{
			id: cid(ctx),
			actor,
			type: 'domain.add',
			payload: { organizationId: oid, domain: org.domain, tokenHash: added.tokenHash }
		},
		{
			id: cid(ctx),
			actor,
			type: 'domain.mailCheck',
			payload: {
				organizationId: oid,
				domain: org.domain,
				address: org.verifyAddress,
				token: mailed.token,
				tokenHash: mailed.tokenHash,
				expiresAt: secrets.at + DOMAIN_MAIL_TTL_MS
			}
		},
		// The admin followed the mail's link (O1: verified through Mail, offline).
		{
			id: cid(ctx),
			actor,
			type: 'domain.verify',
			payload: {
				organizationId: oid,
				domain: org.domain,
				method: 'mail',
				tokenHash: mailed.tokenHash
			}
		}
	];
	if (org.passwordPolicy !== null) {
		drafts.push({
			id: cid(ctx),
			actor,
			type: 'organization.setPasswordPolicy',
			payload: { organizationId: oid, ...org.passwordPolicy }
		});
	}
	if (org.requireTwoStep) {
		drafts.push({
			id: cid(ctx),
			actor,
			type: 'organization.setTwoStepPolicy',
			payload: { organizationId: oid, required: true }
		});
	}
	if (org.signIn !== 'none') {
		drafts.push({
			id: cid(ctx),
			actor,
			type: 'organization.setSignIn',
			payload: { organizationId: oid, provider: org.signIn }
		});
	}
	for (const key of org.directory) {
		const person = demoPerson(key);
		drafts.push({
			id: cid(ctx),
			actor,
			type: 'directory.put',
			payload: {
				organizationId: oid,
				email: person.email,
				name: person.name,
				passwordHash: secrets.passwordHash,
				groups: []
			}
		});
	}
	// Their accounts, provisioned by the admin (C4's account made for someone else), signing in
	// through the SAML provider (A7: the provider vouches for the address, no Tessera password).
	for (const key of org.directory) {
		const person = demoPerson(key);
		drafts.push({
			id: cid(ctx),
			actor,
			type: 'account.create',
			payload: {
				accountId: accountId(person.id),
				email: person.email,
				name: person.name,
				mode: 'invited',
				source: 'saml'
			}
		});
	}
	return drafts;
}
