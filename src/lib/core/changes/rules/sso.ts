// O5/A7: single sign-on settings, the provider directory and Google sync. Admins only (the
// organization rules' requireAdmin). A directory person's address is at a domain the
// organization verified; Google sync applies the core's own plan (sso.ts), so every device makes
// the same accounts with the same ids. With sign-in None, the directory is connected for
// password sync: saving a person pushes their password to their Tessera account (seed 002).
import { normaliseEmail } from '../../domains';
import { accountId } from '../../ids';
import { adminActionNotice } from '../../mail-managed';
import type { Account, DirectoryPerson, Organization } from '../../model';
import { managedBy } from '../../organization-queries';
import { planGoogleSync } from '../../sso';
import { isPasswordHash, withSecrets } from '../account-guards';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_NAME, text } from '../guards';
import type {
	DirectoryPut,
	DirectoryRemove,
	GoogleSync,
	OrganizationSetSignIn
} from '../organization-types';
import { requireAdmin } from './organizations';

const MAX_GROUPS = 50;
const MAX_GROUP = 100;
const MAX_DIRECTORY = 10_000;

function verifies(org: Organization, domain: string): boolean {
	return org.domains.some((d) => d.domain === domain && d.status === 'verified');
}

function groupsOf(list: readonly string[]): string[] | null {
	if (!Array.isArray(list) || list.length > MAX_GROUPS) return null;
	const out = new Set<string>();
	for (const g of list) {
		const name = typeof g === 'string' ? text(g, MAX_GROUP) : null;
		if (name === null) return null;
		out.add(name);
	}
	return [...out].sort();
}

export function organizationSetSignIn(d: Draft, c: OrganizationSetSignIn): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const { org } = admin.value;
	if (p.provider !== 'none' && p.provider !== 'saml' && p.provider !== 'google') {
		return refuse('invalid-payload', { field: 'provider' });
	}
	d.putOrganization({ ...org, signIn: p.provider === 'none' ? null : p.provider });
	return done();
}

export function directoryPut(d: Draft, c: DirectoryPut): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const { org } = admin.value;
	const address = normaliseEmail(p.email);
	if (address === null) return refuse('invalid-email');
	if (!verifies(org, address.domain)) return refuse('not-a-verified-domain');
	const name = text(p.name, MAX_NAME);
	if (name === null) return refuse('name-required');
	if (!isPasswordHash(p.passwordHash)) return refuse('invalid-payload', { field: 'passwordHash' });
	const groups = groupsOf(p.groups);
	if (groups === null) return refuse('invalid-payload', { field: 'groups' });
	const directory = org.directory ?? [];
	const others = directory.filter((x) => x.emailKey !== address.key);
	if (others.length >= MAX_DIRECTORY) return refuse('invalid-payload', { field: 'email' });
	const person: DirectoryPerson = {
		email: address.email,
		emailKey: address.key,
		name,
		passwordHash: p.passwordHash,
		groups
	};
	const next = [...others, person].sort((a, b) => (a.emailKey < b.emailKey ? -1 : 1));
	d.putOrganization({ ...org, directory: next });
	if ((org.signIn ?? null) === null) pushPassword(d, c, admin.value.actor, org, person);
	return done();
}

/**
 * O5 password sync (seed 002): the directory's password replaces the Tessera password of the
 * person's account when this organization manages it and it signs in with a password. The
 * vault sealed under the old password no longer opens: the next log in with the pushed one
 * makes a new key (passwordPushed), and two-step verification, whose secret was sealed there,
 * is turned off with it (the holder is told, and O4 makes them enroll again where required).
 * A password the holder sets here later works until the next push.
 */
function pushPassword(
	d: Draft,
	c: DirectoryPut,
	admin: Account,
	org: Organization,
	person: DirectoryPerson
): void {
	const account = d.accountByEmailKey(person.emailKey);
	if (account === undefined || account.status === 'deleted' || account.source !== 'password') {
		return;
	}
	if (managedBy(d.state, account.id)?.id !== org.id) return;
	const twoStepReset = (account.secrets.twoStep ?? null) !== null;
	d.putAccount(
		withSecrets(account, {
			passwordHash: person.passwordHash,
			passwordChangedAt: c.at,
			passwordPushed: true,
			reset: null,
			twoStep: null
		})
	);
	d.send(
		account,
		adminActionNotice(account, org, admin, { kind: 'password-pushed', twoStepReset })
	);
}

export function directoryRemove(d: Draft, c: DirectoryRemove): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const { org } = admin.value;
	const address = normaliseEmail(p.email);
	if (address === null) return refuse('invalid-email');
	const directory = org.directory ?? [];
	if (!directory.some((x) => x.emailKey === address.key)) return refuse('not-in-directory');
	d.putOrganization({ ...org, directory: directory.filter((x) => x.emailKey !== address.key) });
	return done();
}

export function googleSync(d: Draft, c: GoogleSync): Outcome {
	const p = c.payload;
	const admin = requireAdmin(d, p.organizationId);
	if (!admin.ok) return admin;
	const { org } = admin.value;
	if (org.signIn !== 'google') return refuse('not-google');
	const groups = groupsOf(p.groups);
	if (groups === null || groups.length === 0) return refuse('invalid-payload', { field: 'groups' });
	const plan = planGoogleSync(d.state, org, groups);
	plan.create.forEach((person, i) => {
		const account: Account = {
			id: accountId(`${c.id}-${i}`),
			email: person.email,
			emailKey: person.emailKey,
			name: person.name,
			status: 'active',
			// The provider vouches for the address (A1's verification is the provider's).
			verified: true,
			source: 'google',
			invited: false,
			createdAt: c.at,
			secrets: {}
		};
		d.putAccount(account);
	});
	for (const { account, name } of plan.rename) {
		d.putAccount({ ...(d.account(account.id) ?? account), name });
	}
	for (const account of plan.reactivate) {
		d.putAccount({ ...(d.account(account.id) ?? account), status: 'active', source: 'google' });
	}
	for (const account of plan.deactivate) {
		d.putAccount({ ...account, status: 'deactivated' });
	}
	d.putOrganization({ ...org, syncedGroups: groups });
	return done();
}
