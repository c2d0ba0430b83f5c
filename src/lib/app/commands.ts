/**
 * The command map (docs/architecture.md; after Actual's `app.method('tags-create',
 * mutator(undoable(createTag)))`): every command the UI can run, by name, declared once with
 * its input type (command-types.ts). The UI runs them only through `perform` (state/), which
 * resolves the actor, asks for confirmations, tracks busy and turns outcomes into words.
 *
 * - `mutation(draft)` builds one change and commits it (S1);
 * - `{ undo }` also works out, before committing, the change that would take it back, and
 *   dry-runs both (the same rules, on a copy): when the undo would be refused, the person is
 *   asked to confirm first instead;
 * - `{ confirm: 'always' }` asks every time (C10);
 * - `task(...)` is anything else: a preview, bulk work with progress, the device reset, and
 *   the Sync page's reads, export and import (sync.ts, loaded with the first of them: it pulls
 *   in zod, which no other page needs). Their reports (an empty queue, a refused file …) are
 *   values the words are made from, so they come back as done.
 */
import type { AccountId, State } from '$lib/core';
import type { ChangeDraft, Committed } from '$lib/store/types';
import type {
	ChangeInputs,
	ChangeName,
	Command,
	CommandMap,
	Hooks,
	Ran,
	Step
} from './command-types';
import { accountCommands } from './account-commands';
import { billingDetailsDraft, renewDraft } from './billing';
import { organizationAccountCommands } from './organization-account-commands';
import { organizationCommands } from './organization-commands';
import { productCommands } from './product-commands';
import type { AppContext } from './context';
import {
	addCustomerDraft,
	migrateCustomerDraft,
	removeCustomerDraft,
	renameCustomerDraft
} from './desk';
import { resetDevice } from './device';
import { supportCommands } from './support-commands';
import { commitDraft, dryRun } from './dry-run';
import {
	addContactDraft,
	createSiteDraft,
	deleteContactDraft,
	handoverDraft,
	makeMeBillingContactDraft,
	makePrimaryDraft,
	previewHandover,
	remindRenewalsDraft,
	requestSupportDraft,
	startLicenseDraft
} from './licenses';
import type { ContactRef } from './licenses';
import { passwordPolicyDraft, twoStepPolicyDraft } from './policies';
import type * as SyncApi from './sync';
import type * as LiveApi from './live-commands';

type Draft<I> = (ctx: AppContext, actor: AccountId, input: I) => ChangeDraft;

/** The draft builder of every change command: what `mutation` commits and undo dry-runs. */
const drafts: { readonly [N in ChangeName]: Draft<ChangeInputs[N]> } = {
	'license.start': startLicenseDraft,
	'site.create': createSiteDraft,
	'contact.add': addContactDraft,
	'contact.makePrimary': makePrimaryDraft,
	'contact.delete': deleteContactDraft,
	'billing.makeMe': makeMeBillingContactDraft,
	'support.request': requestSupportDraft,
	'billing.setDetails': billingDetailsDraft,
	'license.renew': renewDraft,
	'renewal.remind': (ctx, actor) => remindRenewalsDraft(ctx, actor),
	'handover.apply': handoverDraft,
	'organization.setPasswordPolicy': passwordPolicyDraft,
	'organization.setTwoStepPolicy': twoStepPolicyDraft,
	'customer.add': addCustomerDraft,
	'customer.rename': renameCustomerDraft,
	'customer.remove': removeCustomerDraft,
	'customer.migrate': migrateCustomerDraft
};

function draftOf<N extends ChangeName>(
	ctx: AppContext,
	actor: AccountId,
	step: { readonly command: N; readonly input: ChangeInputs[N] }
): ChangeDraft {
	return drafts[step.command](ctx, actor, step.input);
}

