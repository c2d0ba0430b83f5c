// O1, O2 (with C5's public domains and A6's "managed by"): organizations, their admins and
// their domains, as pure core changes. Every refusal of the organization rules is here too.
import { describe, expect, it } from 'vitest';
import {
	accountId,
	isOrganizationAdmin,
	managedBy,
	organizationId,
	organizationsOf,
	replay
} from '$lib/core';
import type { State } from '$lib/core';
import { A, ChangeFactory, accept, build, hashOf, refusal, world } from './factories';
import { O1, O2, OrganizationChanges, domainToken } from './organization-factory';

function start(): { f: ChangeFactory; o: OrganizationChanges; state: State } {
	const { f, state } = world();
	return { f, o: new OrganizationChanges(f), state };
}

/** alice's O1 with acme.com verified. */
function acme(): { f: ChangeFactory; o: OrganizationChanges; state: State } {
	const { f, o, state } = start();
	const next = build(
		[
			o.create(A.alice, O1),
			o.addDomain(A.alice, O1, 'acme.com'),
			o.verify(A.alice, O1, 'acme.com')
		],
		state
	);
	return { f, o, state: next };
}

describe('O1: organizations and their admins', () => {
	it('O1: any account creates an organization and is its first admin', () => {
		const { o, state } = start();
		const next = accept(state, o.create(A.carol, O1, '  Carol & Co  ')).state;
		expect(next.organizations.get(O1)).toMatchObject({ name: 'Carol & Co', admins: [A.carol] });
		expect(isOrganizationAdmin(next, O1, A.carol)).toBe(true);
		expect(isOrganizationAdmin(next, O1, A.alice)).toBe(false);
		expect(organizationsOf(next, A.carol).map((x) => x.id)).toEqual([O1]);
	});

	it('O1: create is refused without an actor, with an empty name or a taken id', () => {
		const { o, state } = start();
		expect(refusal(state, o.create(null, O1)).code).toBe('not-allowed');
		expect(refusal(state, o.create(A.alice, O1, '  ')).code).toBe('invalid-payload');
		const next = accept(state, o.create(A.alice, O1)).state;
		expect(refusal(next, o.create(A.bob, O1)).code).toBe('duplicate-id');
	});

	it('O1: admins add admins; only admins do', () => {
		const { o, state } = acme();
		const next = accept(state, o.addAdmin(A.alice, O1, A.dave)).state;
		expect(next.organizations.get(O1)?.admins).toEqual([A.alice, A.dave]);
		expect(refusal(next, o.addAdmin(A.bob, O1, A.bob)).code).toBe('not-organization-admin');
		expect(refusal(next, o.addAdmin(A.dave, O1, A.alice)).code).toBe('already-admin');
		expect(refusal(next, o.addAdmin(A.alice, O1, accountId('nobody'))).code).toBe(
			'unknown-account'
		);
		expect(refusal(next, o.addAdmin(A.alice, organizationId('org-x'), A.bob)).code).toBe(
			'unknown-organization'
		);
	});

	it('O1: admins remove admins, themselves included, but never the last', () => {
		const { o, state } = acme();
		const two = build([o.addAdmin(A.alice, O1, A.bob)], state);
		expect(refusal(two, o.removeAdmin(A.alice, O1, A.dave)).code).toBe('not-an-admin');
		const one = accept(two, o.removeAdmin(A.bob, O1, A.alice)).state;
		expect(one.organizations.get(O1)?.admins).toEqual([A.bob]);
		expect(refusal(one, o.removeAdmin(A.bob, O1, A.bob)).code).toBe('last-admin');
		expect(refusal(one, o.removeAdmin(A.alice, O1, A.bob)).code).toBe('not-organization-admin');
	});
});

