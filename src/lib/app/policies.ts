// O3/O4: the drafts of the policy commands. An admin of the organization sets them; the core
// checks who may (S6) and the bounds, like a change from a file.
import { changeId } from '$lib/core';
import type { AccountId, OrganizationId } from '$lib/core';
import type { ChangeDraft } from '$lib/store/types';
import type { AppContext } from './context';

export interface PasswordPolicyInput {
	readonly organizationId: OrganizationId;
	readonly minStrength: number;
	readonly minLength: number;
	/** null: passwords never expire. */
	readonly maxAgeDays: number | null;
}

export interface TwoStepPolicyInput {
	readonly organizationId: OrganizationId;
	readonly required: boolean;
}

export function passwordPolicyDraft(
	ctx: AppContext,
	actor: AccountId,
	input: PasswordPolicyInput
): ChangeDraft {
	return {
		id: changeId(ctx.newId('c_')),
		actor,
		type: 'organization.setPasswordPolicy',
		payload: { ...input }
	};
}

export function twoStepPolicyDraft(
	ctx: AppContext,
	actor: AccountId,
	input: TwoStepPolicyInput
): ChangeDraft {
	return {
		id: changeId(ctx.newId('c_')),
		actor,
		type: 'organization.setTwoStepPolicy',
		payload: { ...input }
	};
}
