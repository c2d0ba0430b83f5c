// The text of the mail the rules "send". Mail is a record of what happened (C8, C9, A1), made
// when the change applies, so its words live with the core; everything else shown to people
// is made in the UI from codes. Plain text only: the mail client never renders it as HTML.
// The account mail (A1, A4, A5, A8) is in mail-accounts.ts.
import { findProduct } from './catalog';
import type { Account, ContactRole, License, MailKind, MailLink } from './model';

export interface MailContent {
	readonly kind: MailKind;
	readonly subject: string;
	readonly body: string;
	readonly links: readonly MailLink[];
}

const LICENSES_LINK: MailLink = { label: 'Open your licenses', href: '/licenses' };

export function describeLicense(license: License): string {
	const product = findProduct(license.productId)?.name ?? license.productId;
	return `${product} (${license.sen})`;
}

const roleWord = (role: ContactRole): string => (role === 'billing' ? 'billing' : 'technical');

function day(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function setPasswordLink(account: Account): MailLink {
	return {
		label: 'Set your password',
		href: `/cant-log-in?email=${encodeURIComponent(account.email)}`
	};
}

/** C4 + C8: an account was created for the added contact; they set a password through A4. */
export function contactInvited(
	to: Account,
	license: License,
	role: ContactRole,
	by: Account
): MailContent {
	return {
		kind: 'contact-invited',
		subject: `You are now a ${roleWord(role)} contact for ${describeLicense(license)}`,
		body:
			`Hello ${to.name},\n\n${by.name} (${by.email}) added you as a ${roleWord(role)} contact ` +
			`for ${describeLicense(license)}. An account was created for ${to.email}: ` +
			`choose a password through "Can't log in?" to sign in.`,
		links: [setPasswordLink(to), LICENSES_LINK]
	};
}

/** C8: the added contact. */
export function contactAdded(
	to: Account,
	license: License,
	role: ContactRole,
	by: Account
): MailContent {
	return {
		kind: 'contact-added',
		subject: `You are now a ${roleWord(role)} contact for ${describeLicense(license)}`,
		body:
			`Hello ${to.name},\n\n${by.name} (${by.email}) added you as a ${roleWord(role)} contact ` +
			`for ${describeLicense(license)}.`,
		links: [LICENSES_LINK]
	};
}

/** C7 + C8: the removed contact. */
export function contactRemoved(
	to: Account,
	license: License,
	role: ContactRole,
	by: Account
): MailContent {
	return {
		kind: 'contact-removed',
		subject: `You are no longer a ${roleWord(role)} contact for ${describeLicense(license)}`,
		body:
			`Hello ${to.name},\n\n${by.name} (${by.email}) removed you as a ${roleWord(role)} ` +
			`contact for ${describeLicense(license)}.`,
		links: [LICENSES_LINK]
	};
}

/** C8/C10: the replaced primary, who may promote themselves back (C6). */
export function primaryReplaced(
	to: Account,
	license: License,
	role: ContactRole,
	by: Account,
	newPrimary: Account
): MailContent {
	return {
		kind: 'primary-replaced',
		subject: `You were replaced as primary ${roleWord(role)} contact for ${describeLicense(license)}`,
		body:
			`Hello ${to.name},\n\n${by.name} (${by.email}) made ${newPrimary.email} the primary ` +
			`${roleWord(role)} contact for ${describeLicense(license)}. You remain a secondary ` +
			`${roleWord(role)} contact and can make yourself primary again from your licenses.`,
		links: [LICENSES_LINK]
	};
}

/** C9: acknowledgement to the technical contact who asked for support. */
export function supportReceived(
	to: Account,
	license: License,
	subject: string,
	description: string
): MailContent {
	return {
		kind: 'support-request',
		subject: `Support request received: ${subject}`,
		body:
			`Hello ${to.name},\n\nWe received your support request for ${describeLicense(license)}.` +
			`\n\nSubject: ${subject}\n\n${description}`,
		links: [LICENSES_LINK]
	};
}

/** C9/C12: renewal reminder to a billing contact. */
export function renewalReminder(to: Account, license: License, quoteCents: number): MailContent {
	const amount = (quoteCents / 100).toFixed(2);
	return {
		kind: 'renewal-reminder',
		subject: `Renewal quote: ${describeLicense(license)} expires on ${day(license.expiresAt)}`,
		body:
			`Hello ${to.name},\n\n${describeLicense(license)} (${license.tier} users) expires on ` +
			`${day(license.expiresAt)}. Renewing costs USD ${amount} per month.`,
		links: [LICENSES_LINK]
	};
}

export interface HandoverLine {
	readonly license: License;
	readonly role: ContactRole;
	readonly needsSelfPromotion: boolean;
}

/** C11 + C8: one mail to the person taking over, listing every role they received. */
export function handoverAdded(
	to: Account,
	by: Account,
	lines: readonly HandoverLine[],
	created: boolean
): MailContent {
	const list = lines.map(
		(l) =>
			`- ${describeLicense(l.license)}: ${roleWord(l.role)} contact` +
			(l.needsSelfPromotion ? ' (log in and make yourself primary to take over)' : '')
	);
	return {
		kind: 'handover-added',
		subject: `You are taking over ${lines.length} license role(s)`,
		body: `Hello ${to.name},\n\n${by.name} (${by.email}) handed these over to you:\n${list.join('\n')}`,
		links: created ? [setPasswordLink(to), LICENSES_LINK] : [LICENSES_LINK]
	};
}

/** C11 + C8: one mail to the person handed over, listing every role they left. */
export function handoverRemoved(
	to: Account,
	by: Account,
	successor: Account,
	lines: readonly HandoverLine[]
): MailContent {
	const list = lines.map((l) => `- ${describeLicense(l.license)}: ${roleWord(l.role)} contact`);
	return {
		kind: 'handover-removed',
		subject: `Your license roles were handed over to ${successor.email}`,
		body: `Hello ${to.name},\n\n${by.name} (${by.email}) handed these over to ${successor.email}:\n${list.join('\n')}`,
		links: [LICENSES_LINK]
	};
}
