// P3: the demo's service-desk customers (A9) and its renewal with an invoice (C14), as the
// changes a site admin and a billing contact would make (core/demo-records.ts), after the
// licenses exist.
import { accountId, changeId, licenseId, siteId } from '$lib/core';
import { demoPerson } from '$lib/core/demo-data';
import { DEMO_CUSTOMERS, DEMO_RENEWALS } from '$lib/core/demo-records';
import type { ChangeDraft } from '$lib/store/types';
import type { AppContext } from './context';

const cid = (ctx: AppContext) => changeId(ctx.newId('c_'));

export function recordDrafts(ctx: AppContext): ChangeDraft[] {
	const customers = DEMO_CUSTOMERS.map((c): ChangeDraft => ({
		id: cid(ctx),
		actor: accountId(demoPerson(c.admin).id),
		type: 'customer.add',
		payload: { siteId: siteId(c.site), email: c.email, name: c.name }
	}));
	const renewals = DEMO_RENEWALS.flatMap((r): ChangeDraft[] => {
		const actor = accountId(demoPerson(r.by).id);
		const id = licenseId(r.license);
		return [
			{ id: cid(ctx), actor, type: 'billing.setDetails', payload: { licenseId: id, ...r.details } },
			{ id: cid(ctx), actor, type: 'license.renew', payload: { licenseId: id } }
		];
	});
	return [...customers, ...renewals];
}
