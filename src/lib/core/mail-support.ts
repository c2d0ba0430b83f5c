// A10: the mail that lists an address's support accounts to link one; C15: the simulated
// support desk's answer. Plain text only (X4); the link carries the plain token, which is why
// the change that mails it is exported only encrypted (S3).
import { describeLicense } from './mail';
import type { MailContent } from './mail';
import { link, minute } from './mail-accounts';
import type { Account, License, SupportAccount } from './model';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A10: the support accounts of `email`, and the link that links one of them to `account`. */
export function supportLinkMail(
	account: Account,
	email: string,
	found: readonly SupportAccount[],
	token: string,
	expiresAt: number
): MailContent {
	const list = found.map((a) => `- ${a.name} (support account ${a.id}, since ${day(a.createdAt)})`);
	return {
		kind: 'support-link',
		subject: 'Link your support account',
		body:
			`Hello,\n\n${account.name} (${account.email}) asked to link a support account of ` +
			`${email} to their Tessera account. The support system has these accounts for ` +
			`this address:\n\n${list.join('\n')}\n\nOpen the link below to choose one. It works ` +
			`until ${minute(expiresAt)}. If it was not you, ignore this mail: nothing is linked.`,
		links: [link('Choose a support account', '/support-link', { token })]
	};
}

/**
 * C15: the simulated desk's first answer, derived from the request alone so every device
 * writes the same words.
 */
export function deskAnswerText(license: License, subject: string): string {
	return (
		`Thank you for contacting support about "${subject}" on ${describeLicense(license)}. ` +
		`To look into it, we need the steps that lead to the problem and what you expected ` +
		`instead. Reply on the request in Tessera; resolve it when you no longer need help.`
	);
}

/** C15: the desk's answer, mailed to the requester. */
export function deskAnswered(to: Account, subject: string, text: string): MailContent {
	return {
		kind: 'support-answer',
		subject: `Support answered: ${subject}`,
		body: `Hello ${to.name},\n\n${text}`,
		links: [{ label: 'Open your licenses', href: '/licenses' }]
	};
}
