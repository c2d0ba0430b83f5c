// P3 "Load demo data": the demo organization of core/demo-data.ts and the two organizations of
// core/demo-organizations.ts (demo-organizations.ts), built as the same changes a person would
// make through the UI (sign up, verify a domain, start licenses, add contacts, make primary …),
// so the demo history syncs, replays and audits like any other. All of it is committed with
// ONE commitMany: one transaction, progress reported while it runs (P4). X6: every demo
// account gets its own signing key, sealed under the shared demo password with ONE derived
// vault key (one PBKDF2, like the one password hash), and this device is enrolled for each.
import { accountId, changeId, licenseId, productId, siteId } from '$lib/core';
import type { AccountId, ContactRole, PasswordHash, Refusal } from '$lib/core';
import { deriveVaultKey, hashPassword, randomToken, sha256Base64url } from '$lib/security';
import type { VaultKey } from '$lib/security';
import type { ChangeDraft } from '$lib/store/types';
import { enrollDraft, newAccountKey } from './accounts/keys';
import type { AppContext } from './context';
import { organizationDrafts } from './demo-organizations';
import { recordDrafts } from './demo-records';
import { demoProductUsers } from '$lib/core/demo-products';
import { demoSupportDrafts } from '$lib/core/demo-support';
import {
	DEMO_ACCOUNTS,
	DEMO_LICENSES,
	DEMO_PASSWORD,
	DEMO_PEOPLE,
	DEMO_SITES,
	MAX_EXTRA_LICENSES,
	demoPerson
} from '$lib/core/demo-data';
import type { DemoLicense, DemoPersonKey } from '$lib/core/demo-data';

const DAY = 24 * 60 * 60 * 1000;

export type DemoPhase = 'password' | 'writing';

export interface DemoProgress {
	readonly phase: DemoPhase;
	readonly done: number;
	readonly total: number;
}

export interface DemoOptions {
	/** More licenses for Olivia, to try the list with thousands (0 by default). */
	readonly extraLicenses?: number;
	readonly onProgress?: (p: DemoProgress) => void;
	/** Password hashing (X1); tests pass a cheaper one. Default: the real PBKDF2. */
	readonly hash?: (password: string) => Promise<PasswordHash>;
	/** X6: the vault key for the demo password; tests share one. Default: the real PBKDF2. */
	readonly vaultKey?: (password: string) => Promise<VaultKey>;
	/** A token and its SHA-256 for the verification each demo account goes through (A1). */
	readonly token?: () => Promise<{ token: string; tokenHash: string }>;
}

export type DemoResult =
	| { readonly kind: 'loaded'; readonly changes: number; readonly refused: readonly Refusal[] }
	/** The demo accounts are here already: reset first. */
	| { readonly kind: 'already-loaded' }
	/** Some demo addresses belong to accounts made outside the demo. */
	| { readonly kind: 'emails-taken'; readonly emails: readonly string[] };

const id = (key: DemoPersonKey): AccountId => accountId(demoPerson(key).id);

/** Whether the demo can be loaded into this state, and why not. */
export function demoBlocker(ctx: AppContext): DemoResult | null {
	const state = ctx.store.state;
	if (DEMO_ACCOUNTS.some((p) => state.accounts.has(accountId(p.id)))) {
		return { kind: 'already-loaded' };
	}
	const taken = DEMO_ACCOUNTS.filter((p) => state.accountIdByEmailKey.has(p.email));
	return taken.length > 0 ? { kind: 'emails-taken', emails: taken.map((p) => p.email) } : null;
}

export async function loadDemo(ctx: AppContext, options: DemoOptions): Promise<DemoResult> {
	const blocked = demoBlocker(ctx);
	if (blocked !== null) return blocked;
	const extra = Math.max(0, Math.min(MAX_EXTRA_LICENSES, Math.floor(options.extraLicenses ?? 0)));
	options.onProgress?.({ phase: 'password', done: 0, total: 1 });
	// One PBKDF2 hash and one vault key for every demo account (see DEMO_PASSWORD), side by side.
	const [passwordHash, vaultKey] = await Promise.all([
		(options.hash ?? hashPassword)(DEMO_PASSWORD),
		(options.vaultKey ?? deriveVaultKey)(DEMO_PASSWORD)
	]);
	options.onProgress?.({ phase: 'password', done: 1, total: 1 });
	const now = ctx.now();
	const secrets = { passwordHash, vaultKey, token: options.token ?? verificationToken };
	const at = await ctx.store.changeTime(now);
	const drafts = [
		...(await accountDrafts(ctx, secrets)),
		// The organizations (O1–O5) after the people, before the licenses: managed accounts'
		// license changes then show in the audit log too (O6).
		...(await organizationDrafts(ctx, { passwordHash, token: secrets.token, at })),
		...siteDrafts(ctx),
		...DEMO_LICENSES.flatMap((l) => licenseDrafts(ctx, l, now)),
		...recordDrafts(ctx),
		...extraDrafts(ctx, extra, now),
		...demoProductUsers().map((b) => ({ ...b, id: cid(ctx) })), // A11: waiting for the upgrade
		// A10/C15: legacy support accounts and an open support thread.
		...demoSupportDrafts().map((d): ChangeDraft => ({ ...d, id: cid(ctx) })),
		{ id: cid(ctx), actor: null, type: 'renewal.remind', payload: {} } satisfies ChangeDraft
	];
	const results = await ctx.store.commitMany(drafts, now, (p) =>
		options.onProgress?.({ phase: 'writing', done: p.done, total: p.total })
	);
	const refused = results.flatMap((r) => (r.ok ? [] : [r.error]));
	return { kind: 'loaded', changes: results.length - refused.length, refused };
}