/** C7 undone: the same person added back to the same role (they were not primary). */
function addBack(state: State, _actor: AccountId, input: ContactRef): Step | null {
	const account = state.accounts.get(input.accountId);
	if (account === undefined) return null;
	const { licenseId, role } = input;
	return { command: 'contact.add', input: { licenseId, role, email: account.email } };
}

/** C5 undone: the role's primary before the change made primary again. */
function previousPrimary(state: State, _actor: AccountId, input: ContactRef): Step | null {
	const license = state.licenses.get(input.licenseId);
	const contacts = input.role === 'billing' ? license?.billing : license?.technical;
	const before = contacts?.primary;
	if (before === undefined || before === input.accountId) return null;
	return { command: 'contact.makePrimary', input: { ...input, accountId: before } };
}

interface MutationOptions<I> {
	readonly confirm?: 'always';
	/** The change that takes this one back, from the state before it (null: nothing to undo). */
	readonly undo?: (state: State, actor: AccountId, input: I) => Step | null;
}

function mutation<N extends ChangeName>(
	name: N,
	options: MutationOptions<ChangeInputs[N]> = {}
): Command<ChangeInputs[N], Committed> {
	return {
		needsActor: true,
		async run(ctx, actor, input, hooks): Promise<Ran<Committed>> {
			if (actor === null) return { kind: 'refused', refusal: { code: 'unknown-account' } };
			const draft = drafts[name](ctx, actor, input);
			const undo = await askFirst(ctx, actor, draft, options, input, hooks);
			if (undo === 'cancelled') return { kind: 'cancelled' };
			const result = await commitDraft(ctx, draft);
			if (!result.ok) return { kind: 'refused', refusal: result.error };
			return { kind: 'done', value: result.value, committed: result.value, undo };
		}
	};
}

/**
 * Before committing: the undo step when the rules would allow it after this change, or the
 * person's yes when they would not (or always, for `confirm: 'always'`). A change the rules
 * refuse anyway asks nothing: committing it reports the refusal.
 */
async function askFirst<I>(
	ctx: AppContext,
	actor: AccountId,
	draft: ChangeDraft,
	options: MutationOptions<I>,
	input: I,
	hooks: Hooks
): Promise<Step | null | 'cancelled'> {
	const step = options.undo?.(ctx.store.state, actor, input) ?? null;
	if (options.confirm === undefined && step === null) return null;
	const ahead = await dryRun(ctx, draft);
	if (!ahead.ok) return null;
	if (step !== null && options.confirm === undefined) {
		const back = await dryRun(ctx, draftOf(ctx, actor, step), ahead.value.state);
		if (back.ok) return step;
	}
	const yes = await hooks.confirm(options.confirm ?? 'no-undo');
	return yes ? null : 'cancelled';
}

function task<I, O>(
	needsActor: boolean,
	run: (ctx: AppContext, actor: AccountId | null, input: I, hooks: Hooks) => Promise<Ran<O>>
): Command<I, O> {
	return { needsActor, run };
}

const done = <O>(value: O): Ran<O> => ({ kind: 'done', value, committed: null, undo: null });

type SyncModule = typeof SyncApi;

/** A Sync page command: no actor needed (S2–S9 work logged out too); its report is the value. */
function syncTask<I, O>(
	run: (sync: SyncModule, ctx: AppContext, input: I, hooks: Hooks) => Promise<O>
): Command<I, O> {
	return task(false, async (ctx, _actor, input: I, hooks) =>
		done(await run(await import('./sync'), ctx, input, hooks))
	);
}

/** S10: a live-sync command (live-commands.ts, loaded with the first of them). */
function liveTask<I, O>(
	run: (live: typeof LiveApi, ctx: AppContext, input: I) => Promise<O>
): Command<I, O> {
	return task(false, async (ctx, _actor, input: I) =>
		done(await run(await import('./live-commands'), ctx, input))
	);
}

