// A10 (support-account link) and C15 (support requests' status and thread). The refusals
// have their scenarios in support-scenarios.ts (run by refusals.test.ts); here, what works.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyInPlace, emptyState, supportAccountId } from '$lib/core';
import type { Change, State } from '$lib/core';
import { A, L1, accept, build, license, refusal, world } from './factories';
import { ChangeFactory } from './factories';
import { SupportChanges, requestOf } from './support-factory';

const SA = (id: string) => supportAccountId(id);

/** Everyone signed up; alice owns L1; two legacy accounts share old@acme.com, one else@. */
function legacy() {
	const { f, state } = world();
	const s = new SupportChanges(f);
	const next = build(
		[
			s.addAccount(A.alice, 'sa-1', 'old@acme.com', 'Old One'),
			s.addAccount(A.alice, 'sa-2', 'Old@ACME.com', 'Old Two'),
			s.addAccount(A.alice, 'sa-3', 'else@acme.com')
		],
		state
	);
	return { f, s, state: next };
}

describe('A10: linking a legacy support account', () => {
	it('A10: the support system keeps several accounts for one address, unlinked', () => {
		const { state } = legacy();
		expect([...(state.supportAccountIdsByEmailKey.get('old@acme.com') ?? [])].sort()).toEqual([
			'sa-1',
			'sa-2'
		]);
		expect(state.supportAccounts.get(SA('sa-2'))).toMatchObject({
			emailKey: 'old@acme.com',
			linkedTo: null
		});
	});

	it('A10: Change account mails the address the list of its support accounts and keeps only the hash', () => {
		const { s, state } = legacy();
		const start = s.start(A.alice, A.alice, 'old@acme.com', 'secret-token');
		const { state: after, mail } = accept(state, start);
		expect(mail).toHaveLength(1);
		const sent = mail[0];
		expect(sent?.toKey).toBe('old@acme.com');
		expect(sent?.kind).toBe('support-link');
		expect(sent?.body).toContain('Old One (support account sa-1');
		expect(sent?.body).toContain('Old Two (support account sa-2');
		expect(sent?.body).not.toContain('sa-3');
		expect(sent?.links[0]?.href).toBe('/support-link?token=secret-token');
		const pending = after.accounts.get(A.alice)?.secrets.supportLink;
		expect(pending).toMatchObject({ emailKey: 'old@acme.com', tokenHash: start.payload.tokenHash });
		expect(Object.keys(pending ?? {}).sort()).toEqual([
			'email',
			'emailKey',
			'expiresAt',
			'tokenHash'
		]);
	});

	it('A10: confirming links exactly one; the link works once; relinking replaces and frees the old one', () => {
		const { s, state } = legacy();
		let next = build(
			[s.start(A.alice, A.alice, 'old@acme.com'), s.confirm(A.alice, A.alice, 'sa-2')],
			state
		);
		expect(next.accounts.get(A.alice)?.supportAccountId).toBe('sa-2');
		expect(next.supportAccounts.get(SA('sa-2'))?.linkedTo).toBe(A.alice);
		expect(next.supportAccounts.get(SA('sa-1'))?.linkedTo).toBeNull();
		expect(refusal(next, s.confirm(A.alice, A.alice, 'sa-1')).code).toBe('invalid-token');
		next = build(
			[s.start(A.alice, A.alice, 'old@acme.com', 't2'), s.confirm(A.alice, A.alice, 'sa-1', 't2')],
			next
		);
		expect(next.accounts.get(A.alice)?.supportAccountId).toBe('sa-1');
		expect(next.supportAccounts.get(SA('sa-1'))?.linkedTo).toBe(A.alice);
		expect(next.supportAccounts.get(SA('sa-2'))?.linkedTo).toBeNull();
	});

	it('A10/S6: only the holder asks and confirms; a support account another account linked is refused', () => {
		const { s, state } = legacy();
		expect(refusal(state, s.start(A.bob, A.alice, 'old@acme.com')).code).toBe('not-allowed');
		const mailed = build([s.start(A.alice, A.alice, 'old@acme.com')], state);
		expect(refusal(mailed, s.confirm(A.bob, A.alice, 'sa-1')).code).toBe('not-allowed');
		expect(refusal(mailed, s.confirm(A.alice, A.alice, 'sa-1', 'guess')).code).toBe(
			'invalid-token'
		);
		expect(refusal(state, s.start(A.alice, A.alice, 'not an address')).code).toBe('invalid-email');
		expect(refusal(state, s.addAccount(A.alice, 'sa-1', 'x@acme.com')).code).toBe('duplicate-id');
		expect(refusal(state, s.addAccount(A.alice, 'sa-9', 'x@acme.com', ' ')).code).toBe(
			'name-required'
		);
	});
});