describe('O1: domains', () => {
	it('O1/C5: a domain is added normalised, pending, keeping only its token hash', () => {
		const { o, state } = start();
		const next = build(
			[o.create(A.alice, O1), o.addDomain(A.alice, O1, '  ACME.com. ', 'secret')],
			state
		);
		const added = next.organizations.get(O1)?.domains ?? [];
		expect(added).toEqual([
			{
				domain: 'acme.com',
				status: 'pending',
				tokenHash: 'sha256-secret',
				addedAt: added[0]?.addedAt,
				verifiedAt: null
			}
		]);
		expect(added[0]?.addedAt).toBeGreaterThan(0);
		expect(JSON.stringify(next.organizations.get(O1))).not.toContain('"secret"');
	});

	it('O1: adding refuses non-admins, bad and public domains, and domains added already', () => {
		const { o, state } = acme();
		expect(refusal(state, o.addDomain(A.bob, O1, 'bob.com')).code).toBe('not-organization-admin');
		expect(refusal(state, o.addDomain(A.alice, O1, 'acme')).code).toBe('invalid-domain');
		expect(refusal(state, o.addDomain(A.alice, O1, 'Gmail.com')).code).toBe('public-domain');
		expect(refusal(state, o.addDomain(A.alice, O1, 'acme.COM')).code).toBe('domain-already-added');
		const add = o.addDomain(A.alice, O1, 'x.org');
		const noHash = { ...add, payload: { ...add.payload, tokenHash: '' } };
		expect(refusal(state, noHash).code).toBe('invalid-payload');
	});

	it('O1: a domain another organization verified is refused; a pending one is not', () => {
		const { o, state } = acme();
		const next = build(
			[o.create(A.dave, O2, 'Other'), o.addDomain(A.dave, O2, 'other.org')],
			state
		);
		expect(refusal(next, o.addDomain(A.dave, O2, 'acme.com')).code).toBe('domain-taken');
		// Pending at O2 only: alice may add it too, and whoever verifies first has it.
		const both = accept(next, o.addDomain(A.alice, O1, 'other.org')).state;
		const verified = accept(both, o.verify(A.dave, O2, 'other.org')).state;
		expect(refusal(verified, o.verify(A.alice, O1, 'other.org')).code).toBe('domain-taken');
	});

	it('O1: verify needs the matching token and a pending domain of that organization', () => {
		const { o, state } = start();
		const next = build([o.create(A.alice, O1), o.addDomain(A.alice, O1, 'acme.com')], state);
		expect(refusal(next, o.verify(A.alice, O1, 'acme.com', 'wrong')).code).toBe('invalid-token');
		expect(refusal(next, o.verify(A.alice, O1, 'other.org')).code).toBe('unknown-domain');
		expect(refusal(next, o.verify(A.bob, O1, 'acme.com')).code).toBe('not-organization-admin');
		const verified = accept(
			next,
			o.verify(A.alice, O1, 'ACME.com', domainToken(O1, 'acme.com'))
		).state;
		const domain = verified.organizations.get(O1)?.domains[0];
		expect(domain?.status).toBe('verified');
		expect(domain?.verifiedAt).toBeGreaterThan(domain?.addedAt ?? Infinity);
		expect(refusal(verified, o.verify(A.alice, O1, 'acme.com')).code).toBe(
			'domain-already-verified'
		);
	});

	it('O1: verify by mail: a mail to an address at the domain, whose link verifies it', () => {
		const { o, state } = start();
		const pending = build([o.create(A.alice, O1), o.addDomain(A.alice, O1, 'acme.com')], state);
		const sent = accept(pending, o.mailCheck(A.alice, O1, 'Acme.com', 'IT@acme.com', 'tok-1'));
		const mails = [...sent.state.mail.values()].filter((m) => m.kind === 'domain-check');
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({ to: 'IT@acme.com', subject: 'Verify acme.com for Acme' });
		expect(mails[0]?.links[0]?.href).toContain('token=tok-1');
		const entry = sent.state.organizations.get(O1)?.domains[0];
		// The domain keeps the token's hash only (X1); the plain token is in the mail's link.
		expect(entry?.mailCheck?.address).toBe('IT@acme.com');
		expect(entry?.mailCheck?.tokenHash).toBe(hashOf('tok-1'));
		expect(Object.keys(entry?.mailCheck ?? {}).sort()).toEqual([
			'address',
			'expiresAt',
			'tokenHash'
		]);
		// Only the latest mail's link works.
		const again = accept(sent.state, o.mailCheck(A.alice, O1, 'acme.com', 'it@acme.com', 'tok-2'));
		const old = o.verifyByMail(A.alice, O1, 'acme.com', 'tok-1');
		expect(refusal(again.state, old).code).toBe('invalid-token');
		const ok = accept(again.state, o.verifyByMail(A.alice, O1, 'acme.com', 'tok-2')).state;
		expect(ok.organizations.get(O1)?.domains[0]).toMatchObject({
			status: 'verified',
			mailCheck: null
		});
		expect(managedBy(ok, A.bob)?.id).toBe(O1);
	});

	it('O1: a mail check is refused for non-admins, other domains, bad input; links expire', () => {
		const { o, state } = start();
		const pending = build([o.create(A.alice, O1), o.addDomain(A.alice, O1, 'acme.com')], state);
		const refused = (c: Parameters<typeof refusal>[1]) => refusal(pending, c).code;
		expect(refused(o.mailCheck(A.bob, O1, 'acme.com', 'it@acme.com'))).toBe(
			'not-organization-admin'
		);
		expect(refused(o.mailCheck(A.alice, O1, 'acme.com', 'it@mail.acme.com'))).toBe(
			'address-not-at-domain'
		);
		expect(refused(o.mailCheck(A.alice, O1, 'acme.com', 'not an address'))).toBe('invalid-email');
		expect(refused(o.mailCheck(A.alice, O1, 'other.org', 'it@other.org'))).toBe('unknown-domain');
		expect(refused(o.mailCheck(A.alice, O1, 'acme.com', 'it@acme.com', 'tok', 0))).toBe(
			'invalid-payload'
		);
		expect(refused(o.verifyByMail(A.alice, O1, 'acme.com'))).toBe('no-verification-mail');
		const sent = accept(pending, o.mailCheck(A.alice, O1, 'acme.com', 'it@acme.com', 't', 1));
		// The factory's next change is a second later: past the link's one millisecond.
		expect(refusal(sent.state, o.verifyByMail(A.alice, O1, 'acme.com', 't')).code).toBe(
			'token-expired'
		);
		const verified = accept(pending, o.verify(A.alice, O1, 'acme.com')).state;
		expect(refusal(verified, o.mailCheck(A.alice, O1, 'acme.com', 'it@acme.com')).code).toBe(
			'domain-already-verified'
		);
	});

	it('O2: removing a domain ends the management of its accounts', () => {
		const { o, state } = acme();
		expect(managedBy(state, A.alice)?.id).toBe(O1);
		expect(refusal(state, o.removeDomain(A.bob, O1, 'acme.com')).code).toBe(
			'not-organization-admin'
		);
		expect(refusal(state, o.removeDomain(A.alice, O1, 'x.org')).code).toBe('unknown-domain');
		expect(refusal(state, o.removeDomain(A.alice, O1, '..')).code).toBe('invalid-domain');
		const next = accept(state, o.removeDomain(A.alice, O1, 'Acme.com')).state;
		expect(next.organizations.get(O1)?.domains).toEqual([]);
		expect(managedBy(next, A.alice)).toBeNull();
		expect(next.organizationIdByDomain.size).toBe(0);
	});
});

