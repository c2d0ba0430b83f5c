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
	readonly chains: readonly DeviceChain[];
	/** How many changes the log held when it was read. */
	readonly scanned: number;
}

/** O6: admins only (the same authority as changing the organization). */
export async function loadAudit(
	ctx: AppContext,
	actor: AccountId,
	organization: OrganizationId
): Promise<Result<AuditLoad, Refusal>> {
	const state = ctx.store.state;
	if (!state.organizations.has(organization)) {
		return err({ code: 'unknown-organization', id: organization });
	}
	if (!isOrganizationAdmin(state, organization, actor))
		return err({ code: 'not-organization-admin' });
	const [log, known] = await Promise.all([ctx.store.changes(), ctx.store.knownGaps()]);
	const entries = auditEntries(state, log, organization);
	const devices = [...new Set(entries.map((e) => e.change.device))].sort();
	const check = await verifyChains(log, undefined, known);
	const stateOf = (device: string): ChainState => {
		if (!check.ok) return check.error.device === device ? 'broken' : 'unchecked';
		return check.gaps.some((g) => g.device === device) ? 'gap' : 'intact';
	};
	return ok({
		entries,
		chains: devices.map((device) => ({ device, state: stateOf(device) })),
		scanned: log.length
	});
}
