// A10: the simulated support system's legacy accounts, and linking one of them to an account
// through a mail to its address. A link needs the mailed token, whose hash only the account
// keeps (X1), and refuses a support account another account has linked: no file can take
// someone's link.
import { normaliseEmail } from '../../domains';
import type { Refusal } from '../../errors';
import { supportAccountId } from '../../ids';
import { supportLinkMail } from '../../mail-support';
import type { Account, SupportAccount } from '../../model';
import { ok } from '../../result';
import type { Result } from '../../result';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { isToken, requireSelf, withSecrets } from '../account-guards';
import { MAX_NAME, requireActor, text } from '../guards';
import type { SupportAccountAdd, SupportLinkConfirm, SupportLinkStart } from '../types';

/** A10: how many support accounts one address keeps (and one mail lists). */
export const MAX_SUPPORT_ACCOUNTS = 20;
/** A10: how long the mailed link works. */
export const SUPPORT_LINK_MS = 24 * 60 * 60 * 1000;

/** A10: the simulated support system records a legacy account, unlinked. */
export function supportAccountAdd(d: Draft, c: SupportAccountAdd): Outcome {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const p = c.payload;
	if (d.supportAccount(p.supportAccountId) !== undefined) {
		return refuse('duplicate-id', { id: p.supportAccountId });
	}
	const address = normaliseEmail(p.email);
	if (address === null) return refuse('invalid-email');
	const name = text(p.name, MAX_NAME);
	if (name === null) return refuse('name-required');
	if (d.supportAccountsByEmailKey(address.key).length >= MAX_SUPPORT_ACCOUNTS) {
		return refuse('support-accounts-full');
	}
	d.putSupportAccount({
		id: p.supportAccountId,
		email: address.email,
		emailKey: address.key,
		name,
		createdAt: c.at,
		linkedTo: null
	});
	return done();
}

/** A10: mails the address the list of its support accounts and a link to choose one. */
export function supportLinkStart(d: Draft, c: SupportLinkStart): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	const address = normaliseEmail(p.email);
	if (address === null) return refuse('invalid-email');
	if (!isToken(p.token)) return refuse('invalid-payload', { field: 'token' });
	if (!isToken(p.tokenHash)) return refuse('invalid-payload', { field: 'tokenHash' });
	if (
		!Number.isFinite(p.expiresAt) ||
		p.expiresAt <= c.at ||
		p.expiresAt > c.at + SUPPORT_LINK_MS
	) {
		return refuse('invalid-payload', { field: 'expiresAt' });
	}
	const found = d.supportAccountsByEmailKey(address.key);
	if (found.length === 0) return refuse('no-support-accounts');
	const supportLink = {
		email: address.email,
		emailKey: address.key,
		tokenHash: p.tokenHash,
		expiresAt: p.expiresAt
	};
	d.putAccount(withSecrets(self.value, { supportLink }));
	d.send(
		{ email: address.email, emailKey: address.key },
		supportLinkMail(self.value, address.email, found, p.token, p.expiresAt)
	);
	return done();
}

/**
 * A10: links exactly one support account of the mailed address; a link replaces the previous
 * one (which is free again). The link works once.
 */
export function supportLinkConfirm(d: Draft, c: SupportLinkConfirm): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	const account = self.value;
	if (!isToken(p.tokenHash)) return refuse('invalid-payload', { field: 'tokenHash' });
	const pending = account.secrets.supportLink;
	if (pending === undefined || pending === null || pending.tokenHash !== p.tokenHash) {
		return refuse('invalid-token');
	}
	if (c.at > pending.expiresAt) return refuse('support-link-expired');
	const chosen = d.supportAccount(p.supportAccountId);
	if (chosen === undefined) return refuse('unknown-support-account', { id: p.supportAccountId });
	if (chosen.emailKey !== pending.emailKey) return refuse('support-account-other-email');
	if (chosen.linkedTo !== null && chosen.linkedTo !== account.id) {
		return refuse('support-account-taken');
	}
	const previous = account.supportAccountId ?? null;
	if (previous !== null && previous !== chosen.id) {
		const old = d.supportAccount(previous);
		if (old !== undefined && old.linkedTo === account.id) {
			d.putSupportAccount({ ...old, linkedTo: null });
		}
	}
	d.putSupportAccount({ ...chosen, linkedTo: account.id });
	d.putAccount({ ...withSecrets(account, { supportLink: null }), supportAccountId: chosen.id });
	return done();
}

/**
 * C15: the support account a request of `account` is filed under: the linked one, or one made
 * on first use with an id derived from the change (the same on every device).
 */
export function supportAccountFor(d: Draft, account: Account): Result<SupportAccount, Refusal> {
	const linked = account.supportAccountId ?? null;
	const found = linked === null ? undefined : d.supportAccount(linked);
	if (found !== undefined && found.linkedTo === account.id) return ok(found);
	const id = supportAccountId(`sa-${d.change.id}`);
	if (d.supportAccount(id) !== undefined) return refuse('duplicate-id', { id });
	const made: SupportAccount = {
		id,
		email: account.email,
		emailKey: account.emailKey,
		name: account.name,
		createdAt: d.change.at,
		linkedTo: account.id
	};
	d.putSupportAccount(made);
	d.putAccount({ ...account, supportAccountId: made.id });
	return ok(made);
}
