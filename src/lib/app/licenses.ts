// App commands for licenses, contacts and sites (C0–C11): make ids and times, build the
// change, commit it, return the store's result. The rules themselves live in the core.
import {
	accountId,
	apply,
	changeId,
	licenseId,
	normaliseEmail,
	productId,
	siteId,
	supportRequestId
} from '$lib/core';
import type {
	AccountId,
	Change,
	ContactRole,
	HandoverReport,
	Hosting,
	LicenseId,
	NewAccount,
	Refusal,
	Result,
	SiteId
} from '$lib/core';
import { ensureRules } from '$lib/store/rules';
import type { ChangeDraft, CommitResult } from '$lib/store/types';
import type { AppContext } from './context';

const YEAR = 365 * 24 * 60 * 60 * 1000;

function commit(ctx: AppContext, draft: ChangeDraft): Promise<CommitResult> {
	return ctx.store.commit(draft, ctx.now());
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
	return commit(ctx, {
		...envelope(ctx, actor),
		type: 'license.start',
		payload: {
			licenseId: licenseId(ctx.newId('l_')),
			sen: newSen(ctx),
			productId: productId(input.productId),
			hosting: input.hosting,
			siteId: input.hosting === 'cloud' && input.siteId ? siteId(input.siteId) : null,
			tier: input.tier,
			expiresAt: input.expiresAt ?? ctx.now() + YEAR
		}
	});
}

export function createSite(
	ctx: AppContext,
	actor: AccountId,
	input: { name: string; productIds: readonly string[] }
): Promise<CommitResult> {
	return commit(ctx, {
		...envelope(ctx, actor),
		type: 'site.create',
		payload: {
			siteId: siteId(ctx.newId('s_')),
			name: input.name,
			productIds: input.productIds.map(productId)
		}
	});
}

export function addContact(
	ctx: AppContext,
	actor: AccountId,
	input: { licenseId: LicenseId; role: ContactRole; email: string; name?: string }
): Promise<CommitResult> {
	const newAccount = newAccountFor(ctx, input.email, input.name);
	return commit(ctx, {
		...envelope(ctx, actor),
		type: 'contact.add',
		payload: {
			licenseId: input.licenseId,
			role: input.role,
			email: input.email,
			...(newAccount ? { newAccount } : {})
		}
	});
}

export function makePrimary(
	ctx: AppContext,
	actor: AccountId,
	input: { licenseId: LicenseId; role: ContactRole; accountId: AccountId }
): Promise<CommitResult> {
	return commit(ctx, { ...envelope(ctx, actor), type: 'contact.makePrimary', payload: input });
}

export function deleteContact(
	ctx: AppContext,
	actor: AccountId,
	input: { licenseId: LicenseId; role: ContactRole; accountId: AccountId }
): Promise<CommitResult> {
	return commit(ctx, { ...envelope(ctx, actor), type: 'contact.delete', payload: input });
}

export function makeMeBillingContact(
	ctx: AppContext,
	actor: AccountId,
	site: SiteId
): Promise<CommitResult> {
	return commit(ctx, {
		...envelope(ctx, actor),
		type: 'billing.makeMe',
		payload: { siteId: site }
	});
}

export function requestSupport(
	ctx: AppContext,
	actor: AccountId,
	input: { licenseId: LicenseId; subject: string; description: string }
): Promise<CommitResult> {
	return commit(ctx, {
		...envelope(ctx, actor),
		type: 'support.request',
		payload: { requestId: supportRequestId(ctx.newId('r_')), ...input }
	});
}

export function handover(
	ctx: AppContext,
	actor: AccountId,
	input: { from: AccountId; to: string; name?: string }
): Promise<CommitResult> {
	const newAccount = newAccountFor(ctx, input.to, input.name);
	return commit(ctx, {
		...envelope(ctx, actor),
		type: 'handover',
		payload: { from: input.from, to: input.to, ...(newAccount ? { newAccount } : {}) }
	});
}

/**
 * C11 preview: what `handover` would do to each license, decided by the same rules on the
 * current state without committing anything (`apply` leaves its input untouched).
 */
export async function previewHandover(
	ctx: AppContext,
	actor: AccountId,
	input: { from: AccountId; to: string; name?: string }
): Promise<Result<HandoverReport, Refusal>> {
	await ensureRules();
	const newAccount = newAccountFor(ctx, input.to, input.name);
	const change: Change = {
		id: changeId('preview'),
		device: ctx.store.device,
		clock: '',
		at: ctx.now(),
		actor,
		prev: null,
		type: 'handover',
		payload: { from: input.from, to: input.to, ...(newAccount ? { newAccount } : {}) }
	};
	const result = apply(ctx.store.state, change);
	if (!result.ok) return result;
	const report = result.value.report;
	if (report === undefined) throw new Error('handover applied without a report');
	return { ok: true, value: report };
}

/** Renewal quotes and reminders (C9); any device may run it: the mail ids are deterministic. */
export function remindRenewals(ctx: AppContext, actor: AccountId | null): Promise<CommitResult> {
	return commit(ctx, { ...envelope(ctx, actor), type: 'renewal.remind', payload: {} });
}
