// A11 and A14: the words of the product-user and app-password commands (what each says when
// done, what remove, upgrade and revoke ask first, which form field a refusal belongs on), of
// the upgrade report and of the simulated basic-authentication check. command-words.ts merges
// these into the command map's words.
import type { CommandInputs, CommandOutputs, CommandRefusal } from '$lib/app/command-types';
import type { BasicAuthResult, ProductCommandName } from '$lib/app/product-command-types';
import { findProduct } from '$lib/core';
import type { ProductId, SiteId, State, UpgradeEntry } from '$lib/core';
import { announcement } from './announcement';
import type { Announcement } from './announcement';
import { formatDate, plural } from './format';
import { phrase, quoted, userText } from './phrase';
import type { Phrase } from './phrase';

type Name = ProductCommandName;

const success = (words: string | Phrase): Announcement => announcement(words, 'success');

/** "Tessera Issues, Tessera Pages". */
export function productNames(ids: readonly ProductId[]): string {
	return ids.map((id) => findProduct(id)?.name ?? id).join(', ');
}

/** A11: what the upgrade did, counted. */
export function upgradeSummary(entries: readonly UpgradeEntry[]): string {
	const count = (o: UpgradeEntry['outcome']) => entries.filter((e) => e.outcome === o).length;
	const parts = [
		`${plural(count('reused'), 'existing account')} reused`,
		`${plural(count('invited'), 'account')} invited`
	];
	const inactive = count('inactive');
	if (inactive > 0)
		parts.push(
			`${plural(inactive, 'address', 'addresses')} with a deactivated account left waiting`
		);
	const bots = entries.filter((e) => e.flaggedBot).length;
	if (bots > 0) parts.push(`${plural(bots, 'bot')} flagged`);
	return `Upgrade to accounts: ${parts.join(', ')}.`;
}

const OUTCOME_WORDS: Readonly<Record<UpgradeEntry['outcome'], string>> = {
	reused: 'already had an account: it is used now',
	invited: 'is a new account, invited: we mailed how to choose a password',
	inactive: 'has a deactivated account: left waiting until it is reactivated'
};

/** A11: one line of the report, and what to do about a flagged bot. */
export function upgradeEntryWords(entry: UpgradeEntry): Phrase {
	const base = phrase(
		userText(entry.email),
		` (${productNames(entry.productIds)}) ${OUTCOME_WORDS[entry.outcome]}.`
	);
	if (!entry.flaggedBot) return base;
	return phrase(
		base,
		' Bot used on several sites (',
		userText(entry.usedOn.join(', ')),
		'): give it a unique email on each site, or an app password for each site.'
	);
}

export const PRODUCT_DONE: {
	readonly [N in Name]: (output: CommandOutputs[N], input: CommandInputs[N]) => Announcement | null;
} = {
	'productUser.add': (_c, i) =>
		success([userText(i.email.trim()), ' is now a user of the chosen products.']),
	'productUser.remove': () => success('The product user was removed.'),
	'site.upgradeUsers': (c, i) =>
		success(upgradeSummary(c.applied.state.sites.get(i.siteId)?.lastUpgrade?.entries ?? [])),
	'appPassword.create': (_o, i) =>
		success([
			'App password ',
			userText(i.name.trim()),
			' created. Copy or download it now: it is shown only once.'
		]),
	'appPassword.revoke': () => success('The app password was revoked: it no longer works.'),
	// The page shows the answer in its own live region.
	'basicAuth.check': () => null
};

const siteName = (state: State, id: SiteId): string =>
	quoted(state.sites.get(id)?.name ?? 'this site', 80);

export const PRODUCT_ASK = {
	'productUser.remove': (input: CommandInputs['productUser.remove'], state: State) => ({
		title: 'Remove product user?',
		body: `This person no longer uses the products of ${siteName(state, input.siteId)}. An account they were upgraded to stays.`,
		confirm: 'Remove user'
	}),
	'site.upgradeUsers': (input: CommandInputs['site.upgradeUsers'], state: State) => ({
		title: 'Upgrade to accounts?',
		body:
			`Every product user of ${siteName(state, input.siteId)} who is not an account yet gets one, ` +
			'one per email address: an existing account with the address is used, the others are ' +
			'invited and mailed how to choose a password.',
		confirm: 'Upgrade'
	}),
	'appPassword.revoke': () => ({
		title: 'Revoke app password?',
		body: 'Anything that signs in with it stops working at once. It cannot be undone.',
		confirm: 'Revoke'
	})
};

/** The field of the form a refusal belongs on, or null: announced. */
export function productField(name: Name, refusal: CommandRefusal): string | null {
	const code = refusal.code;
	if (name === 'productUser.add') {
		if (code === 'invalid-email' || code === 'product-user-exists') return 'email';
		if (code === 'name-required') return 'name';
		if (code === 'product-required' || code === 'unknown-product') return 'products';
		if (code === 'invalid-site-name') return 'usedOn';
	}
	if (name === 'appPassword.create') {
		if (code === 'name-required' || code === 'app-password-name-taken') return 'name';
		if (code === 'unknown-site') return 'site';
	}
	return null;
}

export function isProductCommand(name: string): name is Name {
	return name in PRODUCT_DONE;
}

/** A14: the answer of the simulated basic-authentication check. */
export function basicAuthWords(result: BasicAuthResult): { text: string; accepted: boolean } {
	switch (result.kind) {
		case 'app-password':
			return {
				text: `Accepted: the app password “${result.name}” of this account for this site.`,
				accepted: true
			};
		case 'account-password':
			return { text: 'Accepted: the account’s own password.', accepted: true };
		case 'use-app-password':
			return {
				text:
					`Refused: this account is a bot used on several sites (${result.sites.join(', ')}), ` +
					'so its account password does not work here. Use an app password for this site ' +
					'(Profile → Services → App passwords).',
				accepted: false
			};
		case 'wrong-credentials':
			return { text: 'Refused: wrong email or password.', accepted: false };
		case 'unknown-site':
			return { text: 'Refused: no site with that address.', accepted: false };
		case 'throttled':
			return {
				text: `Refused: too many wrong passwords for this address. Try again after ${new Date(result.retryAt).toISOString().slice(11, 16)} UTC.`,
				accepted: false
			};
	}
}

/** A14: "Created 2026-11-30 · Last used 2026-12-01" / "never used". */
export function appPasswordDates(createdAt: number, lastUsedAt: number | null): string {
	const used = lastUsedAt === null ? 'Never used' : `Last used ${formatDate(lastUsedAt)}`;
	return `Created ${formatDate(createdAt)} · ${used}`;
}

/** The words the sections use. */
export const PRODUCT_WORDS = {
	usersHeading: 'Users',
	upgrade: 'Upgrade to accounts',
	noUsers: 'No product users on this site.',
	reportHeading: 'Upgrade report',
	appPasswordsHeading: 'App passwords',
	noAppPasswords: 'No app passwords.',
	secretLabel: 'New app password',
	secretNote: 'Copy it now: it is shown only once and we keep only a hash of it.',
	basicAuthHeading: 'Simulated basic authentication',
	basicAuthIntro:
		'A product of a site asks for an email and a password, as scripts and bots do with basic ' +
		'authentication. Nothing leaves this browser.'
} as const;
