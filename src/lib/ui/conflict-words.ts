// Why a change was refused at replay, in words that name things (S5, S6; issue 9). A change
// that needs a license, account or site this device has never seen waits for changes not yet
// here (import the earlier file first), which is not the same as one whose account was
// deleted. Other refusals take their one sentence from ./refusals.ts. A change held
// apart as unverified (X6) says why it cannot be shown to come from who made it.
import { accountId, licenseId, siteId } from '$lib/core';
import type { Change, Refusal, State } from '$lib/core';
import { isUnverified } from '$lib/log/authenticity';
import type { Unverified } from '$lib/log/authenticity';
import type { Phrase } from './phrase';
import { phrase } from './phrase';
import { describeRefusal } from './refusals';
import { deviceWords } from './sync-words';
import { unverifiedWords } from './trust-words';
import type { Lookup } from './change-words';

type Missing = 'license' | 'account' | 'site';

const MISSING: ReadonlyMap<string, Missing> = new Map([
	['unknown-license', 'license'],
	['unknown-account', 'account'],
	['unknown-site', 'site']
]);

const NAMED = {
	license: 'the license it names',
	account: 'the account it names',
	site: 'the site it names'
} as const;

export function conflictReason(
	refusal: Refusal | Unverified,
	change: Change,
	state: State,
	names: Lookup,
	self: string
): Phrase {
	if (isUnverified(refusal)) {
		const account = refusal.accountId === null ? null : names.account(refusal.accountId);
		return unverifiedWords(refusal, account, deviceWords(refusal.device, self));
	}
	const inactive = inactiveActor(refusal, change, state, names);
	if (inactive) return inactive;
	const kind = MISSING.get(refusal.code);
	const id = 'id' in refusal ? refusal.id : undefined;
	if (kind === undefined || id === undefined) return [describeRefusal(refusal)];
	const who = kind === 'account' && id === change.actor ? 'the account that made it' : NAMED[kind];
	const named = names.find[kind](id) ?? [who];
	if (!isHere(state, kind, id)) {
		return phrase(
			'This change waits for changes not yet on this device: ',
			named,
			' is not here yet. Import the earlier file first (the one that made it); this change then applies.'
		);
	}
	return phrase(
		named,
		' did not exist yet at this point of the history: a later change made it, so this one stays refused.'
	);
}

/** S6: a deleted or deactivated account can do nothing; say that, not "not allowed". */
function inactiveActor(
	refusal: Refusal,
	change: Change,
	state: State,
	names: Lookup
): Phrase | null {
	if (refusal.code !== 'not-allowed' || change.actor === null) return null;
	const status = state.accounts.get(change.actor)?.status;
	if (status !== 'deleted' && status !== 'deactivated') return null;
	const what = status === 'deleted' ? 'was deleted' : 'is deactivated';
	return phrase(
		names.account(change.actor),
		` ${what}, and an account that is not active can change nothing.`
	);
}

function isHere(state: State, kind: Missing, id: string): boolean {
	if (kind === 'license') return state.licenses.has(licenseId(id));
	if (kind === 'account') return state.accounts.has(accountId(id));
	return state.sites.has(siteId(id));
}
