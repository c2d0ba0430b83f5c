// How the Sync page names what changes touch and what they were (S5, S9): from this device's
// projection where it knows the record, else from the changes being imported (a license the
// file starts, an account it creates), else by id. Plain text only (X4).
import { accountId, findProduct, licenseId, siteId } from '$lib/core';
import type { Change, ContactRole, State } from '$lib/core';

export interface Lookup {
	readonly license: (id: string) => string;
	readonly account: (id: string) => string;
	readonly site: (id: string) => string;
}

/** Names from the projection first, then from `changes` (the file being previewed). */
export function lookupFor(state: State, changes: readonly Change[] = []): Lookup {
	const licenses = new Map<string, string>();
	const accounts = new Map<string, string>();
	const sites = new Map<string, string>();
	for (const change of changes) {
		switch (change.type) {
			case 'license.start': {
				const { licenseId, productId, sen } = change.payload;
				licenses.set(licenseId, licenseName(productId, sen));
				break;
			}
			case 'account.create':
				accounts.set(change.payload.accountId, `${change.payload.name} (${change.payload.email})`);
				break;
			case 'contact.add': {
				const added = change.payload.newAccount;
				if (added) accounts.set(added.accountId, `${added.name} (${change.payload.email})`);
				break;
			}
			case 'handover': {
				const heir = change.payload.newAccount;
				if (heir) accounts.set(heir.accountId, `${heir.name} (${change.payload.to})`);
				break;
			}
			case 'site.create':
				sites.set(change.payload.siteId, change.payload.name);
				break;
		}
	}
	return {
		license: (id) => {
			const known = state.licenses.get(licenseId(id));
			if (known) return licenseName(known.productId, known.sen);
			return licenses.get(id) ?? `license ${id}`;
		},
		account: (id) => {
			const known = state.accounts.get(accountId(id));
			if (known) return `${known.name} (${known.email})`;
			return accounts.get(id) ?? `account ${id}`;
		},
		site: (id) => {
			return state.sites.get(siteId(id))?.name ?? sites.get(id) ?? `site ${id}`;
		}
	};
}

function licenseName(productId: string, sen: string): string {
	return `${findProduct(productId)?.name ?? productId} ${sen}`;
}

const role = (r: ContactRole) => (r === 'billing' ? 'billing' : 'technical');

/** One line saying what the change asked for. */
export function describeChange(change: Change, names: Lookup): string {
	switch (change.type) {
		case 'account.create':
			return `${change.payload.mode === 'invited' ? 'Invite' : 'Sign up'} ${change.payload.name} (${change.payload.email})`;
		case 'license.start':
			return `Start the license ${licenseName(change.payload.productId, change.payload.sen)}`;
		case 'site.create':
			return `Create the site ${change.payload.name}`;
		case 'contact.add':
			return `Add ${change.payload.email} as ${role(change.payload.role)} contact of ${names.license(change.payload.licenseId)}`;
		case 'contact.makePrimary':
			return `Make ${names.account(change.payload.accountId)} primary ${role(change.payload.role)} contact of ${names.license(change.payload.licenseId)}`;
		case 'contact.delete':
			return `Delete ${names.account(change.payload.accountId)} as ${role(change.payload.role)} contact of ${names.license(change.payload.licenseId)}`;
		case 'billing.makeMe':
			return `Make me billing contact of the licenses of ${names.site(change.payload.siteId)}`;
		case 'support.request':
			return `Request support for ${names.license(change.payload.licenseId)}: “${change.payload.subject}”`;
		case 'handover':
			return `Hand over the licenses of ${names.account(change.payload.from)} to ${change.payload.to}`;
		case 'renewal.remind':
			return 'Send renewal reminders';
		case 'account.requestReset':
			return `Request a password reset for ${change.payload.email}`;
		case 'account.requestEmailChange':
			return `Change the email of ${names.account(change.payload.accountId)} to ${change.payload.newEmail}`;
		default:
			return `${ACCOUNT_VERBS[change.type]} ${names.account(change.payload.accountId)}`;
	}
}

const ACCOUNT_VERBS = {
	'account.verifyEmail': 'Verify the email of',
	'account.resendVerification': 'Resend the verification mail to',
	'account.setPassword': 'Set the password of',
	'account.updateProfile': 'Update the profile of',
	'account.confirmEmailChange': 'Confirm the new email of',
	'account.enableTwoStep': 'Turn on two-step verification for',
	'account.disableTwoStep': 'Turn off two-step verification for',
	'account.useTotpStep': 'Log in with a verification code as',
	'account.useRecoveryCode': 'Log in with a recovery code as',
	'account.delete': 'Delete the account of',
	'device.enroll': 'Enroll a device for',
	'account.setKeys': 'Give a signing key to'
} as const;

/** Who made the change: an account, or nobody logged in (sign up, password reset …). */
export function actorWords(change: Change, names: Lookup): string {
	return change.actor === null ? 'someone not logged in' : names.account(change.actor);
}

/** At most `limit` names, and how many more there are. */
export function firstNames(
	ids: readonly string[],
	name: (id: string) => string,
	limit = 10
): { readonly shown: readonly string[]; readonly more: number } {
	return {
		shown: ids.slice(0, limit).map(name),
		more: Math.max(0, ids.length - limit)
	};
}
