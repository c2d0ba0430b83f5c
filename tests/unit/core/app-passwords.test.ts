// A14: app passwords (named, one site each, only a hash kept), revoked by the holder or by an
// admin of the organization managing the account; the basic-authentication target (A11 bots).
import { describe, expect, it } from 'vitest';
import { appPasswordsOf, basicAuthTarget, siteId } from '$lib/core';
import type { Change, State } from '$lib/core';
import { A, S1, accept, build, refusal, world } from './factories';
import { O1, OrganizationChanges } from './organization-factory';
import { ProductChanges, secretHashOf } from './product-factory';

const S2 = siteId('site-2');

/** carol administers S1 and S2; alice's O1 verified acme.com, so bob (acme.com) is managed. */
function setup() {
	const { f, state } = world();
	const o = new OrganizationChanges(f);
	const next = build(
		[
			f.site(A.carol, S1, 'acme.example.net'),
			f.site(A.carol, S2, 'other.example.net'),
			o.create(A.alice, O1),
			o.addDomain(A.alice, O1, 'acme.com'),
			o.verify(A.alice, O1, 'acme.com')
		],
		state
	);
	return { p: new ProductChanges(f), state: next };
}
const list = (state: State, id = A.bob) => appPasswordsOf(state.accounts.get(id) ?? {});

describe('A14 app passwords', () => {
	it('A14: the holder creates a named app password for one site; only the hash is kept, with created and never-used times', () => {
		const { p, state } = setup();
		const c = p.createApp(A.bob, S1, ' CI bot ', 'the secret!');
		const next = accept(state, c).state;
		expect(list(next)).toEqual([
			{
				id: c.id,
				name: 'CI bot',
				siteId: S1,
				secretHash: secretHashOf('the secret!'),
				createdAt: c.at,
				lastUsedAt: null
			}
		]);
		expect(JSON.stringify(next.accounts.get(A.bob))).not.toContain('the secret!');
	});

	it('A14: refusals of appPassword.create (name-required, unknown-site, invalid-payload, app-password-name-taken, not-allowed)', () => {
		const { p, state } = setup();
		const code = (s: State, c: Change) => refusal(s, c).code;
		expect(code(state, p.createApp(A.bob, S1, '  '))).toBe('name-required');
		expect(code(state, p.createApp(A.bob, siteId('nope'), 'CI'))).toBe('unknown-site');
		const bad = p.createApp(A.bob, S1, 'CI');
		expect(code(state, { ...bad, payload: { ...bad.payload, secretHash: 'plain' } })).toBe(
			'invalid-payload'
		);
		const s = accept(state, p.createApp(A.bob, S1, 'CI')).state;
		expect(code(s, p.createApp(A.bob, S2, 'ci'))).toBe('app-password-name-taken');
		expect(code(state, p.createApp(null, S1, 'CI'))).toBe('not-allowed');
	});

	it('A14: the holder revokes; an admin of the managing organization revokes; anyone else is refused', () => {
		const { p, state } = setup();
		const one = p.createApp(A.bob, S1, 'one');
		const two = p.createApp(A.bob, S2, 'two');
		const s = build([one, two], state);
		expect(refusal(s, p.revokeApp(A.carol, A.bob, one.id)).code).toBe('not-allowed');
		expect(refusal(s, p.revokeApp(A.bob, A.bob, 'nope')).code).toBe('unknown-app-password');
		expect(refusal(s, p.revokeApp(A.bob, A.gina, one.id)).code).toBe('unknown-app-password');
		const byHolder = accept(s, p.revokeApp(A.bob, A.bob, one.id)).state;
		expect(list(byHolder).map((x) => x.name)).toEqual(['two']);
		const byAdmin = accept(byHolder, p.revokeApp(A.alice, A.bob, two.id)).state;
		expect(list(byAdmin)).toEqual([]);
		// carol (gmail.com) is managed by nobody: only she revokes hers
		const mine = p.createApp(A.carol, S1, 'mine');
		const c = accept(byAdmin, mine).state;
		expect(refusal(c, p.revokeApp(A.alice, A.carol, mine.id)).code).toBe('not-allowed');
	});

	it('A14: a use records the last-used time; a revoked one cannot be used', () => {
		const { p, state } = setup();
		const c = p.createApp(A.bob, S1, 'CI');
		const s = accept(state, c).state;
		const use = p.useApp(A.bob, c.id);
		const used = accept(s, use).state;
		expect(list(used)[0]?.lastUsedAt).toBe(use.at);
		const revoked = accept(used, p.revokeApp(A.bob, A.bob, c.id)).state;
		expect(refusal(revoked, p.useApp(A.bob, c.id)).code).toBe('unknown-app-password');
	});

	it('A14 with A11: basicAuthTarget finds the site and account, its app passwords for that site, and the sites of a flagged bot', () => {
		const { p, state } = setup();
		const s = build(
			[
				p.add(A.carol, S1, { email: 'gina@gmail.com', bot: true, usedOn: ['other.example.net'] }),
				p.upgrade(A.carol, S1),
				p.createApp(A.gina, S1, 'here'),
				p.createApp(A.gina, S2, 'there')
			],
			state
		);
		const target = basicAuthTarget(s, 'GINA@gmail.com', 'ACME.example.net');
		if (!target.ok) throw new Error(target.code);
		expect(target.appPasswords.map((x) => x.name)).toEqual(['here']);
		expect(target.botSites).toEqual(['acme.example.net', 'other.example.net']);
		const person = basicAuthTarget(s, 'bob@acme.com', 'acme.example.net');
		expect(person.ok && person.botSites).toEqual([]);
		expect(basicAuthTarget(s, 'gina@gmail.com', 'nope.example.net')).toEqual({
			ok: false,
			code: 'unknown-site'
		});
		expect(basicAuthTarget(s, 'nobody@gmail.com', 'acme.example.net')).toEqual({
			ok: false,
			code: 'no-account'
		});
	});
});
