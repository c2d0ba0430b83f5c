// A11 and A14 in the app layer: the drafts of the product-user and app-password changes, the
// app password's secret (random here, never in the core: only its SHA-256 travels, S1/X1), and
// the simulated basic-authentication check of a site.
import { basicAuthTarget, changeId } from '$lib/core';
import type { AccountId, BasicAuthTarget } from '$lib/core';
import { randomToken, sha256Text, timingSafeEqualText } from '$lib/security';
import type { ChangeDraft, Committed } from '$lib/store/types';
import type { AppContext } from './context';
import { commitDraft } from './dry-run';
import { DUMMY_HASH, throttleKey, verifiableHash } from './accounts/shared';
import { kdfOf } from './kdf';
import type {
	AppPasswordRef,
	BasicAuthInput,
	BasicAuthResult,
	ProductUserInput
} from './product-command-types';

const newChangeId = (ctx: AppContext) => changeId(ctx.newId('c_'));

/** "a.example.net, b.example.net" or one per line: the names, as typed. */
export function siteList(text: string): string[] {
	return text
		.split(/[\s,;]+/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

export function addProductUserDraft(
	ctx: AppContext,
	actor: AccountId,
	i: ProductUserInput
): ChangeDraft {
	const payload = {
		siteId: i.siteId,
		email: i.email,
		name: i.name,
		productIds: [...i.productIds],
		bot: i.bot,
		usedOn: i.bot ? siteList(i.usedOn) : []
	};
	return { id: newChangeId(ctx), actor, type: 'productUser.add', payload };
}

export function removeProductUserDraft(
	ctx: AppContext,
	actor: AccountId,
	i: { readonly siteId: ProductUserInput['siteId']; readonly userId: string }
): ChangeDraft {
	const payload = { siteId: i.siteId, userId: i.userId };
	return { id: newChangeId(ctx), actor, type: 'productUser.remove', payload };
}

/** A11: the accounts it makes get ids derived from this change's id (the core does it). */
export function upgradeUsersDraft(
	ctx: AppContext,
	actor: AccountId,
	i: { readonly siteId: ProductUserInput['siteId'] }
): ChangeDraft {
	return { id: newChangeId(ctx), actor, type: 'site.upgradeUsers', payload: { siteId: i.siteId } };
}

export function revokeAppPasswordDraft(
	ctx: AppContext,
	actor: AccountId,
	i: AppPasswordRef
): ChangeDraft {
	const payload = { accountId: i.accountId, entryId: i.entryId };
	return { id: newChangeId(ctx), actor, type: 'appPassword.revoke', payload };
}

/** A14: 32 random bytes (256 bits) in base64url behind a recognisable prefix. */
export function newAppSecret(): string {
	return `tsr-${randomToken(32)}`;
}

/**
 * A14: a new app password. The secret is drawn here and returned once; the change carries only
 * its SHA-256 (high entropy, so a plain digest is enough, as for reset tokens: X1).
 */
export async function createAppPassword(
	ctx: AppContext,
	actor: AccountId,
	i: { readonly name: string; readonly siteId: ProductUserInput['siteId'] }
): ReturnType<typeof commitWithSecret> {
	const secret = newAppSecret();
	const draft: ChangeDraft = {
		id: newChangeId(ctx),
		actor,
		type: 'appPassword.create',
		payload: { name: i.name, siteId: i.siteId, secretHash: sha256Text(secret) }
	};
	return commitWithSecret(ctx, draft, secret);
}

async function commitWithSecret(ctx: AppContext, draft: ChangeDraft, secret: string) {
	const result = await commitDraft(ctx, draft);
	if (!result.ok) return result;
	return { ok: true as const, value: { committed: result.value, secret } };
}

/**
 * A14: the simulated basic-authentication check of a site. An app password of the account for
 * that site is accepted (its last-used time recorded as a change); otherwise a flagged bot
 * (A11: used on several sites) is told to use an app password; any other active account's own
 * password is accepted. Unknown addresses and wrong passwords get one answer, after the same
 * hash; failures count against the address under X2's schedule (its own key, not Log in's).
 */
export async function checkBasicAuth(
	ctx: AppContext,
	input: BasicAuthInput
): Promise<{ result: BasicAuthResult; committed: Committed | null }> {
	const target = basicAuthTarget(ctx.store.state, input.email, input.site);
	if (!target.ok && target.code === 'unknown-site') {
		return { result: { kind: 'unknown-site' }, committed: null };
	}
	const attempt = () => decide(ctx, target, input.password);
	if (ctx.throttle === undefined) return attempt();
	const ran = await ctx.throttle.attempt(
		`basic-auth:${throttleKey(input.email)}`,
		() => ctx.now(),
		async () => {
			const value = await attempt();
			const kind = value.result.kind;
			const good = kind === 'app-password' || kind === 'account-password';
			return { outcome: good ? 'success' : 'failure', value };
		}
	);
	if (ran.throttled)
		return { result: { kind: 'throttled', retryAt: ran.retryAt }, committed: null };
	return ran.value;
}

async function decide(
	ctx: AppContext,
	target: BasicAuthTarget,
	password: string
): Promise<{ result: BasicAuthResult; committed: Committed | null }> {
	const digest = sha256Text(password);
	if (target.ok) {
		const match = target.appPasswords.find((p) => timingSafeEqualText(p.secretHash, digest));
		if (match !== undefined) {
			const committed = await commitDraft(ctx, {
				id: newChangeId(ctx),
				actor: null,
				type: 'appPassword.use',
				payload: { accountId: target.account.id, entryId: match.id }
			});
			return {
				result: { kind: 'app-password', name: match.name },
				committed: committed.ok ? committed.value : null
			};
		}
		if (target.botSites.length > 1) {
			return { result: { kind: 'use-app-password', sites: target.botSites }, committed: null };
		}
	}
	const stored = target.ok ? verifiableHash(target.account.secrets.passwordHash) : null;
	const right = await kdfOf(ctx)
		.verify(password, stored ?? DUMMY_HASH)
		.catch(() => false);
	return {
		result: right && stored !== null ? { kind: 'account-password' } : { kind: 'wrong-credentials' },
		committed: null
	};
}
