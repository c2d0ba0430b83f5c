// O5: the single sign-on commands' work. The directory person's provider password is hashed
// here, before the change (X1, S1: the core only keeps the hash). Google sync's report is the
// core's own plan (`planGoogleSync`), worked out from the state the change is applied to, so
// what the admin reads is what the rule did.
import { changeId, err, ok, planGoogleSync } from '$lib/core';
import type { AccountId, OrganizationId } from '$lib/core';
import type { Committed } from '$lib/store/types';
import type { AppContext } from '../context';
import { kdfOf } from '../kdf';
import type { OrganizationResult } from './index';

export type SignInChoice = 'none' | 'saml' | 'google';

export interface DirectoryPersonInput {
	readonly organizationId: OrganizationId;
	readonly email: string;
	readonly name: string;
	/** The provider password, in clear only until it is hashed here. */
	readonly password: string;
	readonly groups: readonly string[];
}

/** One account a Google sync touched, as the report names it. */
export interface SyncedPerson {
	readonly email: string;
	readonly name: string;
}

/** O5: what a Google sync did (the core's plan, applied). */
export interface GoogleSyncReport {
	readonly groups: readonly string[];
	readonly created: readonly SyncedPerson[];
	readonly renamed: readonly (SyncedPerson & { readonly from: string })[];
	readonly reactivated: readonly SyncedPerson[];
	readonly deactivated: readonly SyncedPerson[];
	/** Leavers kept active because they are a primary contact somewhere (A8). */
	readonly keptPrimary: readonly SyncedPerson[];
}

const newChangeId = (ctx: AppContext) => changeId(ctx.newId('c_'));

/** Groups as typed: one per comma or line, trimmed, without empties or repeats. */
export function groupList(text: string | readonly string[]): string[] {
	const parts = typeof text === 'string' ? text.split(/[,\n]/) : text;
	return [...new Set(parts.map((g) => g.trim()).filter((g) => g !== ''))];
}

export function setSignIn(
	ctx: AppContext,
	actor: AccountId,
	input: { readonly organizationId: OrganizationId; readonly provider: SignInChoice }
): Promise<OrganizationResult<Committed>> {
	return ctx.store.commit(
		{ id: newChangeId(ctx), actor, type: 'organization.setSignIn', payload: input },
		ctx.now()
	);
}

export async function putDirectoryPerson(
	ctx: AppContext,
	actor: AccountId,
	input: DirectoryPersonInput
): Promise<OrganizationResult<Committed>> {
	if (input.password === '') return err({ code: 'provider-password-required' });
	const passwordHash = await kdfOf(ctx).hash(input.password);
	return ctx.store.commit(
		{
			id: newChangeId(ctx),
			actor,
			type: 'directory.put',
			payload: {
				organizationId: input.organizationId,
				email: input.email,
				name: input.name,
				passwordHash,
				groups: groupList(input.groups)
			}
		},
		ctx.now()
	);
}

export function removeDirectoryPerson(
	ctx: AppContext,
	actor: AccountId,
	input: { readonly organizationId: OrganizationId; readonly email: string }
): Promise<OrganizationResult<Committed>> {
	return ctx.store.commit(
		{ id: newChangeId(ctx), actor, type: 'directory.remove', payload: input },
		ctx.now()
	);
}

const named = (a: { readonly email: string; readonly name: string }): SyncedPerson => ({
	email: a.email,
	name: a.name
});

export async function runGoogleSync(
	ctx: AppContext,
	actor: AccountId,
	input: { readonly organizationId: OrganizationId; readonly groups: readonly string[] }
): Promise<OrganizationResult<{ committed: Committed; report: GoogleSyncReport }>> {
	const groups = groupList(input.groups);
	const org = ctx.store.state.organizations.get(input.organizationId);
	// The plan of the state the change meets: read right before committing, as the rule will.
	const plan = org === undefined ? null : planGoogleSync(ctx.store.state, org, groups);
	const result = await ctx.store.commit(
		{
			id: newChangeId(ctx),
			actor,
			type: 'google.sync',
			payload: { organizationId: input.organizationId, groups }
		},
		ctx.now()
	);
	if (!result.ok) return result;
	if (plan === null) return err({ code: 'unknown-organization' });
	return ok({
		committed: result.value,
		report: {
			groups: [...groups].sort(),
			created: plan.create.map(named),
			renamed: plan.rename.map((r) => ({
				email: r.account.email,
				name: r.name,
				from: r.account.name
			})),
			reactivated: plan.reactivate.map(named),
			deactivated: plan.deactivate.map(named),
			keptPrimary: plan.blocked.map(named)
		}
	});
}
