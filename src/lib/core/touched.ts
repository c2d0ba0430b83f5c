// What a merge changes, record by record (S9). The import preview merges a file onto a copy of
// the projection and compares the copy with the projection, so it names what applying will
// actually write rather than what the payloads mention: a handover names one person and
// moves many licenses; a password change names an account and changes its password.
import { normaliseEmail } from './domains';
import type { AccountId, LicenseId, SiteId } from './ids';
import type { Account, AccountSecrets, ContactRole, License, RoleContacts, Site } from './model';
import { CONTACT_ROLES } from './model';
import { members } from './roles';
import type { State } from './state';

/** How one account's place in one role changes. */
export type ContactMove =
	'joins' | 'joins-as-primary' | 'becomes-primary' | 'no-longer-primary' | 'leaves';

export interface ContactChange {
	readonly accountId: AccountId;
	readonly role: ContactRole;
	readonly move: ContactMove;
}

export interface LicenseTouch {
	readonly licenseId: LicenseId;
	readonly created: boolean;
	readonly contacts: readonly ContactChange[];
	/** Support requests added. */
	readonly supportRequests: number;
	/** Tier or expiry changed. */
	readonly terms: boolean;
	/** C14: the billing details were set or changed. */
	readonly billingDetails: boolean;
	/** C14: invoices issued. */
	readonly invoices: number;
}

/** What changes on an account record, in a fixed order. */
export type AccountAspect =
	| 'created'
	| 'deleted'
	| 'deactivated'
	| 'reactivated'
	| 'password'
	| 'reset-requested'
	| 'email'
	| 'email-change-requested'
	| 'two-step-on'
	| 'two-step-off'
	| 'recovery-code-used'
	| 'code-used'
	| 'verified'
	| 'verification-sent'
	| 'name'
	| 'avatar'
	| 'app-passwords'
	| 'support-account';

export interface AccountTouch {
	readonly accountId: AccountId;
	readonly aspects: readonly AccountAspect[];
	/** The name and address after the merge, where they change. */
	readonly newName: string | null;
	readonly newEmail: string | null;
	/** Licenses where the account joins a role, leaves one, or only its primary flag changes. */
	readonly joins: readonly LicenseId[];
	readonly leaves: readonly LicenseId[];
	readonly promotions: readonly LicenseId[];
}

export interface SiteTouch {
	readonly siteId: SiteId;
	readonly created: boolean;
	readonly adminsJoin: readonly AccountId[];
	readonly adminsLeave: readonly AccountId[];
	readonly productsAdded: number;
	/** A9: service-desk customers added, renamed or removed. */
	readonly customers: boolean;
	/** A11: product users added or removed, or upgraded to accounts. */
	readonly productUsers: boolean;
}

export interface Touched {
	readonly licenses: readonly LicenseTouch[];
	readonly accounts: readonly AccountTouch[];
	readonly sites: readonly SiteTouch[];
	/** Mail filed in the simulated mail client. */
	readonly mail: number;
}

/** The records a merge wrote (an append); without it every record is compared (a replay). */
export interface Written {
	readonly licenses: Iterable<LicenseId>;
	readonly accounts: Iterable<AccountId>;
	readonly sites: Iterable<SiteId>;
	readonly mail: number;
}

export function touchedBetween(before: State, after: State, written?: Written): Touched {
	const licenses: LicenseTouch[] = [];
	for (const id of written?.licenses ?? after.licenses.keys()) {
		const next = after.licenses.get(id);
		const touch = next && licenseTouch(before.licenses.get(id), next);
		if (touch) licenses.push(touch);
	}
	const accounts = new Map<AccountId, AccountTouch>();
	for (const id of written?.accounts ?? after.accounts.keys()) {
		const next = after.accounts.get(id);
		const old = before.accounts.get(id);
		const aspects = next ? accountAspects(old, next) : [];
		if (next && aspects.length > 0) {
			accounts.set(id, {
				...untouched(id),
				aspects,
				newName: old && old.name !== next.name ? next.name : null,
				newEmail: old && old.email !== next.email ? next.email : null
			});
		}
	}
	for (const license of licenses) addMoves(accounts, license);
	const sites: SiteTouch[] = [];
	for (const id of written?.sites ?? after.sites.keys()) {
		const next = after.sites.get(id);
		const touch = next && siteTouch(before.sites.get(id), next);
		if (touch) sites.push(touch);
	}
	const mail = written?.mail ?? countNew(before.mail, after.mail);
	return { licenses, accounts: [...accounts.values()], sites, mail };
}

/** C11: the licenses a handover changes: those where `from` or the heir moves. */
export function handoverLicenses(
	touched: Touched,
	after: State,
	payload: { readonly from: AccountId; readonly to: string }
): LicenseId[] {
	const key = normaliseEmail(payload.to)?.key;
	const heir = key === undefined ? undefined : after.accountIdByEmailKey.get(key);
	return touched.licenses
		.filter((l) => l.contacts.some((c) => c.accountId === payload.from || c.accountId === heir))
		.map((l) => l.licenseId);
}

function countNew<K, V>(before: ReadonlyMap<K, V>, after: ReadonlyMap<K, V>): number {
	let n = 0;
	for (const id of after.keys()) if (!before.has(id)) n++;
	return n;
}

