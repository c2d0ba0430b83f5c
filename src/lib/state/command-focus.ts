// Where focus goes after each command, as `data-focus` keys (see focus.ts): the contact a
// change left in place, the list a contact left, the Undo of the announcement, the new license.
// Keys are built here and by the components that carry them (focusKeys), so they always match.
import { normaliseEmail } from '$lib/core';
import type { AccountId, ContactRole, LicenseId } from '$lib/core';
import type { CommandInputs, CommandName, CommandOutputs } from '$lib/app/command-types';

export const focusKeys = {
	/** A contact's row (its Delete button). */
	contact: (license: LicenseId, role: ContactRole, account: AccountId) =>
		`contact:${license}:${role}:${account}`,
	/** A role's contact list (its heading). */
	contacts: (license: LicenseId, role: ContactRole) => `contacts:${license}:${role}`,
	/** A license card (its Details button). */
	license: (license: LicenseId) => `license:${license}`,
	/** A license's "Request support" button. */
	support: (license: LicenseId) => `support:${license}`,
	/** The action (Undo) of the current announcement. */
	statusAction: 'status-action',
	createSite: 'create-site',
	startLicense: 'start-license',
	handoverReport: 'handover-report',
	billingEstimate: 'billing-estimate',
	demoAccounts: 'demo-accounts',
	/** O2: the Managed accounts heading, and one managed account's row (its first button). */
	managedAccounts: 'managed-accounts',
	managedAccount: (account: AccountId) => `managed:${account}`
} as const;

type Keys<N extends CommandName> = (
	input: CommandInputs[N],
	output: CommandOutputs[N]
) => readonly string[];

const AFTER: { readonly [N in CommandName]?: Keys<N> } = {
	'contact.delete': (i) => [focusKeys.statusAction, focusKeys.contacts(i.licenseId, i.role)],
	'contact.makePrimary': (i) => [
		focusKeys.contact(i.licenseId, i.role, i.accountId),
		focusKeys.contacts(i.licenseId, i.role)
	],
	'contact.add': (i, c) => {
		const key = normaliseEmail(i.email)?.key;
		const id = key === undefined ? undefined : c.applied.state.accountIdByEmailKey.get(key);
		const row = id === undefined ? [] : [focusKeys.contact(i.licenseId, i.role, id)];
		return [...row, focusKeys.contacts(i.licenseId, i.role)];
	},
	'license.start': (_i, c) =>
		c.change.type === 'license.start'
			? [focusKeys.license(c.change.payload.licenseId), focusKeys.startLicense]
			: [focusKeys.startLicense],
	'site.create': () => [focusKeys.createSite],
	'support.request': (i) => [focusKeys.support(i.licenseId)],
	'handover.apply': () => [focusKeys.handoverReport],
	'billing.makeMe': () => [focusKeys.billingEstimate],
	'demo.load': () => [focusKeys.demoAccounts],
	'managed.changeEmail': (i) => [focusKeys.managedAccount(i.accountId)],
	'managed.changeName': (i) => [focusKeys.managedAccount(i.accountId)],
	'managed.deactivate': (i) => [focusKeys.managedAccount(i.accountId)],
	'managed.reactivate': (i) => [focusKeys.managedAccount(i.accountId)],
	'managed.resetTwoStep': (i) => [focusKeys.managedAccount(i.accountId)],
	'managed.delete': () => [focusKeys.managedAccounts]
};

export function focusAfter<N extends CommandName>(
	name: N,
	input: CommandInputs[N],
	output: CommandOutputs[N]
): readonly string[] {
	const keys: Keys<N> | undefined = AFTER[name];
	return keys === undefined ? [] : keys(input, output);
}
