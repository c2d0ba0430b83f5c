// Builds the support-account (A10) and support-thread (C15) changes for tests, on top of a
// ChangeFactory so clock order stays creation order. Requests are named as f.support names them.
import { supportAccountId, supportRequestId } from '$lib/core';
import type { AccountId, ChangeOf, LicenseId, SupportAccountId, SupportRequestId } from '$lib/core';
import { DAY, hashOf } from './factories';
import type { ChangeFactory } from './factories';

type Actor = AccountId | null;

/** The request id f.support gives the change with this id. */
export const requestOf = (change: { readonly id: string }): SupportRequestId =>
	supportRequestId(`req-${change.id}`);

export class SupportChanges {
	constructor(private readonly f: ChangeFactory) {}

	addAccount(
		actor: Actor,
		id: string,
		email: string,
		name = 'Legacy'
	): ChangeOf<'supportAccount.add'> {
		return {
			...this.f.envelope(actor),
			type: 'supportAccount.add',
			payload: { supportAccountId: supportAccountId(id), email, name }
		};
	}

	start(
		actor: Actor,
		accountId: AccountId,
		email: string,
		token = 'tok'
	): ChangeOf<'supportAccount.requestChange'> {
		const env = this.f.envelope(actor);
		return {
			...env,
			type: 'supportAccount.requestChange',
			payload: { accountId, email, token, tokenHash: hashOf(token), expiresAt: env.at + DAY }
		};
	}

	confirm(
		actor: Actor,
		accountId: AccountId,
		id: string | SupportAccountId,
		token = 'tok',
		at?: number
	): ChangeOf<'supportAccount.confirmChange'> {
		return {
			...this.f.envelope(actor, at),
			type: 'supportAccount.confirmChange',
			payload: { accountId, tokenHash: hashOf(token), supportAccountId: supportAccountId(id) }
		};
	}

	answer(
		actor: Actor,
		licenseId: LicenseId,
		requestId: SupportRequestId
	): ChangeOf<'support.answer'> {
		return { ...this.f.envelope(actor), type: 'support.answer', payload: { licenseId, requestId } };
	}

	reply(
		actor: Actor,
		licenseId: LicenseId,
		requestId: SupportRequestId,
		text = 'Here are the steps'
	): ChangeOf<'support.reply'> {
		return {
			...this.f.envelope(actor),
			type: 'support.reply',
			payload: { licenseId, requestId, text }
		};
	}

	resolve(
		actor: Actor,
		licenseId: LicenseId,
		requestId: SupportRequestId
	): ChangeOf<'support.resolve'> {
		return {
			...this.f.envelope(actor),
			type: 'support.resolve',
			payload: { licenseId, requestId }
		};
	}

	reopen(
		actor: Actor,
		licenseId: LicenseId,
		requestId: SupportRequestId
	): ChangeOf<'support.reopen'> {
		return { ...this.f.envelope(actor), type: 'support.reopen', payload: { licenseId, requestId } };
	}
}