describe('C15: support requests with a status and a thread', () => {
	it('C15: a request is filed under a support account made on first use, then under the same one', () => {
		const { f, state } = world();
		const first = f.support(A.alice, L1, 'One');
		let next = build([first], state);
		const made = next.accounts.get(A.alice)?.supportAccountId;
		expect(made).toBe(`sa-${first.id}`);
		expect(next.supportAccounts.get(SA(`sa-${first.id}`))).toMatchObject({
			emailKey: 'alice@acme.com',
			linkedTo: A.alice
		});
		next = build([f.support(A.alice, L1, 'Two')], next);
		expect(
			license(next).supportRequests.map((r) => [r.subject, r.supportAccountId, r.status])
		).toEqual([
			['One', made, 'open'],
			['Two', made, 'open']
		]);
		expect(next.supportAccounts.size).toBe(1);
	});

	it('C15/A10: with a linked support account, the request goes under it', () => {
		const { f, s, state } = legacy();
		const linked = build(
			[s.start(A.alice, A.alice, 'old@acme.com'), s.confirm(A.alice, A.alice, 'sa-1')],
			state
		);
		const next = build([f.support(A.alice, L1)], linked);
		expect(license(next).supportRequests[0]?.supportAccountId).toBe('sa-1');
	});

	it('C15: the desk answers by mail (waiting for customer); reply opens, resolve, reopen', () => {
		const { f, state } = world();
		const s = new SupportChanges(f);
		const ask = f.support(A.alice, L1, 'Slow pages');
		const id = requestOf(ask);
		let next = build([ask], state);
		const answered = accept(next, s.answer(A.alice, L1, id));
		expect(answered.mail.map((m) => [m.toKey, m.kind, m.subject])).toEqual([
			['alice@acme.com', 'support-answer', 'Support answered: Slow pages']
		]);
		next = answered.state;
		const request = () => license(next).supportRequests[0];
		expect(request()?.status).toBe('waiting');
		expect(request()?.thread?.[0]).toMatchObject({ by: null });
		expect(request()?.thread?.[0]?.text).toContain('Slow pages');
		next = build([s.reply(A.alice, L1, id, ' Steps: 1, 2 ')], next);
		expect(request()?.status).toBe('open');
		expect(request()?.thread?.map((m) => [m.by, m.text])).toMatchObject([
			[null, expect.any(String)],
			[A.alice, 'Steps: 1, 2']
		]);
		next = build([s.resolve(A.alice, L1, id)], next);
		expect(request()?.status).toBe('resolved');
		next = build([s.reopen(A.alice, L1, id)], next);
		expect(request()?.status).toBe('open');
	});

	it('C15: a technical contact who did not ask may act on the request; a billing-only contact may not', () => {
		const { f, state } = world();
		const s = new SupportChanges(f);
		const ask = f.support(A.alice, L1);
		const id = requestOf(ask);
		const next = build(
			[
				ask,
				f.add(A.alice, L1, 'technical', 'bob@acme.com'),
				f.add(A.alice, L1, 'billing', 'erin@mail.acme.com')
			],
			state
		);
		expect(accept(next, s.reply(A.bob, L1, id)).state).toBeDefined();
		expect(refusal(next, s.resolve(A.erin, L1, id)).code).toBe('not-requester');
		expect(refusal(next, s.reply(A.dave, L1, id)).code).toBe('not-a-contact');
		expect(refusal(next, s.reply(A.alice, L1, id, '  ')).code).toBe('invalid-payload');
	});

	it('C15: a request from before C15 (no status) reads as open and takes a reply', () => {
		const { f, state } = world();
		const s = new SupportChanges(f);
		const ask = f.support(A.alice, L1);
		const next = build([ask], state);
		const l = license(next);
		const old = {
			...l,
			supportRequests: l.supportRequests.map(({ status: _s, thread: _t, ...r }) => r)
		};
		next.licenses.set(l.id, old);
		const replied = accept(next, s.reply(A.alice, L1, requestOf(ask))).state;
		expect(license(replied).supportRequests[0]?.thread).toHaveLength(1);
	});
});

