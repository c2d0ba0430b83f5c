// The words of the organization mail (O1). Like the account mail, a link carries the plain
// token, which is why a change that mails one is exported only encrypted (S3); the domain keeps
// only the token's hash. Plain text only (X4).
import type { MailContent } from './mail';
import { link, minute } from './mail-accounts';
import type { Organization } from './model';

/** O1: a mail to an address at a pending domain; its link verifies the domain. */
export function domainCheckMail(
	org: Organization,
	domain: string,
	address: string,
	token: string,
	expiresAt: number
): MailContent {
	return {
		kind: 'domain-check',
		subject: `Verify ${domain} for ${org.name}`,
		body:
			`Hello,\n\nAn admin of ${org.name} asked to verify that the organization controls ` +
			`${domain}, by a mail to ${address}. Open the link below while logged in as an admin ` +
			`of ${org.name}; it works until ${minute(expiresAt)}. Once ${domain} is verified, ` +
			`${org.name} manages every account with an address at ${domain}. If you did not ` +
			`expect this, ignore this mail: nothing changes without the link.`,
		links: [
			link('Verify domain', '/organization/verify-domain', { organization: org.id, domain, token })
		]
	};
}
