// C5, C6 and C13: make primary, the domain rule and how a refusal explains itself.
import { describe, expect, it } from 'vitest';
import { accountId } from '$lib/core';
import { A, L1, L2, accept, build, license, refusal, world } from './factories';

describe('C5/C6: make primary', () => {
	it('C5: same non-public domain promotes instantly', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'billing', 'bob@acme.com')], state);
		const { state: after, mail } = accept(next, f.makePrimary(A.alice, L1, 'billing', A.bob));
		expect(license(after).billing).toEqual({ primary: A.bob, secondary: [A.alice] });
		expect(license(after).technical?.primary).toBe(A.alice);
		expect(mail.map((m) => [m.toKey, m.kind])).toEqual([['alice@acme.com', 'primary-replaced']]);
	});

	it('C5: a secondary contact may promote a same-domain colleague over the primary', () => {
		const { f, state } = world();
		const next = build(
			[
				f.add(A.alice, L1, 'billing', 'bob@acme.com'),
				f.add(A.alice, L1, 'technical', 'new@acme.com', { accountId: accountId('n'), name: 'N' })
			],
			state
		);
		const { state: after } = accept(next, f.makePrimary(A.bob, L1, 'technical', accountId('n')));
		expect(license(after).technical?.primary).toBe(accountId('n'));
	});

	it('C5: different domain is refused (primary-domain-mismatch)', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'billing', 'dave@other.org')], state);
		const r = refusal(next, f.makePrimary(A.alice, L1, 'billing', A.dave));
		expect(r).toMatchObject({
			code: 'primary-domain-mismatch',
			candidateDomain: 'other.org',
			primaryDomain: 'acme.com',
			publicDomain: null
		});
	});

	it('C5: gmail.com is public so two gmail.com contacts still cannot promote each other', () => {
		const { f, state } = world();
		const next = build(
			[
				f.add(A.alice, L1, 'billing', 'carol@gmail.com'),
				f.makePrimary(A.carol, L1, 'billing', A.carol),
				f.add(A.carol, L1, 'billing', 'gina@gmail.com')
			],
			state
		);
		expect(license(next).billing?.primary).toBe(A.carol);
		const r = refusal(next, f.makePrimary(A.carol, L1, 'billing', A.gina));
		expect(r).toMatchObject({
			code: 'primary-domain-mismatch',
			candidateDomain: 'gmail.com',
			primaryDomain: 'gmail.com',
			publicDomain: 'gmail.com'
		});
	});

	it('C5: subdomain differs (mail.acme.com is not acme.com)', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'technical', 'erin@mail.acme.com')], state);
		expect(refusal(next, f.makePrimary(A.alice, L1, 'technical', A.erin))).toMatchObject({
			code: 'primary-domain-mismatch',
			candidateDomain: 'mail.acme.com',
			primaryDomain: 'acme.com'
		});
	});

	it('C5: IDNA/trailing dot/case normalisation makes equal domains equal', () => {
		const { f, state } = world();
		const [u1, u2] = [accountId('u1'), accountId('u2')];
		const next = build(
			[
				f.signup(u1, 'U1@BÜCHER.de.', 'U1'),
				f.license(u1, L2, { sen: 'SEN-0000002' }),
				f.add(u1, L2, 'billing', 'u2@xn--bcher-kva.de', { accountId: u2, name: 'U2' })
			],
			state
		);
		expect(next.accounts.get(u1)?.emailKey).toBe('u1@xn--bcher-kva.de');
		const { state: after } = accept(next, f.makePrimary(u1, L2, 'billing', u2));
		expect(license(after, L2).billing?.primary).toBe(u2);
	});

	it('C6: the candidate may always promote themselves, whatever the domain', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'billing', 'carol@gmail.com')], state);
		const { state: after, mail } = accept(next, f.makePrimary(A.carol, L1, 'billing', A.carol));
		expect(license(after).billing).toEqual({ primary: A.carol, secondary: [A.alice] });
		expect(mail[0]?.toKey).toBe('alice@acme.com');
	});

	it('C6: the demoted primary may promote themselves back', () => {
		const { f, state } = world();
		const next = build(
			[
				f.add(A.alice, L1, 'billing', 'carol@gmail.com'),
				f.makePrimary(A.carol, L1, 'billing', A.carol)
			],
			state
		);
		const { state: after } = accept(next, f.makePrimary(A.alice, L1, 'billing', A.alice));
		expect(license(after).billing).toEqual({ primary: A.alice, secondary: [A.carol] });
	});

	it('C5: make primary of someone not in the role, or already primary, is refused', () => {
		const { f, state } = world();
		expect(refusal(state, f.makePrimary(A.alice, L1, 'billing', A.bob)).code).toBe('not-in-role');
		expect(refusal(state, f.makePrimary(A.alice, L1, 'billing', A.alice)).code).toBe(
			'already-primary'
		);
	});
});

describe('C13: a refused make primary explains itself', () => {
	it('C13: refusal carries both domains, the public one, and who can promote', () => {
		const { f, state } = world();
		const next = build([f.add(A.alice, L1, 'billing', 'Carol@GMAIL.com')], state);
		expect(refusal(next, f.makePrimary(A.alice, L1, 'billing', A.carol))).toEqual({
			code: 'primary-domain-mismatch',
			role: 'billing',
			candidateDomain: 'gmail.com',
			primaryDomain: 'acme.com',
			publicDomain: 'gmail.com',
			whoCanPromote: { accountId: A.carol, email: 'carol@gmail.com' }
		});
	});

	it('C13: when the primary is the public one, publicDomain names it', () => {
		const { f, state } = world();
		const next = build(
			[
				f.add(A.alice, L1, 'billing', 'carol@gmail.com'),
				f.makePrimary(A.carol, L1, 'billing', A.carol),
				f.add(A.carol, L1, 'billing', 'bob@acme.com')
			],
			state
		);
		expect(refusal(next, f.makePrimary(A.carol, L1, 'billing', A.bob))).toMatchObject({
			candidateDomain: 'acme.com',
			primaryDomain: 'gmail.com',
			publicDomain: 'gmail.com',
			whoCanPromote: { accountId: A.bob }
		});
	});
});
