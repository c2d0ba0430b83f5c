// The organization commands of the command map (declared in organization-command-types.ts):
// each needs a logged-in actor and answers the work of organizations/ as the map's Ran.
import { changeId } from '$lib/core';
import type { AccountId, Refusal, Result } from '$lib/core';
import type { Committed } from '$lib/store/types';
import type { Command, Ran } from './command-types';
import type { AppContext } from './context';
import type { OrganizationInputs, OrganizationOutputs } from './organization-command-types';
import {
	addAdmin,
	addDomain,
	checkDomainDns,
	createOrganization,
	mailDomainCheck,
	verifyDomainByMail
} from './organizations';
import type { OrganizationProblem } from './organizations';
import { checkAuditChains, loadAudit } from './organizations/audit';
import {
	putDirectoryPerson,
	removeDirectoryPerson,
	runGoogleSync,
	setSignIn
} from './organizations/sso';

type OrganizationCommands = {
	readonly [N in keyof OrganizationInputs]: Command<OrganizationInputs[N], OrganizationOutputs[N]>;
};

type Problem = Refusal | OrganizationProblem;

/** A command of a logged-in admin that commits one change (or is refused). */
function act<I, O>(
	run: (ctx: AppContext, actor: AccountId, input: I) => Promise<Result<O, Problem>>,
	committedOf: (value: O) => Committed,
	options: { readonly confirm?: 'always' } = {}
): Command<I, O> {
	return {
		needsActor: true,
		async run(ctx, actor, input, hooks): Promise<Ran<O>> {
			if (actor === null) return { kind: 'refused', refusal: { code: 'unknown-account' } };
			if (options.confirm === 'always' && !(await hooks.confirm('always'))) {
				return { kind: 'cancelled' };
			}
			const result = await run(ctx, actor, input);
			if (!result.ok) return { kind: 'refused', refusal: result.error };
			const committed = committedOf(result.value);
			return { kind: 'done', value: result.value, committed, undo: null };
		}
	};
}

/** A read of a logged-in admin: its value, nothing committed. */
function read<I, O>(
	run: (ctx: AppContext, actor: AccountId, input: I) => Promise<Result<O, Problem>>
): Command<I, O> {
	return {
		needsActor: true,
		async run(ctx, actor, input): Promise<Ran<O>> {
			if (actor === null) return { kind: 'refused', refusal: { code: 'unknown-account' } };
			const result = await run(ctx, actor, input);
			if (!result.ok) return { kind: 'refused', refusal: result.error };
			return { kind: 'done', value: result.value, committed: null, undo: null };
		}
	};
}

const newId = (ctx: AppContext) => changeId(ctx.newId('c_'));

/** A command whose value is the commit itself. */
const commits = <I>(
	run: (ctx: AppContext, actor: AccountId, input: I) => Promise<Result<Committed, Problem>>,
	options: { readonly confirm?: 'always' } = {}
): Command<I, Committed> => act(run, (c) => c, options);

export const organizationCommands: OrganizationCommands = {
	'organization.create': act(
		(ctx, actor, input) => createOrganization(ctx, actor, input.name),
		(created) => created.committed
	),
	'organization.addAdmin': commits((ctx, actor, input) => addAdmin(ctx, actor, input)),
	'organization.removeAdmin': commits((ctx, actor, input) =>
		ctx.store.commit(
			{ id: newId(ctx), actor, type: 'organization.removeAdmin', payload: input },
			ctx.now()
		)
	),
	'domain.add': commits((ctx, actor, input) => addDomain(ctx, actor, input)),
	// O2: removing a domain ends the management of its accounts: always asked first.
	'domain.remove': commits(
		(ctx, actor, input) =>
			ctx.store.commit({ id: newId(ctx), actor, type: 'domain.remove', payload: input }, ctx.now()),
		{ confirm: 'always' }
	),
	'domain.mailCheck': commits((ctx, actor, input) => mailDomainCheck(ctx, actor, input)),
	'domain.verifyByMail': commits((ctx, actor, input) => verifyDomainByMail(ctx, actor, input)),
	'domain.checkDns': commits((ctx, actor, input) => checkDomainDns(ctx, actor, input)),
	'audit.load': read((ctx, actor, input) => loadAudit(ctx, actor, input.organizationId)),
	'audit.chains': read((ctx, actor, input) =>
		checkAuditChains(ctx, actor, input.organizationId, input.devices)
	),
	'organization.setSignIn': commits((ctx, actor, input) => setSignIn(ctx, actor, input)),
	'directory.put': commits((ctx, actor, input) => putDirectoryPerson(ctx, actor, input)),
	// O5: a removed person's account is deactivated by the next Google sync: always asked first.
	'directory.remove': commits((ctx, actor, input) => removeDirectoryPerson(ctx, actor, input), {
		confirm: 'always'
	}),
	'google.sync': act(
		(ctx, actor, input) => runGoogleSync(ctx, actor, input),
		(synced) => synced.committed
	)
};
