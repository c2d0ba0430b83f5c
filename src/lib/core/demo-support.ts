// P3: the demo's support story (A10, C15) as plain data and pure drafts, ids fixed. The
// simulated support system has two legacy support accounts of Sam's address (he links one
// through Profile → Services → Change account) and one of Marco's; Sam has an open thread on
// the Northwind service desk server license that the desk answered, waiting for him.
import { accountId, licenseId, supportAccountId, supportRequestId } from './ids';
import type { AccountId } from './ids';
import type { Change } from './changes/types';

/** A change as the demo loader commits it: the loader gives each its id. */
export type DemoDraft = Change extends infer C
	? C extends Change
		? Omit<C, 'id' | 'device' | 'clock' | 'at' | 'prev'>
		: never
	: never;

export const DEMO_SUPPORT = {
	/** Sam's address: two legacy support accounts share it. */
	email: 'sam.lee@northwind.example',
	license: 'l_demo_04',
	sen: 'SEN-2041000104',
	subject: 'Customer portal shows a blank page'
} as const;

const SAM: AccountId = accountId('a_demo_sam');
const REQUEST = supportRequestId('r_demo_support_1');
const LICENSE = licenseId(DEMO_SUPPORT.license);

export function demoSupportDrafts(): DemoDraft[] {
	const legacy = (id: string, email: string, name: string): DemoDraft => ({
		actor: SAM,
		type: 'supportAccount.add',
		payload: { supportAccountId: supportAccountId(id), email, name }
	});
	return [
		legacy('sa_demo_sam_2019', DEMO_SUPPORT.email, 'Sam Lee (old support portal)'),
		legacy('sa_demo_sam_2022', DEMO_SUPPORT.email, 'Sam Lee (Northwind IT)'),
		legacy('sa_demo_marco_2020', 'marco.rossi@gmail.com', 'Marco Rossi'),
		{
			actor: SAM,
			type: 'support.request',
			payload: {
				requestId: REQUEST,
				licenseId: LICENSE,
				subject: DEMO_SUPPORT.subject,
				description: 'Since this morning the customer portal of the service desk opens blank.'
			}
		},
		{ actor: SAM, type: 'support.answer', payload: { licenseId: LICENSE, requestId: REQUEST } }
	];
}
