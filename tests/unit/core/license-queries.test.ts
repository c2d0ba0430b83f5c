// C9: the Licenses page, the cards and the renewal reminders agree on which licenses are due
// for renewal, at the edges of the window too (the page once used its own 30 days, which
// disagreed with the rule at the edge); C3 search and C11 people are core queries.
import { describe, expect, it } from 'vitest';
import {
	RENEWAL_WINDOW_DAYS,
	RENEWAL_WINDOW_MS,
	accountId,
	apply,
	changeId,
	deviceId,
	manageablePeople,
	renewalState,
	renewalsDue
} from '$lib/core';
import type { AccountId, Change, State } from '$lib/core';
import { A, ChangeFactory, L1, build } from './factories';

/** Alice starts L1 (billing and technical), Bob is a technical contact only. */
function stateWith(opts: { expiresAt: number }): {
	state: State;
	billing: AccountId;
	technical: AccountId;
} {
	const f = new ChangeFactory();
	const state = build([
		f.signup(A.alice, 'alice@acme.com', 'Alice'),
		f.signup(A.bob, 'bob@acme.com', 'Bob'),
		f.license(A.alice, L1, { sen: 'SEN-0000001', expiresAt: opts.expiresAt }),
		f.add(A.alice, L1, 'technical', 'bob@acme.com')
	]);
	return { state, billing: A.alice, technical: A.bob };
}

const NOW = Date.UTC(2030, 0, 1);
const DAY = 24 * 60 * 60 * 1000;

function remind(state: State, at: number): number {
	const change: Change = {
		id: changeId('c-remind'),
		device: deviceId('00000000000000aa'),
		clock: '',
		at,
		actor: null,
		prev: null,
		type: 'renewal.remind',
		payload: {}
	};
	const result = apply(state, change);
	if (!result.ok) throw new Error(result.error.code);
	return result.value.mail.length;
}

describe('renewalState (C9)', () => {
	it('C9: is due exactly when renewal.remind mails a quote, both edges included', () => {
		expect(RENEWAL_WINDOW_DAYS).toBe(RENEWAL_WINDOW_MS / DAY);
		const edges = [-1, 0, 1, RENEWAL_WINDOW_MS - 1, RENEWAL_WINDOW_MS, RENEWAL_WINDOW_MS + 1];
		for (const offset of edges) {
			const { state } = stateWith({ expiresAt: NOW + offset });
			const mailed = remind(state, NOW) > 0;
			expect(renewalState(NOW + offset, NOW) === 'due', `offset ${offset}`).toBe(mailed);
		}
	});

	it('C9: is expired only once the expiry has passed, and ok before the window', () => {
		expect(renewalState(NOW - 1, NOW)).toBe('expired');
		expect(renewalState(NOW, NOW)).toBe('due');
		expect(renewalState(NOW + 31 * DAY, NOW)).toBe('ok');
	});

	it('C9/C12: counts only the licenses the person receives quotes for', () => {
		const { state, billing, technical } = stateWith({ expiresAt: NOW + 3 * DAY });
		expect(renewalsDue(state, billing, NOW)).toHaveLength(1);
		expect(renewalsDue(state, technical, NOW)).toHaveLength(0);
		expect(renewalsDue(state, accountId('a-nobody'), NOW)).toHaveLength(0);
	});

	it('C11: the people a contact can hand over are the contacts of licenses they manage', () => {
		const { state, billing, technical } = stateWith({ expiresAt: NOW + 3 * DAY });
		const people = manageablePeople(state, billing).map((p) => p.id);
		expect(people).toEqual(expect.arrayContaining([billing, technical]));
		expect(manageablePeople(state, accountId('a-nobody'))).toEqual([]);
	});
});
