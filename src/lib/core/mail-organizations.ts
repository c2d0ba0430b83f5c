// The words of the organization mail (O1). Like the account mail, a link carries the plain
// token, which is why a change that mails one is exported only encrypted (S3); the domain keeps
// only the token's hash. Plain text only (X4).
import type { MailContent } from './mail';
import type { Organization } from './model';

/** Minutes precision, UTC, so the text reads the same on every device. */
function minute(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** O1: a mail to an address at a pending domain; its link verifies the domain. */
export function domainCheckMail(
	org: Organization,
	domain: string,
	address: string,
	token: string,
	expiresAt: number
): MailContent {
	const query = Object.entries({ organization: org.id, domain, token })
		.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
		.join('&');
	return {
		kind: 'domain-check',
		subject: `Verify ${domain} for ${org.name}`,
		body:
			`Hello,\n\nAn admin of ${org.name} asked to verify that the organization controls ` +
			`${domain}, by a mail to ${address}. Open the link below while logged in as an admin ` +
			`of ${org.name}; it works until ${minute(expiresAt)}. Once ${domain} is verified, ` +
			`${org.name} manages every account with an address at ${domain}. If you did not ` +
			`expect this, ignore this mail: nothing changes without the link.`,
		links: [{ label: 'Verify domain', href: `/organization/verify-domain?${query}` }]
	};
}
