// C14: the drafts of the billing record commands. The core decides who may (C12's table) and
// checks the details like a change from a file (X3); the invoice number comes from the change.
import { changeId } from '$lib/core';
import type { AccountId, LicenseId } from '$lib/core';
import type { ChangeDraft } from '$lib/store/types';
import type { AppContext } from './context';

export interface BillingDetailsInput {
	readonly licenseId: LicenseId;
	readonly name: string;
	readonly address: string;
	readonly taxId: string;
}

export function billingDetailsDraft(
	ctx: AppContext,
	actor: AccountId,
	input: BillingDetailsInput
): ChangeDraft {
	return {
		id: changeId(ctx.newId('c_')),
		actor,
		type: 'billing.setDetails',
		payload: { ...input }
	};
}

export function renewDraft(
	ctx: AppContext,
	actor: AccountId,
	input: { readonly licenseId: LicenseId }
): ChangeDraft {
	return {
		id: changeId(ctx.newId('c_')),
		actor,
		type: 'license.renew',
		payload: { licenseId: input.licenseId }
	};
}
