// C11: a handover replaces one person with another on every license the actor can manage.
import { describe, expect, it } from 'vitest';
import { accountId, licenseId } from '$lib/core';
import { A, L1, L2, S1, accept, build, license, refusal, world } from './factories';

const L3 = licenseId('lic-3');

/** Bob is on L1 (secondary billing) and L2 (primary of both); dave is alone on L3. */
function team() {
	const { f, state } = world();
	const next = build(
		[
			f.add(A.alice, L1, 'billing', 'bob@acme.com'),
			f.license(A.bob, L2, { sen: 'SEN-0000002' }),
			f.add(A.bob, L2, 'technical', 'alice@acme.com'),
			f.license(A.dave, L3, { sen: 'SEN-0000003' })
		],
		state
	);
	return { f, state: next };
}

describe('C11: handover', () => {
	it('C11: same domain: the successor takes every role, primary included, and the leaver goes', () => {
		const { f, state } = team();
		const n = accountId('nina');
		const applied = accept(
			state,
			f.handover(A.alice, A.bob, 'nina@acme.com', { accountId: n, name: 'Nina' })
		);
		expect(license(applied.state, L1).billing).toEqual({ primary: A.alice, secondary: [n] });
		expect(license(applied.state, L2).billing).toEqual({ primary: n, secondary: [] });
		expect(license(applied.state, L2).technical).toEqual({ primary: n, secondary: [A.alice] });
		expect(applied.state.licenseIdsByAccount.has(A.bob)).toBe(false);
		expect(applied.report).toEqual({
			from: A.bob,
			to: n,
			entries: [
				{
					licenseId: L1,
					sen: 'SEN-0000001',
					outcome: 'replaced',
					reason: null,
					roles: [{ role: 'billing', outcome: 'replaced' }]
				},
				{
					licenseId: L2,
					sen: 'SEN-0000002',
					outcome: 'replaced',
					reason: null,
					roles: [
						{ role: 'billing', outcome: 'replaced' },
						{ role: 'technical', outcome: 'replaced' }
					]
				}
			]
		});
		// C8, once per person: the successor (with a set-password link, C4) and the leaver.
		expect(applied.mail.map((m) => [m.toKey, m.kind])).toEqual([
			['nina@acme.com', 'handover-added'],
			['bob@acme.com', 'handover-removed']
		]);
		expect(applied.mail[0]?.links.some((l) => l.href.startsWith('/cant-log-in?email='))).toBe(true);
	});

	it('C11/C5: another domain: added as secondary, the leaver stays primary, report says self-promotion', () => {
		const { f, state } = team();
		const applied = accept(state, f.handover(A.alice, A.bob, 'carol@gmail.com'));
		expect(license(applied.state, L2).billing).toEqual({ primary: A.bob, secondary: [A.carol] });
		expect(license(applied.state, L1).billing).toEqual({ primary: A.alice, secondary: [A.carol] });
		const l2 = applied.report?.entries.find((e) => e.licenseId === L2);
		expect(l2).toMatchObject({
			outcome: 'added-needs-self-promotion',
			reason: 'primary-domain-mismatch'
		});
		// Carol then promotes herself (C6) and the handover can finish.
		const next = build(
			[
				f.makePrimary(A.carol, L2, 'billing', A.carol),
				f.makePrimary(A.carol, L2, 'technical', A.carol)
			],
			applied.state
		);
		const again = accept(next, f.handover(A.carol, A.bob, 'carol@gmail.com'));
		expect(again.state.licenseIdsByAccount.has(A.bob)).toBe(false);
	});

	it('C11/C6: handing over to oneself passes the domain check', () => {
		const { f, state } = team();
		const next = build([f.add(A.bob, L2, 'billing', 'carol@gmail.com')], state);
		const { state: after, report } = accept(next, f.handover(A.carol, A.bob, 'carol@gmail.com'));
		expect(license(after, L2).billing).toEqual({ primary: A.carol, secondary: [] });
		expect(report?.entries.map((e) => e.outcome)).toEqual(['replaced']);
	});

	it('C11/C3: licenses the actor cannot see are left alone and not reported', () => {
		const { f, state } = team();
		const next = build([f.add(A.dave, L3, 'billing', 'bob@acme.com')], state);
		const { state: after, report } = accept(
			next,
			f.handover(A.alice, A.bob, 'nina@acme.com', { accountId: accountId('n'), name: 'N' })
		);
		expect(license(after, L3).billing?.secondary).toEqual([A.bob]);
		expect(report?.entries.map((e) => e.licenseId)).toEqual([L1, L2]);
	});

	it('C11/C12: a site admin sees but cannot manage: skipped with not-allowed', () => {
		const { f, state } = world();
		const next = build(
			[
				f.site(A.alice, S1, 'acme.example.net'),
				f.license(A.alice, L2, { site: S1, sen: 'SEN-0000002' }),
				f.add(A.alice, L2, 'billing', 'bob@acme.com'),
				f.add(A.alice, L2, 'technical', 'dave@other.org'),
				f.makePrimary(A.bob, L2, 'billing', A.bob),
				f.makePrimary(A.dave, L2, 'technical', A.dave),
				f.remove(A.bob, L2, 'billing', A.alice),
				f.remove(A.dave, L2, 'technical', A.alice),
				f.add(A.alice, L1, 'technical', 'bob@acme.com')
			],
			state
		);
		const { report } = accept(next, f.handover(A.alice, A.bob, 'erin@mail.acme.com'));
		expect(report?.entries).toEqual([
			expect.objectContaining({ licenseId: L1, outcome: 'replaced' }),
			{ licenseId: L2, sen: 'SEN-0000002', outcome: 'skipped', reason: 'not-allowed', roles: [] }
		]);
	});

	it('C11: refusals: unknown from, same person, nothing to hand over, name required', () => {
		const { f, state } = team();
		expect(refusal(state, f.handover(A.alice, accountId('ghost'), 'bob@acme.com')).code).toBe(
			'unknown-account'
		);
		expect(refusal(state, f.handover(A.alice, A.bob, 'BOB@acme.com')).code).toBe('same-account');
		expect(refusal(state, f.handover(A.alice, A.dave, 'bob@acme.com')).code).toBe(
			'nothing-to-hand-over'
		);
		expect(refusal(state, f.handover(A.alice, A.bob, 'new@acme.com')).code).toBe('name-required');
		expect(refusal(state, f.handover(A.alice, A.bob, 'new@')).code).toBe('invalid-email');
	});
});
