// A10 and C15 refusals, one scenario each, for the refusal-code table (refusals.test.ts):
// the change, or the state to apply it to and the change.
import type { Change, State } from '$lib/core';
import { A, DAY, L1, build } from './factories';
import type { ChangeFactory } from './factories';
import { SupportChanges, requestOf } from './support-factory';

type Scenario = (f: ChangeFactory, state: State) => Change | [State, Change];

type SupportCode =
	| 'unknown-support-account'
	| 'no-support-accounts'
	| 'support-accounts-full'
	| 'support-link-expired'
	| 'support-account-other-email'
	| 'support-account-taken'
	| 'unknown-support-request'
	| 'not-requester'
	| 'support-request-resolved'
	| 'support-request-not-resolved'
	| 'support-answered'
	| 'support-thread-full';

/** Two legacy accounts of old@acme.com and one of else@acme.com; alice's link mail is out. */
function mailed(f: ChangeFactory, state: State): { s: SupportChanges; state: State } {
	const s = new SupportChanges(f);
	const next = build(
		[
			s.addAccount(A.alice, 'sa-1', 'old@acme.com'),
			s.addAccount(A.alice, 'sa-2', 'OLD@acme.com'),
			s.addAccount(A.alice, 'sa-3', 'else@acme.com'),
			s.start(A.alice, A.alice, 'old@acme.com')
		],
		state
	);
	return { s, state: next };
}

/** Alice's request on L1, answered by the desk when `answered`. */
function requested(f: ChangeFactory, state: State, answered = false) {
	const s = new SupportChanges(f);
	const ask = f.support(A.alice, L1);
	const id = requestOf(ask);
	const steps: Change[] = [ask];
	if (answered) steps.push(s.answer(A.alice, L1, id));
	return { s, id, state: build(steps, state) };
}

export const SUPPORT_SCENARIOS: Record<SupportCode, Scenario> = {
	'unknown-support-account': (f, state) => {
		const m = mailed(f, state);
		return [m.state, m.s.confirm(A.alice, A.alice, 'sa-none')];
	},
	'no-support-accounts': (f) => new SupportChanges(f).start(A.alice, A.alice, 'no@acme.com'),
	'support-accounts-full': (f, state) => {
		const s = new SupportChanges(f);
		const many = Array.from({ length: 20 }, (_, i) => s.addAccount(A.bob, `m-${i}`, 'm@acme.com'));
		return [build(many, state), s.addAccount(A.bob, 'm-20', 'm@acme.com')];
	},
	'support-link-expired': (f, state) => {
		const m = mailed(f, state);
		return [m.state, m.s.confirm(A.alice, A.alice, 'sa-1', 'tok', f.envelope(null).at + 2 * DAY)];
	},
	'support-account-other-email': (f, state) => {
		const m = mailed(f, state);
		return [m.state, m.s.confirm(A.alice, A.alice, 'sa-3')];
	},
	'support-account-taken': (f, state) => {
		const m = mailed(f, state);
		const bobs = build(
			[m.s.start(A.bob, A.bob, 'old@acme.com', 'b'), m.s.confirm(A.bob, A.bob, 'sa-1', 'b')],
			m.state
		);
		return [bobs, m.s.confirm(A.alice, A.alice, 'sa-1')];
	},
	'unknown-support-request': (f) => {
		const s = new SupportChanges(f);
		return s.resolve(A.alice, L1, requestOf({ id: 'nope' }));
	},
	// dave is a billing contact of L1 in the refusal world: he sees the request, but it is not his.
	'not-requester': (f, state) => {
		const r = requested(f, state);
		return [r.state, r.s.reply(A.dave, L1, r.id)];
	},
	'support-request-resolved': (f, state) => {
		const r = requested(f, state);
		return [build([r.s.resolve(A.alice, L1, r.id)], r.state), r.s.reply(A.alice, L1, r.id)];
	},
	'support-request-not-resolved': (f, state) => {
		const r = requested(f, state);
		return [r.state, r.s.reopen(A.alice, L1, r.id)];
	},
	'support-answered': (f, state) => {
		const r = requested(f, state, true);
		return [r.state, r.s.answer(A.alice, L1, r.id)];
	},
	'support-thread-full': (f, state) => {
		const r = requested(f, state, true);
		const replies = Array.from({ length: 99 }, () => r.s.reply(A.alice, L1, r.id));
		return [build(replies, r.state), r.s.reply(A.alice, L1, r.id)];
	}
};
