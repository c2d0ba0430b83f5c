// Planning an import (S4, S9), as a pure function of the file's changes and a view of the
// local log: which changes are new, which the device already has (importing a file twice
// changes nothing the second time), whether a change id this device knows arrives with other
// content (history was rewritten: the whole file is refused), whether the new changes fall
// before the local history so the store must replay rather than append (S5), and what the
// preview names (S9).
import { compareChanges } from '$lib/core';
import type { AccountId, Change, LicenseId, SiteId } from '$lib/core';
import { canonicalJson } from './digest';
import type { SyncErrorOf } from './errors';
import { BATCH, runAtOnce, turnAfter } from './progress';
import type { Batched } from './progress';

/** What the plan reads of the local change log. */
export interface LocalLog {
	get(id: string): Change | undefined;
	/** The clock of the latest local change in replay order, or null for an empty log. */
	readonly latestClock: string | null;
}

export interface Touches {
	readonly licenseIds: ReadonlySet<LicenseId>;
	readonly accountIds: ReadonlySet<AccountId>;
	readonly siteIds: ReadonlySet<SiteId>;
}

export interface ImportPlan {
	/** Changes the device does not have, in replay order (S5). */
	readonly fresh: readonly Change[];
	/** Changes it already has, byte for byte (canonically), or repeated within the list. */
	readonly duplicates: number;
	/** Ids it already has with different content. Any at all refuses the file: see `error`. */
	readonly conflictsWithLocal: readonly { readonly id: string }[];
	/** 'changed-history' naming the first such id, or null when the file may be applied. */
	readonly error: SyncErrorOf<'changed-history'> | null;
	/**
	 * Some fresh change sorts before the latest local change, so it cannot simply be applied on
	 * top: the store replays. Compared by clock text only, since the local latest is known by
	 * its clock: an equal clock counts as before (the cautious side).
	 */
	readonly needsReplay: boolean;
	/** What the fresh changes name, for the preview (S9). */
	readonly touches: Touches;
}

export function planImport(changes: readonly Change[], local: LocalLog): ImportPlan {
	return runAtOnce(planSteps(changes, local));
}

/**
 * planImport a batch at a time (P4): the very same steps, with a turn for the page between
 * batches when run with `runInTurns`.
 */
export function* planSteps(changes: readonly Change[], local: LocalLog): Batched<ImportPlan> {
	const fresh: Change[] = [];
	const conflicts: { id: string }[] = [];
	const seen = new Set<string>();
	let duplicates = 0;
	for (let i = 0; i < changes.length; i++) {
		const change = changes[i];
		if (turnAfter(i)) yield;
		if (change === undefined) continue;
		if (seen.has(change.id)) {
			duplicates++;
			continue;
		}
		seen.add(change.id);
		const known = local.get(change.id);
		if (known === undefined) fresh.push(change);
		else if (canonicalJson(known) === canonicalJson(change)) duplicates++;
		else conflicts.push({ id: change.id });
	}
	// A file this app wrote is in replay order already: checked a batch at a time, then sorted
	// only when it is not (the sort is stable, so a sorted list stays exactly as it is).
	if (!(yield* inOrder(fresh))) fresh.sort(compareChanges);
	const latest = local.latestClock;
	const first = conflicts[0];
	let needsReplay = false;
	if (latest !== null) {
		for (let i = 0; i < fresh.length && !needsReplay; i++) {
			needsReplay = (fresh[i]?.clock ?? '') <= latest;
			if (turnAfter(i)) yield;
		}
	}
	if (fresh.length > BATCH) yield;
	return {
		fresh,
		duplicates,
		conflictsWithLocal: conflicts,
		error: first === undefined ? null : { code: 'changed-history', changeId: first.id },
		needsReplay,
		touches: touchesOf(fresh)
	};
}

function* inOrder(changes: readonly Change[]): Batched<boolean> {
	for (let i = 1; i < changes.length; i++) {
		const a = changes[i - 1];
		const b = changes[i];
		if (a !== undefined && b !== undefined && compareChanges(a, b) > 0) return false;
		if (turnAfter(i)) yield;
	}
	return true;
}