const cid = (ctx: AppContext) => changeId(ctx.newId('c_'));

async function verificationToken(): Promise<{ token: string; tokenHash: string }> {
	const token = randomToken();
	return { token, tokenHash: await sha256Base64url(token) };
}

async function accountDrafts(
	ctx: AppContext,
	secrets: {
		readonly passwordHash: PasswordHash;
		readonly vaultKey: VaultKey;
		readonly token: () => Promise<{ token: string; tokenHash: string }>;
	}
): Promise<ChangeDraft[]> {
	const { passwordHash, vaultKey, token } = secrets;
	const drafts: ChangeDraft[] = [];
	for (const person of DEMO_PEOPLE) {
		const t = await token();
		const aid = accountId(person.id);
		const keys = await newAccountKey(vaultKey);
		drafts.push({
			id: cid(ctx),
			actor: null,
			type: 'account.create',
			payload: {
				accountId: aid,
				email: person.email,
				name: person.name,
				mode: 'signup',
				source: 'password',
				passwordHash,
				token: t.token,
				tokenHash: t.tokenHash,
				signingKey: keys.publicKey,
				vault: keys.vault
			}
		});
		// The demo company's people have confirmed their addresses (A1), as real ones would.
		drafts.push({
			id: cid(ctx),
			actor: aid,
			type: 'account.verifyEmail',
			payload: { accountId: aid, tokenHash: t.tokenHash }
		});
		// X6: this device may act for each of them (the loader holds every key for a moment).
		drafts.push(await enrollDraft(ctx, aid, keys.privateKey, keys.publicKey));
	}
	return drafts;
}

function siteDrafts(ctx: AppContext): ChangeDraft[] {
	return DEMO_SITES.map((s) => ({
		id: cid(ctx),
		actor: id(s.admin),
		type: 'site.create',
		payload: { siteId: siteId(s.id), name: s.name, productIds: [] }
	}));
}

/** C0 then C4–C7 as people would do them, so each role ends as `spec` says. */
function licenseDrafts(ctx: AppContext, spec: DemoLicense, now: number): ChangeDraft[] {
	const lid = licenseId(spec.id);
	const starter = spec.starter;
	const drafts: ChangeDraft[] = [
		{
			id: cid(ctx),
			actor: id(starter),
			type: 'license.start',
			payload: {
				licenseId: lid,
				sen: spec.sen,
				productId: productId(spec.productId),
				hosting: spec.site === null ? 'server' : 'cloud',
				siteId: spec.site === null ? null : siteId(spec.site),
				tier: spec.tier,
				expiresAt: now + spec.expiresInDays * DAY
			}
		}
	];
	for (const role of ['billing', 'technical'] as const) {
		const wanted = role === 'billing' ? spec.billing : spec.technical;
		drafts.push(...roleDrafts(ctx, lid, role, starter, wanted));
	}
	return drafts;
}

function roleDrafts(
	ctx: AppContext,
	lid: ReturnType<typeof licenseId>,
	role: ContactRole,
	starter: DemoPersonKey,
	wanted: readonly DemoPersonKey[]
): ChangeDraft[] {
	const drafts: ChangeDraft[] = [];
	const [primary] = wanted;
	if (primary === undefined) return drafts;
	for (const key of wanted) {
		if (key === starter) continue;
		drafts.push({
			id: cid(ctx),
			actor: id(starter),
			type: 'contact.add',
			payload: { licenseId: lid, role, email: demoPerson(key).email }
		});
	}
	if (primary !== starter) {
		// Starters are on company domains: on the same one they promote the person (C5);
		// otherwise the person promotes themselves (C6).
		const sameDomain = domainOf(primary) === domainOf(starter);
		drafts.push({
			id: cid(ctx),
			actor: id(sameDomain ? starter : primary),
			type: 'contact.makePrimary',
			payload: { licenseId: lid, role, accountId: id(primary) }
		});
	}
	if (!wanted.includes(starter)) {
		drafts.push({
			id: cid(ctx),
			actor: id(primary),
			type: 'contact.delete',
			payload: { licenseId: lid, role, accountId: id(starter) }
		});
	}
	return drafts;
}

function domainOf(key: DemoPersonKey): string {
	const email = demoPerson(key).email;
	return email.slice(email.indexOf('@') + 1);
}

const EXTRA_PRODUCTS = ['issues', 'pages', 'repos', 'desk', 'chat'] as const;
const EXTRA_TIERS = [10, 25, 50, 100, 250] as const;

/** Bulk licenses for Olivia: every fifth on her cloud site, every fourth with Sam as well. */
function extraDrafts(ctx: AppContext, count: number, now: number): ChangeDraft[] {
	const drafts: ChangeDraft[] = [];
	for (let i = 0; i < count; i++) {
		const lid = licenseId(`l_demo_x_${i}`);
		const cloud = i % 5 === 4;
		drafts.push({
			id: cid(ctx),
			actor: id('olivia'),
			type: 'license.start',
			payload: {
				licenseId: lid,
				sen: `SEN-3${String(i).padStart(9, '0')}`,
				productId: productId(EXTRA_PRODUCTS[i % EXTRA_PRODUCTS.length] ?? 'issues'),
				hosting: cloud ? 'cloud' : 'server',
				siteId: cloud ? siteId('s_demo_northwind') : null,
				tier: EXTRA_TIERS[i % EXTRA_TIERS.length] ?? 10,
				expiresAt: now + (1 + (i % 400)) * DAY
			}
		});
		if (i % 4 === 0) {
			drafts.push({
				id: cid(ctx),
				actor: id('olivia'),
				type: 'contact.add',
				payload: { licenseId: lid, role: 'technical', email: demoPerson('sam').email }
			});
		}
	}
	return drafts;
}
