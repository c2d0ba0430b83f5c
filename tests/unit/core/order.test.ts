// S5/S6 order and replay, the reducer's sharing contract, and the core's small public pieces
// (ids, catalog, CHANGE_TYPES, purity).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	CATALOG,
	CHANGE_TYPES,
	InvalidIdError,
	accountId,
	apply,
	changeId,
	compareChanges,
	deviceId,
	findProduct,
	isChangeType,
	monthlyEstimate,
	productId,
	replay,
	stateFromRecords
} from '$lib/core';
import { A, ChangeFactory, L1, accept, world } from './factories';

describe('S5: total order', () => {
	it('S5: clock text first, then device id, then change id', () => {
		const f = new ChangeFactory('dev-b');
		const base = f.remind(null);
		const at = (clock: string, device: string, id: string) => ({
			...base,
			clock,
			device: deviceId(device),
			id: changeId(id)
		});
		const sorted = [
			at('2', 'a', 'x'),
			at('1', 'b', 'y'),
			at('1', 'a', 'z'),
			at('1', 'a', 'w')
		].sort(compareChanges);
		expect(sorted.map((c) => `${c.clock}${c.device}${c.id}`)).toEqual(['1aw', '1az', '1by', '2ax']);
		expect(compareChanges(base, base)).toBe(0);
	});

	it('S5: two devices converge whatever order their changes arrive in', () => {
		const a = new ChangeFactory('dev-a');
		const b = new ChangeFactory('dev-b');
		const changes = [
			a.signup(A.alice, 'alice@acme.com', 'Alice'),
			b.signup(accountId('alice-2'), 'ALICE@acme.com', 'Alice again'),
			a.license(A.alice, L1, { sen: 'SEN-0000001' }),
			b.add(A.alice, L1, 'billing', 'x@acme.com', { accountId: accountId('x'), name: 'X' })
		];
		const one = replay(changes);
		const two = replay([...changes].reverse());
		expect(two.state).toEqual(one.state);
		// Same clock on both devices: dev-a's sign-up wins, dev-b's is the conflict.
		expect(one.conflicts.map((c) => [c.change.device, c.refusal.code])).toEqual([
			['dev-b', 'email-taken']
		]);
	});

	it('S6: a change its actor was not allowed to make is a conflict, even from a file', () => {
		const f = new ChangeFactory();
		const { state, conflicts } = replay([
			f.signup(A.alice, 'alice@acme.com', 'Alice'),
			f.signup(A.dave, 'dave@other.org', 'Dave'),
			f.license(A.alice, L1, { sen: 'SEN-0000001' }),
			f.add(A.dave, L1, 'billing', 'dave@other.org')
		]);
		expect(conflicts.map((c) => c.refusal.code)).toEqual(['not-a-contact']);
		expect(state.licenses.get(L1)?.billing?.secondary).toEqual([]);
	});

	it('S4: a change id seen twice is applied once; progress is reported to the end (P4)', () => {
		const f = new ChangeFactory();
		const signup = f.signup(A.alice, 'alice@acme.com', 'Alice');
		const calls: [number, number][] = [];
		const { state, conflicts } = replay([signup, signup], (done, total) =>
			calls.push([done, total])
		);
		expect(state.accounts.size).toBe(1);
		expect(conflicts).toEqual([]);
		expect(calls.at(-1)).toEqual([2, 2]);
	});
});

describe('apply: sharing and records', () => {
	it('apply shares untouched Maps and records, and copies the touched ones', () => {
		const { f, state } = world();
		const { state: next, effects } = accept(state, f.add(A.alice, L1, 'technical', 'bob@acme.com'));
		expect(next.accounts).toBe(state.accounts);
		expect(next.sites).toBe(state.sites);
		expect(next.licenses).not.toBe(state.licenses);
		expect(next.mail).not.toBe(state.mail);
		expect(effects.map((e) => `${e.kind}:${e.store}`)).toEqual(['put:licenses', 'put:mail']);
	});

	it('mail ids are deterministic: change id and a counter', () => {
		const { f, state } = world();
		const change = f.add(A.alice, L1, 'technical', 'bob@acme.com');
		expect(accept(state, change).mail.map((m) => m.id)).toEqual([`${change.id}:0`]);
		expect(apply(state, change)).toEqual(apply(state, change));
	});

	it('stateFromRecords rebuilds every index from the records', () => {
		const { state } = world();
		const rebuilt = stateFromRecords({
			accounts: [...state.accounts.values()].reverse(),
			licenses: state.licenses.values(),
			sites: state.sites.values(),
			mail: state.mail.values()
		});
		expect(rebuilt).toEqual(state);
	});
});

describe('public pieces', () => {
	it('CHANGE_TYPES lists the dotted change names, and isChangeType checks them', () => {
		expect(CHANGE_TYPES).toContain('contact.makePrimary');
		expect(new Set(CHANGE_TYPES).size).toBe(CHANGE_TYPES.length);
		expect(isChangeType('handover')).toBe(true);
		expect(isChangeType('account.merge')).toBe(false);
	});

	it('ids: constructors brand non-empty strings and throw a coded error otherwise', () => {
		expect(accountId('a')).toBe('a');
		expect(() => accountId('')).toThrow(InvalidIdError);
	});

	it('catalog: products with per-hosting prices and tiers; estimate is price × tier', () => {
		expect(CATALOG.map((p) => p.kind).sort()).toEqual([
			'chat',
			'code-hosting',
			'issue-tracker',
			'service-desk',
			'wiki'
		]);
		for (const p of CATALOG) expect(p.tiers).toContain(10);
		const issues = findProduct('issues');
		expect(issues?.name).toBe('Tessera Issues');
		expect(monthlyEstimate({ productId: productId('issues'), hosting: 'cloud', tier: 25 })).toBe(
			25 * (issues?.pricePerUser.cloud ?? 0)
		);
		expect(findProduct('nope')).toBeUndefined();
	});

	it('purity: the core uses no UI, storage, clock, randomness or DOM', () => {
		const forbidden =
			/from ['"](svelte|idb|\$app)|Math\.random|Date\.now|new Date\(\)|crypto\.|localStorage|document\.|window\./;
		const root = join(process.cwd(), 'src/lib/core');
		const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
			f.endsWith('.ts')
		);
		expect(files.length).toBeGreaterThan(10);
		for (const file of files) {
			const offending = readFileSync(join(root, file), 'utf8')
				.split('\n')
				.filter((line) => forbidden.test(line));
			expect({ file, offending }).toEqual({ file, offending: [] });
		}
	});
});