describe('O2/A6: managed accounts', () => {
	it('O2: every account on a verified domain is managed, including later ones', () => {
		const { f, o, state } = start();
		const pending = build([o.create(A.dave, O1), o.addDomain(A.dave, O1, 'acme.com')], state);
		expect(managedBy(pending, A.alice)).toBeNull();
		const verified = accept(pending, o.verify(A.dave, O1, 'acme.com')).state;
		expect(managedBy(verified, A.alice)?.name).toBe('Acme');
		expect(managedBy(verified, A.bob)?.id).toBe(O1);
		// Subdomains stay distinct (C5), other domains are not managed.
		expect(managedBy(verified, A.erin)).toBeNull();
		expect(managedBy(verified, A.dave)).toBeNull();
		const later = accept(verified, f.signup(accountId('fred'), 'Fred@ACME.com', 'Fred')).state;
		expect(managedBy(later, accountId('fred'))?.id).toBe(O1);
		expect(managedBy(later, accountId('nobody'))).toBeNull();
	});

	it('O2: a public domain is never verified, so its accounts are never managed', () => {
		const { o, state } = start();
		const next = build([o.create(A.carol, O1)], state);
		expect(refusal(next, o.addDomain(A.carol, O1, 'gmail.com')).code).toBe('public-domain');
		expect(refusal(next, o.verify(A.carol, O1, 'gmail.com')).code).toBe('public-domain');
		expect(managedBy(next, A.carol)).toBeNull();
	});

	it('O2: the domain index is rebuilt from the records (stateFromRecords)', async () => {
		const { stateFromRecords } = await import('$lib/core');
		const { state } = acme();
		const again = stateFromRecords({
			accounts: state.accounts.values(),
			licenses: state.licenses.values(),
			sites: state.sites.values(),
			mail: state.mail.values(),
			organizations: state.organizations.values()
		});
		expect(again).toEqual(state);
		expect(managedBy(again, A.bob)?.id).toBe(O1);
	});
});

describe('S6/X3: organization changes in a file pass the same checks', () => {
	it('S6: a change by someone who is not an admin is kept as a conflict, not applied', () => {
		const f = new ChangeFactory();
		const o = new OrganizationChanges(f);
		const changes = [
			f.signup(A.alice, 'alice@acme.com', 'Alice'),
			f.signup(A.bob, 'bob@acme.com', 'Bob'),
			o.create(A.alice, O1),
			o.addDomain(A.bob, O1, 'acme.com'),
			o.addAdmin(A.bob, O1, A.bob)
		];
		const replayed = replay([...changes].reverse());
		expect(replayed.conflicts.map((c) => [c.change.id, c.refusal.code])).toEqual([
			[changes[3]?.id, 'not-organization-admin'],
			[changes[4]?.id, 'not-organization-admin']
		]);
		expect(replayed.state.organizations.get(O1)).toMatchObject({ admins: [A.alice], domains: [] });
		expect(managedBy(replayed.state, A.bob)).toBeNull();
	});
});
