// O6: what the audit log shows, read once when the section opens: the organization's entries
// from the whole change log (the core picks them) and the X5 status of the hash chain of every
// device behind them, checked now.
import { auditEntries, err, isOrganizationAdmin, ok } from '$lib/core';
import type { AccountId, AuditEntry, OrganizationId, Refusal, Result } from '$lib/core';
import { verifyChains } from '$lib/log/digest';
import type { AppContext } from '../context';

/** X5, per device: its chain links up, has a declared gap, or is broken here. */
export type ChainState = 'intact' | 'gap' | 'broken' | 'unchecked';

export interface DeviceChain {
	readonly device: string;
	readonly state: ChainState;
}

export interface AuditLoad {
	readonly entries: readonly AuditEntry[];
	/** How many changes the log held when it was read. */
	readonly scanned: number;
}

/** O6: admins only (the same authority as changing the organization). */
function requireAdmin(
	ctx: AppContext,
	actor: AccountId,
	organization: OrganizationId
): Result<null, Refusal> {
	const state = ctx.store.state;
	if (!state.organizations.has(organization)) {
		return err({ code: 'unknown-organization', id: organization });
	}
	if (!isOrganizationAdmin(state, organization, actor))
		return err({ code: 'not-organization-admin' });
	return ok(null);
}

/** O6: the organization's entries, newest first. */
export async function loadAudit(
	ctx: AppContext,
	actor: AccountId,
	organization: OrganizationId
): Promise<Result<AuditLoad, Refusal>> {
	const allowed = requireAdmin(ctx, actor, organization);
	if (!allowed.ok) return allowed;
	const log = await ctx.store.changes();
	return ok({ entries: auditEntries(ctx.store.state, log, organization), scanned: log.length });
}

/**
 * O6 + X5: the chain status of each of `devices` (the ones behind the entries), checked now
 * over the whole log. Slower than the entries (every change is hashed), so the section asks
 * for it after showing them.
 */
export async function checkAuditChains(
	ctx: AppContext,
	actor: AccountId,
	organization: OrganizationId,
	devices: readonly string[]
): Promise<Result<readonly DeviceChain[], Refusal>> {
	const allowed = requireAdmin(ctx, actor, organization);
	if (!allowed.ok) return allowed;
	const [log, known] = await Promise.all([ctx.store.changes(), ctx.store.knownGaps()]);
	const check = await verifyChains(log, undefined, known);
	const stateOf = (device: string): ChainState => {
		if (!check.ok) return check.error.device === device ? 'broken' : 'unchecked';
		return check.gaps.some((g) => g.device === device) ? 'gap' : 'intact';
	};
	return ok([...new Set(devices)].sort().map((device) => ({ device, state: stateOf(device) })));
}
