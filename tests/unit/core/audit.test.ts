// O6: the audit log's entries come from the change log: every change of the organization, and
// every change whose subject or actor is an account it manages now; newest first; filters by
// account, actor, action and dates. Plus a property: a filtered entry always passes the
// filter, and an empty filter keeps everything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountId, auditEntries, filterAudit, subjectOf } from '$lib/core';
import type { AccountId, Change, State } from '$lib/core';
import { A, ChangeFactory, build } from './factories';

const NOBODY = accountId('nobody');
import { O1, O2, OrganizationChanges } from './organization-factory';

function history(): { state: State; log: Change[] } {
	const f = new ChangeFactory();
	const o = new OrganizationChanges(f);
	const log = [
		f.signup(A.alice, 'alice@acme.com', 'Alice'),
		f.signup(A.bob, 'bob@acme.com', 'Bob'),
		f.signup(A.carol, 'carol@gmail.com', 'Carol'),
		f.signup(A.dave, 'dave@other.org', 'Dave'),
		o.create(A.alice, O1),
		o.addDomain(A.alice, O1, 'acme.com'),
		o.verify(A.alice, O1, 'acme.com'),
		o.create(A.dave, O2, 'Other'),
		o.addDomain(A.dave, O2, 'other.org'),
		o.addAdmin(A.alice, O1, A.bob)
	];
	return { state: build(log), log };
}

const text = (state: State) => (id: AccountId) => {
	const a = state.accounts.get(id);
	return a === undefined ? '' : `${a.name} ${a.email}`.toLowerCase();
};

describe('O6: the audit log', () => {
	it('O6: the organization’s changes and its managed accounts’, newest first', () => {
		const { state, log } = history();
		const entries = auditEntries(state, log, O1);
		const types = entries.map((e) => e.change.type);
		expect(types).toContain('organization.create');
		expect(types).toContain('domain.verify');
		expect(types).toContain('organization.addAdmin');
		// Dave's organization is not in Alice's log, nor are gmail or other.org accounts.
		expect(entries.some((e) => e.change.type === 'domain.add' && e.change.actor === A.dave)).toBe(
			false
		);
		for (const e of entries) {
			const subject = e.account === null ? null : state.accounts.get(e.account);
			const actor = e.change.actor === null ? null : state.accounts.get(e.change.actor);
			const managed = [subject, actor].some((a) => a?.emailKey.endsWith('@acme.com') === true);
			const own = 'organizationId' in e.change.payload && e.change.payload.organizationId === O1;
			expect(managed || own, e.change.type).toBe(true);
		}
		const clocks = entries.map((e) => e.change.clock);
		expect([...clocks].sort().reverse()).toEqual(clocks);
		// Bob's sign-up (a managed account) is an entry, about Bob.
		const bob = entries.find((e) => e.change.type === 'account.create' && e.account === A.bob);
		expect(bob).toBeDefined();
	});

	it('O6: filters by account, actor, action and dates (inclusive)', () => {
		const { state, log } = history();
		const entries = auditEntries(state, log, O1);
		const by = (filter: Parameters<typeof filterAudit>[1]) =>
			filterAudit(entries, filter, text(state)).map((e) => e.change.type);
		expect(by({ action: 'domain.verify' })).toEqual(['domain.verify']);
		expect(by({ account: 'BOB' })).toEqual(['organization.addAdmin', 'account.create']);
		expect(by({ actor: 'alice@' })).toHaveLength(entries.length - 2);
		expect(by({ actor: 'dave' })).toEqual([]);
		const verify = entries.find((e) => e.change.type === 'domain.verify')?.change.at ?? 0;
		expect(by({ from: verify, to: verify })).toEqual(['domain.verify']);
		expect(by({ from: verify + 1 })).not.toContain('domain.verify');
		expect(by({})).toHaveLength(entries.length);
	});

	it('O6: a change names its subject (payload account, or a handover’s leaver)', () => {
		const { log } = history();
		const addAdmin = log.find((c) => c.type === 'organization.addAdmin');
		const create = log.find((c) => c.type === 'organization.create');
		expect(addAdmin && subjectOf(addAdmin)).toBe(A.bob);
		expect(create && subjectOf(create)).toBeNull();
	});

	it('O6 property: what a filter keeps passes it; an empty filter keeps everything', () => {
		const { state, log } = history();
		const entries = auditEntries(state, log, O1);
		const textOf = text(state);
		fc.assert(
			fc.property(
				fc.record({
					account: fc.constantFrom('', 'bob', 'alice', 'x'),
					actor: fc.constantFrom('', 'alice', 'ACME', 'nobody'),
					action: fc.constantFrom('', ...new Set(entries.map((e) => e.change.type))),
					from: fc.option(fc.integer({ min: 0, max: 2 ** 42 }), { nil: null }),
					to: fc.option(fc.integer({ min: 0, max: 2 ** 42 }), { nil: null })
				}),
				(filter) => {
					const kept = filterAudit(entries, filter, textOf);
					for (const e of kept) {
						const c = e.change;
						if (filter.action !== '') expect(c.type).toBe(filter.action);
						if (filter.from !== null) expect(c.at).toBeGreaterThanOrEqual(filter.from);
						if (filter.to !== null) expect(c.at).toBeLessThanOrEqual(filter.to);
						if (filter.account !== '') {
							expect(textOf(e.account ?? NOBODY)).toContain(filter.account.toLowerCase());
						}
						if (filter.actor !== '') {
							expect(textOf(c.actor ?? NOBODY)).toContain(filter.actor.toLowerCase());
						}
					}
					const none = { account: '', actor: '', action: '' as const, from: null, to: null };
					expect(filterAudit(entries, none, textOf)).toHaveLength(entries.length);
				}
			),
			{ numRuns: 200 }
		);
	});
});
