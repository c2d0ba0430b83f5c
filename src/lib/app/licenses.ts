// License, contact and site changes (C0–C11): each builder makes the ids, SEN and times and
// returns the change as a draft; committing it is the command map's job (commands.ts), which
// can then also dry-run a draft (undo checks, the handover preview). The rules live in the
// core. The committing functions at the end are the same drafts committed at once, for tests
// and scripts that hold an AppContext; the UI goes through `perform`.
import { accountId, changeId, licenseId, normaliseEmail, productId, siteId } from '$lib/core';
import { supportRequestId } from '$lib/core';
import type {
	AccountId,
	ContactRole,
	HandoverReport,
	Hosting,
	LicenseId,
	NewAccount,
	ProductId,
	Refusal,
	Result,
	SiteId
} from '$lib/core';
import type { ChangeDraft, CommitResult } from '$lib/store/types';
import type { AppContext } from './context';
import { commitDraft, dryRun } from './dry-run';

const YEAR = 365 * 24 * 60 * 60 * 1000;

export interface StartLicenseInput {
	readonly productId: ProductId;
	readonly hosting: Hosting;
	/** The cloud license's site (C0); ignored for server licenses. */
	readonly siteId: SiteId | null;
	readonly tier: number;
	/** Defaults to a year from now. */
	readonly expiresAt?: number;
}

export interface CreateSiteInput {
	readonly name: string;
	readonly productIds: readonly ProductId[];
}

export interface AddContactInput {
	readonly licenseId: LicenseId;
	readonly role: ContactRole;
	readonly email: string;
	/** The new person's full name, when no account has the address yet (C4). */
	readonly name?: string;
}

/** One contact of one role on one license (make primary, delete). */
export interface ContactRef {
	readonly licenseId: LicenseId;
	readonly role: ContactRole;
	readonly accountId: AccountId;
}

export interface SupportRequestInput {
	readonly licenseId: LicenseId;
	readonly subject: string;
	readonly description: string;
}

export interface HandoverInput {
	readonly from: AccountId;
	readonly to: string;
	readonly name?: string;
}

function envelope(ctx: AppContext, actor: AccountId | null) {
	return { id: changeId(ctx.newId('c_')), actor };
}

/** A fresh SEN: `SEN-` and 10 random digits (C0). */
export function newSen(ctx: AppContext): string {
	const digits = ctx
		.newId()
		.split('')
		.map((ch) => ch.charCodeAt(0) % 10)
		.join('');
	return `SEN-${digits.slice(0, 10)}`;
}

/** The account to create when the address has none yet (C4), or undefined. */
function newAccountFor(ctx: AppContext, email: string, name: string | undefined) {
	const key = normaliseEmail(email)?.key;
	const existing = key === undefined ? undefined : ctx.store.state.accountIdByEmailKey.get(key);
	const trimmed = name?.trim();
	if (existing !== undefined || !trimmed) return undefined;
	return { accountId: accountId(ctx.newId('a_')), name: trimmed } satisfies NewAccount;
}

export function startLicenseDraft(
	ctx: AppContext,
	actor: AccountId,
	input: StartLicenseInput
): ChangeDraft {
	return {
		...envelope(ctx, actor),
		type: 'license.start',
		payload: {
			licenseId: licenseId(ctx.newId('l_')),
			sen: newSen(ctx),
			productId: input.productId,
			hosting: input.hosting,
			siteId: input.hosting === 'cloud' ? input.siteId : null,
			tier: input.tier,
			expiresAt: input.expiresAt ?? ctx.now() + YEAR
		}
	};
}

export function createSiteDraft(
	ctx: AppContext,
	actor: AccountId,
	input: CreateSiteInput
): ChangeDraft {
	return {
		...envelope(ctx, actor),
		type: 'site.create',
		payload: { siteId: siteId(ctx.newId('s_')), name: input.name, productIds: input.productIds }
	};
}

export function addContactDraft(
	ctx: AppContext,
	actor: AccountId,
	input: AddContactInput
): ChangeDraft {
	const newAccount = newAccountFor(ctx, input.email, input.name);
	return {
		...envelope(ctx, actor),
		type: 'contact.add',
		payload: {
			licenseId: input.licenseId,
			role: input.role,
			email: input.email,
			...(newAccount ? { newAccount } : {})
		}
	};
}