export const commands: CommandMap = {
	'license.start': mutation('license.start'),
	'site.create': mutation('site.create'),
	'contact.add': mutation('contact.add'),
	'contact.makePrimary': mutation('contact.makePrimary', { undo: previousPrimary }),
	'contact.delete': mutation('contact.delete', { undo: addBack }),
	'billing.makeMe': mutation('billing.makeMe', { confirm: 'always' }),
	'support.request': mutation('support.request'),
	'billing.setDetails': mutation('billing.setDetails'),
	'license.renew': mutation('license.renew', { confirm: 'always' }),
	'renewal.remind': mutation('renewal.remind'),
	'handover.apply': mutation('handover.apply'),
	'organization.setPasswordPolicy': mutation('organization.setPasswordPolicy'),
	'organization.setTwoStepPolicy': mutation('organization.setTwoStepPolicy'),
	'customer.add': mutation('customer.add'),
	'customer.rename': mutation('customer.rename'),
	'customer.remove': mutation('customer.remove', { confirm: 'always' }),
	'customer.migrate': mutation('customer.migrate', { confirm: 'always' }),
	'handover.preview': task(true, async (ctx, actor, input) => {
		if (actor === null) return { kind: 'refused', refusal: { code: 'unknown-account' } };
		const result = await previewHandover(ctx, actor, input);
		return result.ok ? done(result.value) : { kind: 'refused', refusal: result.error };
	}),
	'demo.load': task(false, async (ctx, _actor, input, hooks) => {
		const { loadDemo } = await import('./demo');
		const started = ctx.now();
		const result = await loadDemo(ctx, {
			extraLicenses: input.extraLicenses,
			onProgress: (p) => hooks.progress(p),
			...(ctx.hashPassword ? { hash: ctx.hashPassword } : {})
		});
		return done({ result, ms: ctx.now() - started });
	}),
	'device.reset': task(false, async () => {
		await resetDevice();
		return done(null);
	}),
	'sync.overview': syncTask(async (sync, ctx, input) => sync.syncOverview(ctx, input.whole)),
	'sync.conflicts': syncTask(async (sync, ctx) => sync.listConflicts(ctx)),
	'sync.export': syncTask(async (sync, ctx, input, hooks) =>
		sync.exportChanges(ctx, {
			whole: input.whole,
			...(input.passphrase === '' ? {} : { passphrase: input.passphrase }),
			onProgress: (value) => hooks.progress({ phase: 'export', done: value, total: 1 })
		})
	),
	'sync.kept': syncTask(async (sync, ctx, input) => {
		await sync.recordExport(ctx, input.report);
		return null;
	}),
	'sync.check': syncTask(async (sync, ctx, input, hooks) =>
		sync.checkImportFile(ctx, input.file, {
			...(input.passphrase === undefined ? {} : { passphrase: input.passphrase }),
			onProgress: (value) => hooks.progress({ phase: 'read', done: value, total: 1 })
		})
	),
	'sync.apply': syncTask(async (sync, ctx, input, hooks) =>
		sync.applyImport(ctx, input.file, {
			trust: input.trust,
			onProgress: (p) => hooks.progress({ phase: 'apply', ...p })
		})
	),
	'sync.dismiss': syncTask(async (sync, ctx, input) => {
		await sync.dismissConflict(ctx, input.id);
		return null;
	}),
	'sync.history': syncTask(async (sync, ctx) => sync.checkHistory(ctx)),
	'live.connect': liveTask((live, ctx, input) =>
		live.liveConnect(ctx, input.server, input.secret, input.onStatus)
	),
	'live.makeKeyFile': liveTask((live) => live.liveMakeKeyFile()),
	'live.restore': liveTask((live, ctx, input) => live.liveRestore(ctx, input.onStatus)),
	'live.pause': liveTask((live) => live.livePause()),
	'live.resume': liveTask((live) => live.liveResume()),
	'live.disconnect': liveTask((live, ctx) => live.liveDisconnect(ctx)),
	...accountCommands,
	...organizationAccountCommands,
	...productCommands,
	...organizationCommands,
	...supportCommands
};
