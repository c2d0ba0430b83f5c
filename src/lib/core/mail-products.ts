// A11: the mail an address receives when a site's upgrade made it an invited account.
import { setPasswordLink } from './mail';
import type { MailContent } from './mail';
import type { Account, Site } from './model';

/** A11 with C4: the account exists now; it chooses a password through "Can't log in?" (A4). */
export function usersUpgraded(to: Account, site: Site, by: Account): MailContent {
	return {
		kind: 'users-upgraded',
		subject: `An account was created for you (${site.name})`,
		body:
			`Hello ${to.name},\n\n${by.name} (${by.email}) upgraded the users of the products on ` +
			`${site.name} to accounts: ${to.email} is one now. ` +
			`Choose a password through "Can't log in?" to sign in to every product with it.`,
		links: [setPasswordLink(to)]
	};
}
