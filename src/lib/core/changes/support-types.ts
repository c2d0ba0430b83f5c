// A10 support-account link and C15 support requests' threads. Every change names what it
// acts on; the rules check who acts, so a change from a file passes the same checks as a click
// (X3, S6). The simulated desk's answer carries no text: the core derives it
// (support.answer) from the request alone, so no file can put words in the desk's mouth.
import type { AccountId, LicenseId, SupportAccountId, SupportRequestId } from '../ids';
import type { Envelope } from './envelope';

/**
 * A10: the simulated support system has a legacy support account (several may share one
 * address). Any active account may record one (the demo does): it is made unlinked, and only
 * the mailed link of its address links it (supportAccount.confirmChange), so adding one takes nothing.
 */
export type SupportAccountAdd = Envelope<
	'supportAccount.add',
	{ readonly supportAccountId: SupportAccountId; readonly email: string; readonly name: string }
>;

/**
 * A10: Profile → Services → Change account: mails the address the support accounts it has.
 * The plain token travels only here and in the mail's link (S3: exported encrypted); the
 * account keeps its hash (X1). A new request replaces an older pending one.
 */
export type SupportLinkStart = Envelope<
	'supportAccount.requestChange',
	{
		readonly accountId: AccountId;
		readonly email: string;
		readonly token: string;
		readonly tokenHash: string;
		readonly expiresAt: number;
	}
>;

/** A10: the mailed link, presented by its token's hash, links one of the address's accounts. */
export type SupportLinkConfirm = Envelope<
	'supportAccount.confirmChange',
	{
		readonly accountId: AccountId;
		readonly tokenHash: string;
		readonly supportAccountId: SupportAccountId;
	}
>;

interface RequestTarget {
	readonly licenseId: LicenseId;
	readonly requestId: SupportRequestId;
}

/**
 * C15: the simulated support desk answers a new request, once: run by the device of the
 * requester (or of a technical contact) right after the request; the words come from the core.
 */
export type SupportAnswer = Envelope<'support.answer', RequestTarget>;

/** C15: the requester (or a technical contact) answers the desk; the request is open again. */
export type SupportReply = Envelope<'support.reply', RequestTarget & { readonly text: string }>;

/** C15: the request is resolved. */
export type SupportResolve = Envelope<'support.resolve', RequestTarget>;

/** C15: a resolved request is open again. */
export type SupportReopen = Envelope<'support.reopen', RequestTarget>;

export type SupportChange =
	| SupportAccountAdd
	| SupportLinkStart
	| SupportLinkConfirm
	| SupportAnswer
	| SupportReply
	| SupportResolve
	| SupportReopen;

export const SUPPORT_CHANGE_TYPES = [
	'supportAccount.add',
	'supportAccount.requestChange',
	'supportAccount.confirmChange',
	'support.answer',
	'support.reply',
	'support.resolve',
	'support.reopen'
] as const satisfies readonly SupportChange['type'][];
