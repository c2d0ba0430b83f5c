// A10 and C15 commands of the command map: inputs and outputs, declared once.
import type { LicenseId, SupportAccountId, SupportRequestId } from '$lib/core';
import type { Committed } from '$lib/store/types';

export interface SupportRequestRef {
	readonly licenseId: LicenseId;
	readonly requestId: SupportRequestId;
}

export interface SupportInputs {
	/** A10: Profile → Services → Change account: mails the address its support accounts. */
	'supportAccount.requestChange': { readonly email: string };
	/** A10: the mailed link's token and the support account chosen. */
	'supportAccount.confirmChange': {
		readonly token: string;
		readonly supportAccountId: SupportAccountId;
	};
	/** C15: the simulated desk answers a new request (run right after it). */
	'support.answer': SupportRequestRef;
	/** C15 */
	'support.reply': SupportRequestRef & { readonly text: string };
	/** C15 */
	'support.resolve': SupportRequestRef;
	/** C15 */
	'support.reopen': SupportRequestRef;
}

export type SupportOutputs = { readonly [N in keyof SupportInputs]: Committed };