export function touchesOf(changes: readonly Change[]): Touches {
	const licenseIds = new Set<LicenseId>();
	const accountIds = new Set<AccountId>();
	const siteIds = new Set<SiteId>();
	for (const c of changes) {
		switch (c.type) {
			case 'account.create':
				accountIds.add(c.payload.accountId);
				break;
			case 'license.start':
				licenseIds.add(c.payload.licenseId);
				if (c.payload.siteId !== null) siteIds.add(c.payload.siteId);
				break;
			case 'site.create':
				siteIds.add(c.payload.siteId);
				break;
			case 'contact.add':
				licenseIds.add(c.payload.licenseId);
				if (c.payload.newAccount) accountIds.add(c.payload.newAccount.accountId);
				break;
			case 'contact.makePrimary':
			case 'contact.delete':
				licenseIds.add(c.payload.licenseId);
				accountIds.add(c.payload.accountId);
				break;
			case 'customer.add': // A9: the site's desk
			case 'customer.rename':
			case 'customer.remove':
				siteIds.add(c.payload.siteId);
				break;
			case 'customer.migrate': // A9: the desk, and the account it makes
				siteIds.add(c.payload.siteId);
				accountIds.add(c.payload.accountId);
				break;
			case 'productUser.add': // A11: the site's product users
			case 'productUser.remove':
			case 'site.upgradeUsers': // the accounts it makes are named by the preview's touched list
				siteIds.add(c.payload.siteId);
				break;
			case 'appPassword.revoke': // A14: the account whose app password it is
			case 'appPassword.use':
				accountIds.add(c.payload.accountId);
				break;
			case 'appPassword.create':
				if (c.actor !== null) accountIds.add(c.actor);
				break;
			case 'billing.makeMe':
				// The actor becomes primary billing contact of the site's licenses (C10).
				siteIds.add(c.payload.siteId);
				if (c.actor !== null) accountIds.add(c.actor);
				break;
			case 'support.request':
			case 'billing.setDetails':
			case 'license.renew':
			case 'support.answer': // C15: the license the request is kept with
			case 'support.reply':
			case 'support.resolve':
			case 'support.reopen':
				licenseIds.add(c.payload.licenseId);
				break;
			case 'supportAccount.requestChange': // A10: the holder's account
			case 'supportAccount.confirmChange':
				accountIds.add(c.payload.accountId);
				break;
			case 'handover':
				accountIds.add(c.payload.from);
				if (c.payload.newAccount) accountIds.add(c.payload.newAccount.accountId);
				break;
			case 'account.verifyEmail':
			case 'account.resendVerification':
			case 'account.setPassword':
			case 'account.updateProfile':
			case 'account.requestEmailChange':
			case 'account.confirmEmailChange':
			case 'account.enableTwoStep':
			case 'account.disableTwoStep':
			case 'account.useTotpStep':
			case 'account.useRecoveryCode':
			case 'account.delete':
			case 'device.enroll':
			case 'account.setKeys':
			case 'account.regenerateRecoveryCodes':
				accountIds.add(c.payload.accountId);
				break;
			case 'organization.addAdmin':
			case 'organization.removeAdmin':
			case 'managed.changeEmail':
			case 'managed.changeName':
			case 'managed.deactivate':
			case 'managed.reactivate':
			case 'managed.delete':
			case 'managed.resetTwoStep':
				accountIds.add(c.payload.accountId);
				break;
			case 'account.requestReset': // names an address only: which account is not revealed
			case 'renewal.remind':
			case 'organization.create': // organization records are not in the S9 preview yet (O1)
			case 'domain.add':
			case 'domain.mailCheck':
			case 'domain.verify':
			case 'domain.remove':
			case 'organization.setPasswordPolicy':
			case 'organization.setTwoStepPolicy':
			case 'organization.setSignIn':
			case 'directory.put':
			case 'directory.remove':
			case 'google.sync': // the accounts it makes are named by the preview's touched list
			case 'supportAccount.add': // A10: the simulated support system's records only
				break;
			default:
				// A new change type is a compile error here until the preview knows it.
				c satisfies never;
		}
	}
	return { licenseIds, accountIds, siteIds };
}
