// Account steps for the random histories (arbitraries.ts): deleting accounts (A8, against
// C2/C7), moving to another address (A5, which changes C5's domains mid-history), reset
// requests (A4) and renames. The target is a contact of the license in play, resolved by the
// caller, so deletions are often refused (primary) and sometimes accepted (secondary).
import fc from 'fast-check';
import type { AccountId, Change, LicenseId, State } from '$lib/core';
import { AccountChanges } from './account-factory';
import type { Who } from './arbitraries';
import { A } from './factories';
import type { ChangeFactory } from './factories';

export type AccountAction =
	| { op: 'delete'; bySelf: boolean }
	| { op: 'requestEmail' | 'requestReset'; email: string }
	| { op: 'confirmEmail' }
	| { op: 'rename'; name: string };

export interface AccountStep {
	kind: 'account';
	license: LicenseId;
	target: Who;
	action: AccountAction;
}

export function arbAccountStep(
	license: fc.Arbitrary<LicenseId>,
	target: fc.Arbitrary<Who>,
	email: fc.Arbitrary<string>
): fc.Arbitrary<AccountStep> {
	const kind = fc.constant('account' as const);
	return fc.record({ kind, license, target, action: arbAccountAction(email) });
}

function arbAccountAction(email: fc.Arbitrary<string>): fc.Arbitrary<AccountAction> {
	return fc.oneof(
		{
			weight: 4,
			arbitrary: fc.record({
				op: fc.constant('delete' as const),
				bySelf: fc.oneof(
					{ weight: 5, arbitrary: fc.constant(true) },
					{ weight: 1, arbitrary: fc.constant(false) }
				)
			})
		},
		{
			weight: 2,
			arbitrary: fc.record({
				op: fc.constantFrom('requestEmail' as const, 'requestReset' as const),
				email
			})
		},
		{ weight: 2, arbitrary: fc.record({ op: fc.constant('confirmEmail' as const) }) },
		{
			weight: 1,
			arbitrary: fc.record({ op: fc.constant('rename' as const), name: fc.constantFrom('Al', ' ') })
		}
	);
}

export function accountChange(
	f: ChangeFactory,
	state: State,
	action: AccountAction,
	target: AccountId | null,
	i: number
): Change {
	const a = new AccountChanges(f);
	const id = target ?? A.bob;
	switch (action.op) {
		case 'delete':
			return a.delete(action.bySelf ? target : A.alice, id);
		case 'requestEmail':
			return a.requestEmail(target, id, action.email, `e-${i}`);
		case 'requestReset':
			return a.requestReset(null, action.email, `r-${i}`);
		case 'confirmEmail': {
			// Someone's pending link (the target's if it has one), so confirmations do happen.
			const holder = [...state.accounts.values()]
				.filter((x) => x.secrets.pendingEmail)
				.sort((x, y) => (x.id === id ? -1 : y.id === id ? 1 : x.id < y.id ? -1 : 1))[0];
			const tokenHash = holder?.secrets.pendingEmail?.tokenHash ?? 'none';
			const who = holder?.id ?? id;
			const change = a.confirmEmail(holder ? who : target, who, 'none');
			return { ...change, payload: { accountId: who, tokenHash } };
		}
		case 'rename':
			return a.profile(target, id, { name: action.name });
	}
}
