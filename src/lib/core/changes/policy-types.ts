// The authentication-policy changes (O3, O4) and A13's regenerated recovery codes. Policies
// are organization changes: only an admin of the organization sets them (S6). Recovery codes
// follow the account changes' rule: only their SHA-256 hashes travel and are kept (X1, S1);
// the codes themselves are shown once to the holder and never leave the device.
import type { AccountId, OrganizationId } from '../ids';
import type { Envelope } from './envelope';

/** O3: strength 0–4 (zxcvbn), length 8–64, expiry in days (null: never). */
export type OrganizationSetPasswordPolicy = Envelope<
	'organization.setPasswordPolicy',
	{
		readonly organizationId: OrganizationId;
		readonly minStrength: number;
		readonly minLength: number;
		readonly maxAgeDays: number | null;
	}
>;

/** O4: "Require two-step verification" on or off for the organization's managed accounts. */
export type OrganizationSetTwoStepPolicy = Envelope<
	'organization.setTwoStepPolicy',
	{ readonly organizationId: OrganizationId; readonly required: boolean }
>;

/** A13: new recovery codes replace the unused ones (which stop working). The holder only. */
export type AccountRegenerateRecoveryCodes = Envelope<
	'account.regenerateRecoveryCodes',
	{ readonly accountId: AccountId; readonly recoveryCodeHashes: readonly string[] }
>;

export type PolicyChange =
	OrganizationSetPasswordPolicy | OrganizationSetTwoStepPolicy | AccountRegenerateRecoveryCodes;

export const POLICY_CHANGE_TYPES = [
	'organization.setPasswordPolicy',
	'organization.setTwoStepPolicy',
	'account.regenerateRecoveryCodes'
] as const satisfies readonly PolicyChange['type'][];
