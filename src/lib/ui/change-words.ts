// How the Sync page names what changes touch and what they were (S5, S9): from this device's
// projection where it knows the record, else from the changes being imported (a license the
// file starts, an account it creates), else in neutral words ("a license not on this
// device"), never by raw id. Someone's text (names, emails, subjects) stays a separate piece
// of the phrase, so the page can isolate it (X4).
import { accountId, findProduct, licenseId, siteId } from '$lib/core';
import type { Change, ContactRole, State } from '$lib/core';
import { person, phrase, userText } from './phrase';
import type { Phrase } from './phrase';
import { describeSupportChange } from './support-change-words';

export interface Lookup {
	readonly license: (id: string) => Phrase;
	readonly account: (id: string) => Phrase;
	readonly site: (id: string) => Phrase;
	/** The name when this device or the file knows the record, else undefined. */
	readonly find: {
		readonly license: (id: string) => Phrase | undefined;
		readonly account: (id: string) => Phrase | undefined;
		readonly site: (id: string) => Phrase | undefined;
	};
}

export const UNKNOWN = {
	license: 'a license not on this device',
	account: 'an account not on this device',
	site: 'a site not on this device'
} as const;

/** Names from the projection first, then from `changes` (the file being previewed). */
export function lookupFor(state: State, changes: readonly Change[] = []): Lookup {
	const licenses = new Map<string, Phrase>();
	const accounts = new Map<string, Phrase>();
	const sites = new Map<string, Phrase>();
	for (const change of changes) {
		switch (change.type) {
			case 'license.start': {
				const { licenseId, productId, sen } = change.payload;
				licenses.set(licenseId, licenseName(productId, sen));
				break;
			}
			case 'account.create':
				accounts.set(change.payload.accountId, person(change.payload.name, change.payload.email));
				break;
			case 'contact.add': {
				const added = change.payload.newAccount;
				if (added) accounts.set(added.accountId, person(added.name, change.payload.email));
				break;
			}
			case 'handover': {
				const heir = change.payload.newAccount;
				if (heir) accounts.set(heir.accountId, person(heir.name, change.payload.to));
				break;
			}
			case 'site.create':
				sites.set(change.payload.siteId, [userText(change.payload.name)]);
				break;
		}
	}
	const find = {
		license: (id: string): Phrase | undefined => {
			const known = state.licenses.get(licenseId(id));
			return known ? licenseName(known.productId, known.sen) : licenses.get(id);
		},
		account: (id: string): Phrase | undefined => {
			const known = state.accounts.get(accountId(id));
			return known ? person(known.name, known.email) : accounts.get(id);
		},
		site: (id: string): Phrase | undefined => {
			const known = state.sites.get(siteId(id));
			return known ? [userText(known.name)] : sites.get(id);
		}
	};
	return {
		license: (id) => find.license(id) ?? [UNKNOWN.license],
		account: (id) => find.account(id) ?? [UNKNOWN.account],
		site: (id) => find.site(id) ?? [UNKNOWN.site],
		find
	};
}

function licenseName(productId: string, sen: string): Phrase {
	const product = findProduct(productId)?.name;
	return product ? [`${product} `, userText(sen)] : ['a license ', userText(sen)];
}

const role = (r: ContactRole) => (r === 'billing' ? 'billing' : 'technical');

