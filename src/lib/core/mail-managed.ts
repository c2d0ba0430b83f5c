// A13: the security notice the holder of a managed account receives when an admin of its
// organization acts on it (O2, A6). It names the organization and the admin, says what changed
// and what to do if it looks wrong. Plain text only (X4).
import type { MailContent } from './mail';
import type { Account, Organization } from './model';

export type AdminAction =
	| { readonly kind: 'email'; readonly from: string; readonly to: string }
	| { readonly kind: 'name'; readonly from: string; readonly to: string }
	| { readonly kind: 'deactivated' }
	| { readonly kind: 'reactivated' }
	| { readonly kind: 'deleted'; readonly removedRoles: number }
	| { readonly kind: 'two-step-reset' }
	/** O5 password sync: the directory pushed a password (two-step reset with it when on). */
	| { readonly kind: 'password-pushed'; readonly twoStepReset: boolean };

const SUBJECTS: Readonly<Record<AdminAction['kind'], string>> = {
	email: 'An admin changed your email address',
	name: 'An admin changed your name',
	deactivated: 'An admin deactivated your account',
	reactivated: 'An admin reactivated your account',
	deleted: 'An admin deleted your account',
	'two-step-reset': 'An admin reset your two-step verification',
	'password-pushed': 'Your password was replaced by your organization’s directory'
};

function what(action: AdminAction): string {
	switch (action.kind) {
		case 'email':
			return `changed the address of your account from ${action.from} to ${action.to}. From now on, log in with ${action.to}.`;
		case 'name':
			return `changed the name on your account from ${action.from} to ${action.to}.`;
		case 'deactivated':
			return 'deactivated your account: you cannot log in until an admin reactivates it.';
		case 'reactivated':
			return 'reactivated your account: you can log in again.';
		case 'deleted':
			return (
				'deleted your account.' +
				(action.removedRoles === 0
					? ''
					: ` You were removed from ${action.removedRoles} license contact role(s) with it.`)
			);
		case 'two-step-reset':
			return (
				'turned two-step verification off for your account: your authenticator app and ' +
				'recovery codes no longer work. Turn it on again in Profile → Security.'
			);
		case 'password-pushed':
			return (
				'pushed a new password to your account from the directory (password sync): log in ' +
				'with the password your directory has for you. A password you set here works until ' +
				'the next push.' +
				(action.twoStepReset
					? ' Two-step verification was turned off with it (its secret was sealed under the ' +
						'old password): turn it on again in Profile → Security.'
					: '')
			);
	}
}

/** A13: one notice per admin action, to the holder's address (both addresses for an email). */
export function adminActionNotice(
	account: Account,
	organization: Organization,
	admin: Account,
	action: AdminAction
): MailContent {
	const links =
		action.kind === 'two-step-reset' ||
		action.kind === 'reactivated' ||
		action.kind === 'password-pushed'
			? [{ label: 'Open Profile', href: '/profile' }]
			: [];
	return {
		kind: 'admin-action',
		subject: SUBJECTS[action.kind],
		body:
			`Hello ${account.name},\n\n${admin.name} (${admin.email}), an admin of ` +
			`${organization.name}, which manages ${account.email}, ${what(action)}\n\n` +
			`If this looks wrong, ask another admin of ${organization.name}.`,
		links
	};
}
