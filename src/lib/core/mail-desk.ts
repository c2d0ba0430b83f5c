// A9: the mail a migrated service-desk customer receives.
import { setPasswordLink } from './mail';
import type { MailContent } from './mail';
import type { Account, Site } from './model';

/** A9: the customer is an account now; it chooses a password through "Can't log in?" (A4). */
export function customerMigrated(to: Account, site: Site, by: Account): MailContent {
	return {
		kind: 'customer-migrated',
		subject: `An account was created for you (${site.name})`,
		body:
			`Hello ${to.name},\n\n${by.name} (${by.email}) turned your service-desk customer ` +
			`profile on ${site.name} into an account for ${to.email}: ` +
			`choose a password through "Can't log in?" to sign in.`,
		links: [setPasswordLink(to)]
	};
}