export function makePrimaryDraft(
	ctx: AppContext,
	actor: AccountId,
	input: ContactRef
): ChangeDraft {
	return { ...envelope(ctx, actor), type: 'contact.makePrimary', payload: { ...input } };
}

export function deleteContactDraft(
	ctx: AppContext,
	actor: AccountId,
	input: ContactRef
): ChangeDraft {
	return { ...envelope(ctx, actor), type: 'contact.delete', payload: { ...input } };
}

export function makeMeBillingContactDraft(
	ctx: AppContext,
	actor: AccountId,
	input: { readonly siteId: SiteId }
): ChangeDraft {
	return { ...envelope(ctx, actor), type: 'billing.makeMe', payload: { siteId: input.siteId } };
}

export function requestSupportDraft(
	ctx: AppContext,
	actor: AccountId,
	input: SupportRequestInput
): ChangeDraft {
	return {
		...envelope(ctx, actor),
		type: 'support.request',
		payload: { requestId: supportRequestId(ctx.newId('r_')), ...input }
	};
}

export function handoverDraft(
	ctx: AppContext,
	actor: AccountId,
	input: HandoverInput
): ChangeDraft {
	const newAccount = newAccountFor(ctx, input.to, input.name);
	return {
		...envelope(ctx, actor),
		type: 'handover',
		payload: { from: input.from, to: input.to, ...(newAccount ? { newAccount } : {}) }
	};
}

/** Renewal quotes and reminders (C9); any device may run it: the mail ids are deterministic. */
export function remindRenewalsDraft(ctx: AppContext, actor: AccountId | null): ChangeDraft {
	return { ...envelope(ctx, actor), type: 'renewal.remind', payload: {} };
}

/**
 * C11 preview: what `handover` would do to each license, decided by the same rules on the
 * current state without committing anything (a dry run on a copy).
 */
export async function previewHandover(
	ctx: AppContext,
	actor: AccountId,
	input: HandoverInput
): Promise<Result<HandoverReport, Refusal>> {
	const result = await dryRun(ctx, handoverDraft(ctx, actor, input));
	if (!result.ok) return result;
	const report = result.value.report;
	if (report === undefined) throw new Error('handover applied without a report');
	return { ok: true, value: report };
}

// Committed at once (tests and scripts; the UI uses perform). Plain strings are accepted for
// product and site ids here, as the callers pass catalog ids and ids they made themselves.

export function startLicense(
	ctx: AppContext,
	actor: AccountId,
	input: {
		productId: string;
		hosting: Hosting;
		siteId?: string | null;
		tier: number;
		expiresAt?: number;
	}
): Promise<CommitResult> {
	const site = input.hosting === 'cloud' && input.siteId ? siteId(input.siteId) : null;
	const { expiresAt } = input;
	return commitDraft(
		ctx,
		startLicenseDraft(ctx, actor, {
			productId: productId(input.productId),
			hosting: input.hosting,
			siteId: site,
			tier: input.tier,
			...(expiresAt === undefined ? {} : { expiresAt })
		})
	);
}

export function createSite(
	ctx: AppContext,
	actor: AccountId,
	input: { name: string; productIds: readonly string[] }
): Promise<CommitResult> {
	const productIds = input.productIds.map(productId);
	return commitDraft(ctx, createSiteDraft(ctx, actor, { name: input.name, productIds }));
}

export const addContact = (ctx: AppContext, actor: AccountId, input: AddContactInput) =>
	commitDraft(ctx, addContactDraft(ctx, actor, input));

export const makePrimary = (ctx: AppContext, actor: AccountId, input: ContactRef) =>
	commitDraft(ctx, makePrimaryDraft(ctx, actor, input));

export const deleteContact = (ctx: AppContext, actor: AccountId, input: ContactRef) =>
	commitDraft(ctx, deleteContactDraft(ctx, actor, input));

export const makeMeBillingContact = (ctx: AppContext, actor: AccountId, site: SiteId) =>
	commitDraft(ctx, makeMeBillingContactDraft(ctx, actor, { siteId: site }));

export const requestSupport = (ctx: AppContext, actor: AccountId, input: SupportRequestInput) =>
	commitDraft(ctx, requestSupportDraft(ctx, actor, input));

export const handover = (ctx: AppContext, actor: AccountId, input: HandoverInput) =>
	commitDraft(ctx, handoverDraft(ctx, actor, input));

export const remindRenewals = (ctx: AppContext, actor: AccountId | null) =>
	commitDraft(ctx, remindRenewalsDraft(ctx, actor));