/** One line saying what the change asked for. */
export function describeChange(change: Change, names: Lookup): Phrase {
	switch (change.type) {
		case 'account.create':
			return phrase(
				change.payload.mode === 'invited' ? 'Invite ' : 'Sign up ',
				person(change.payload.name, change.payload.email)
			);
		case 'license.start':
			return phrase(
				'Start the license ',
				licenseName(change.payload.productId, change.payload.sen)
			);
		case 'site.create':
			return ['Create the site ', userText(change.payload.name)];
		case 'contact.add':
			return phrase(
				'Add ',
				userText(change.payload.email),
				` as ${role(change.payload.role)} contact of `,
				names.license(change.payload.licenseId)
			);
		case 'contact.makePrimary':
			return phrase(
				'Make ',
				names.account(change.payload.accountId),
				` primary ${role(change.payload.role)} contact of `,
				names.license(change.payload.licenseId)
			);
		case 'contact.delete':
			return phrase(
				'Delete ',
				names.account(change.payload.accountId),
				` as ${role(change.payload.role)} contact of `,
				names.license(change.payload.licenseId)
			);
		case 'billing.makeMe':
			return phrase(
				'Make me billing contact of the licenses of ',
				names.site(change.payload.siteId)
			);
		case 'support.request':
			return phrase(
				'Request support for ',
				names.license(change.payload.licenseId),
				': “',
				userText(change.payload.subject),
				'”'
			);
		case 'billing.setDetails':
			return phrase(
				'Set the billing details of ',
				names.license(change.payload.licenseId),
				' to ',
				userText(change.payload.name)
			);
		case 'license.renew':
			return phrase('Renew ', names.license(change.payload.licenseId), ' for one year');
		case 'handover':
			return phrase(
				'Hand over the licenses of ',
				names.account(change.payload.from),
				' to ',
				userText(change.payload.to)
			);
		case 'renewal.remind':
			return ['Send renewal reminders'];
		case 'account.requestReset':
			return ['Ask for a password reset link for ', userText(change.payload.email)];
		case 'account.requestEmailChange':
			return phrase(
				'Ask to change the email address of ',
				names.account(change.payload.accountId),
				' to ',
				userText(change.payload.newEmail)
			);
		case 'account.setPassword':
			return phrase(PASSWORD_VERBS[change.payload.reason], names.account(change.payload.accountId));
		case 'organization.create':
			return ['Create the organization ', userText(change.payload.name)];
		case 'organization.addAdmin':
			return phrase('Make ', names.account(change.payload.accountId), ' an organization admin');
		case 'organization.removeAdmin':
			return phrase(
				'Remove ',
				names.account(change.payload.accountId),
				' as an organization admin'
			);
		case 'domain.add':
		case 'domain.verify':
		case 'domain.remove':
			return [DOMAIN_VERBS[change.type], userText(change.payload.domain)];
		case 'managed.changeEmail':
			return phrase(
				'As an organization admin, change the email address of ',
				names.account(change.payload.accountId),
				' to ',
				userText(change.payload.email)
			);
		case 'managed.changeName':
			return phrase(
				'As an organization admin, rename ',
				names.account(change.payload.accountId),
				' to ',
				userText(change.payload.name)
			);
		case 'managed.deactivate':
		case 'managed.reactivate':
		case 'managed.delete':
		case 'managed.resetTwoStep':
			return phrase(MANAGED_VERBS[change.type], names.account(change.payload.accountId));
		case 'organization.setSignIn':
			return [
				change.payload.provider === 'none'
					? 'Turn single sign-on off for an organization'
					: `Make an organization sign in through ${change.payload.provider === 'saml' ? 'SAML' : 'Google'}`
			];
		case 'directory.put':
			return ['Save in the directory ', userText(change.payload.email)];
		case 'directory.remove':
			return ['Remove from the directory ', userText(change.payload.email)];
		case 'google.sync':
			return ['Run Google sync for the groups ', userText(change.payload.groups.join(', '))];
		case 'productUser.add':
			return phrase(
				'Add the product user ',
				userText(change.payload.email),
				change.payload.bot ? ' (a bot) on ' : ' on ',
				names.site(change.payload.siteId)
			);
		case 'productUser.remove':
			return phrase('Remove a product user from ', names.site(change.payload.siteId));
		case 'site.upgradeUsers':
			return phrase(
				'Upgrade the product users of ',
				names.site(change.payload.siteId),
				' to accounts'
			);
		case 'appPassword.create':
			return phrase(
				'Create the app password ',
				userText(change.payload.name),
				' for ',
				names.site(change.payload.siteId)
			);
		case 'appPassword.revoke':
			return phrase('Revoke an app password of ', names.account(change.payload.accountId));
		case 'appPassword.use':
			return phrase('Use an app password of ', names.account(change.payload.accountId));
		case 'supportAccount.add':
		case 'supportAccount.requestChange':
		case 'supportAccount.confirmChange':
		case 'support.answer':
		case 'support.reply':
		case 'support.resolve':
		case 'support.reopen':
			return describeSupportChange(change, names);
		case 'customer.add':
		case 'customer.rename':
		case 'customer.remove':
		case 'customer.migrate':
			return phrase(
				CUSTOMER_VERBS[change.type],
				userText(change.payload.email),
				' on the service desk of ',
				names.site(change.payload.siteId)
			);
		case 'domain.mailCheck':
			return [
				'Mail a link verifying the domain ',
				userText(change.payload.domain),
				' to ',
				userText(change.payload.address)
			];
		case 'organization.setPasswordPolicy': {
			const p = change.payload;
			const expiry = p.maxAgeDays === null ? 'never expires' : `expires after ${p.maxAgeDays} days`;
			return [
				`Set an organization’s password policy: strength ${p.minStrength} of 4, at least ${p.minLength} characters, ${expiry}`
			];
		}
		case 'organization.setTwoStepPolicy':
			return [
				change.payload.required
					? 'Require two-step verification for an organization’s managed accounts'
					: 'Stop requiring two-step verification for an organization’s managed accounts'
			];
		default:
			return phrase(ACCOUNT_VERBS[change.type], names.account(change.payload.accountId));
	}
}

const PASSWORD_VERBS = {
	change: 'Change the password of ',
	reset: 'Reset, through a mailed link, the password of ',
	first: 'Set a first password for '
} as const;

const DOMAIN_VERBS = {
	'domain.add': 'Add to an organization the domain ',
	'domain.verify': 'Verify the domain ',
	'domain.remove': 'Remove from an organization the domain '
} as const;

const CUSTOMER_VERBS = {
	'customer.add': 'Add the service-desk customer ',
	'customer.rename': 'Rename the service-desk customer ',
	'customer.remove': 'Remove the service-desk customer ',
	'customer.migrate': 'Make an account of the service-desk customer '
} as const;

const MANAGED_VERBS = {
	'managed.deactivate': 'As an organization admin, deactivate ',
	'managed.reactivate': 'As an organization admin, reactivate ',
	'managed.delete': 'As an organization admin, delete the account of ',
	'managed.resetTwoStep': 'As an organization admin, reset the two-step verification of '
} as const;

const ACCOUNT_VERBS = {
	'account.regenerateRecoveryCodes': 'Make new recovery codes for ',
	'account.verifyEmail': 'Verify the email address of ',
	'account.resendVerification': 'Resend the verification mail to ',
	'account.updateProfile': 'Update the profile of ',
	'account.confirmEmailChange': 'Confirm the new email address of ',
	'account.enableTwoStep': 'Turn on two-step verification for ',
	'account.disableTwoStep': 'Turn off two-step verification for ',
	'account.useTotpStep': 'Log in with a verification code as ',
	'account.useRecoveryCode': 'Log in with a recovery code as ',
	'account.delete': 'Delete the account of ',
	'device.enroll': 'Enroll a device for ',
	'account.setKeys': 'Give a signing key to '
} as const;

/** Who made the change: an account, or nobody logged in (sign up, password reset …). */
export function actorWords(change: Change, names: Lookup): Phrase {
	return change.actor === null ? ['someone not logged in'] : names.account(change.actor);
}