function licenseTouch(old: License | undefined, next: License): LicenseTouch | null {
	if (old === next) return null;
	const contacts: ContactChange[] = [];
	for (const role of CONTACT_ROLES) {
		for (const c of roleMoves(old?.[role] ?? null, next[role])) contacts.push({ ...c, role });
	}
	const supportRequests = Math.max(
		0,
		next.supportRequests.length - (old?.supportRequests.length ?? 0)
	);
	const terms = old !== undefined && (old.tier !== next.tier || old.expiresAt !== next.expiresAt);
	const created = old === undefined;
	const billingDetails = old?.billingDetails !== next.billingDetails;
	const invoices = Math.max(0, (next.invoices?.length ?? 0) - (old?.invoices?.length ?? 0));
	const quiet = contacts.length === 0 && supportRequests === 0 && !terms;
	if (!created && quiet && !billingDetails && invoices === 0) return null;
	return {
		licenseId: next.id,
		created,
		contacts,
		supportRequests,
		terms,
		billingDetails,
		invoices
	};
}

function roleMoves(
	old: RoleContacts,
	next: RoleContacts
): { accountId: AccountId; move: ContactMove }[] {
	const before = new Set(members(old));
	const after = new Set(members(next));
	const moves: { accountId: AccountId; move: ContactMove }[] = [];
	for (const id of after) {
		const primary = next?.primary === id;
		if (!before.has(id))
			moves.push({ accountId: id, move: primary ? 'joins-as-primary' : 'joins' });
		else if (primary && old?.primary !== id) moves.push({ accountId: id, move: 'becomes-primary' });
		else if (!primary && old?.primary === id) {
			moves.push({ accountId: id, move: 'no-longer-primary' });
		}
	}
	for (const id of before) if (!after.has(id)) moves.push({ accountId: id, move: 'leaves' });
	return moves;
}

function addMoves(accounts: Map<AccountId, AccountTouch>, license: LicenseTouch): void {
	for (const c of license.contacts) {
		const touch = accounts.get(c.accountId) ?? untouched(c.accountId);
		const list =
			c.move === 'joins' || c.move === 'joins-as-primary'
				? 'joins'
				: c.move === 'leaves'
					? 'leaves'
					: 'promotions';
		if (touch[list].includes(license.licenseId)) continue;
		accounts.set(c.accountId, { ...touch, [list]: [...touch[list], license.licenseId] });
	}
}

function untouched(accountId: AccountId): AccountTouch {
	return {
		accountId,
		aspects: [],
		newName: null,
		newEmail: null,
		joins: [],
		leaves: [],
		promotions: []
	};
}

function accountAspects(old: Account | undefined, next: Account): AccountAspect[] {
	if (old === next) return [];
	if (old === undefined) return ['created'];
	if (old.status !== next.status) {
		if (next.status === 'deleted') return ['deleted'];
		return [next.status === 'deactivated' ? 'deactivated' : 'reactivated'];
	}
	const aspects: AccountAspect[] = [];
	const a = old.secrets;
	const b = next.secrets;
	if (!samePassword(a, b)) aspects.push('password');
	if (b.reset && b.reset.hash !== a.reset?.hash) aspects.push('reset-requested');
	if (old.email !== next.email) aspects.push('email');
	if (b.pendingEmail && b.pendingEmail.tokenHash !== a.pendingEmail?.tokenHash) {
		aspects.push('email-change-requested');
	}
	aspects.push(...twoStepAspects(a, b));
	if (!old.verified && next.verified) aspects.push('verified');
	if (b.verifyTokenHash && b.verifyTokenHash !== a.verifyTokenHash) {
		aspects.push('verification-sent');
	}
	if (old.name !== next.name) aspects.push('name');
	if ((old.avatar ?? null) !== (next.avatar ?? null)) aspects.push('avatar');
	// A14: created, revoked or used; A10: the linked support account.
	if (old.appPasswords !== next.appPasswords) aspects.push('app-passwords');
	if ((old.supportAccountId ?? null) !== (next.supportAccountId ?? null)) {
		aspects.push('support-account');
	}
	return aspects;
}

function samePassword(a: AccountSecrets, b: AccountSecrets): boolean {
	const x = a.passwordHash ?? null;
	const y = b.passwordHash ?? null;
	if (x === null || y === null) return x === y;
	return x.hash === y.hash && x.salt === y.salt && x.iterations === y.iterations;
}

function twoStepAspects(a: AccountSecrets, b: AccountSecrets): AccountAspect[] {
	const x = a.twoStep ?? null;
	const y = b.twoStep ?? null;
	if (x === null) return y === null ? [] : ['two-step-on'];
	if (y === null) return ['two-step-off'];
	if (x.totpSecret !== y.totpSecret) return ['two-step-on'];
	const aspects: AccountAspect[] = [];
	if (y.recoveryCodeHashes.length < x.recoveryCodeHashes.length) {
		aspects.push('recovery-code-used');
	}
	if (y.lastUsedStep !== x.lastUsedStep) aspects.push('code-used');
	return aspects;
}

function siteTouch(old: Site | undefined, next: Site): SiteTouch | null {
	if (old === next) return null;
	const before = new Set(old?.admins ?? []);
	const after = new Set(next.admins);
	const adminsJoin = next.admins.filter((id) => !before.has(id));
	const adminsLeave = (old?.admins ?? []).filter((id) => !after.has(id));
	const productsAdded = next.productIds.filter((p) => !(old?.productIds ?? []).includes(p)).length;
	const created = old === undefined;
	const customers =
		old?.customers !== next.customers && (old !== undefined || next.customers !== undefined);
	const productUsers =
		old?.productUsers !== next.productUsers &&
		(old !== undefined || next.productUsers !== undefined);
	const moved = adminsJoin.length + adminsLeave.length + productsAdded > 0;
	if (!created && !moved && !customers && !productUsers) return null;
	return {
		siteId: next.id,
		created,
		adminsJoin,
		adminsLeave,
		productsAdded,
		customers,
		productUsers
	};
}