describe('A10/C15 properties', () => {
	const f0 = () => new ChangeFactory();

	/** Random steps by alice and bob over three legacy accounts of one address and a request. */
	function steps(f: ChangeFactory, picks: readonly number[]): Change[] {
		const s = new SupportChanges(f);
		const ask = f.support(A.alice, L1);
		const id = requestOf(ask);
		const out: Change[] = [ask];
		for (const [i, p] of picks.entries()) {
			const who = p % 2 === 0 ? A.alice : A.bob;
			const target = `sa-${p % 3}`;
			const t = `t${i}`;
			switch (p % 6) {
				case 0:
				case 1:
					out.push(s.start(who, who, 'old@acme.com', t), s.confirm(who, who, target, t));
					break;
				case 2:
					out.push(s.answer(A.alice, L1, id));
					break;
				case 3:
					out.push(s.reply(A.alice, L1, id, `r${i}`));
					break;
				case 4:
					out.push(s.resolve(A.alice, L1, id));
					break;
				default:
					out.push(s.reopen(A.alice, L1, id));
			}
		}
		return out;
	}

	function base(f: ChangeFactory): State {
		const { state } = world(f);
		const s = new SupportChanges(f);
		return build(
			[
				f.add(A.alice, L1, 'technical', 'bob@acme.com'),
				s.addAccount(A.alice, 'sa-0', 'old@acme.com'),
				s.addAccount(A.alice, 'sa-1', 'old@acme.com'),
				s.addAccount(A.alice, 'sa-2', 'old@acme.com')
			],
			state
		);
	}

	it('A10: an account links at most one support account, and a support account at most one account', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(60), { maxLength: 25 }), (picks) => {
				const f = f0();
				const state = base(f);
				for (const change of steps(f, picks)) applyInPlace(state, change);
				for (const account of state.accounts.values()) {
					const linked = [...state.supportAccounts.values()].filter(
						(a) => a.linkedTo === account.id
					);
					expect(linked.length).toBeLessThanOrEqual(1);
					expect(linked[0]?.id ?? null).toBe(
						linked.length === 0 ? null : (account.supportAccountId ?? null)
					);
				}
			})
		);
	});

	it('C15: replaying the whole history equals applying it step by step (thread and status)', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(60), { maxLength: 25 }), (picks) => {
				const f = f0();
				const start = base(f);
				const changes = steps(f, picks);
				let stepwise = start;
				for (const change of changes) {
					const r = applyInPlace(structuredClone(stepwise), change);
					if (r.ok) stepwise = r.value.state;
				}
				const replayed = structuredClone(start);
				for (const change of changes) applyInPlace(replayed, change);
				expect(license(replayed).supportRequests).toEqual(license(stepwise).supportRequests);
				expect(replayed.supportAccounts).toEqual(stepwise.supportAccounts);
				expect(emptyState().supportAccounts.size).toBe(0);
			})
		);
	});
});
