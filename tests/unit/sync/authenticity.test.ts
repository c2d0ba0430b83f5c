// X6, the classification alone: evidence is given by hand (which signature covers a change and
// whether it verified), so every rule of the proof is tested without any cryptography.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '$lib/core';
import { classify, introducedKey, isUnverified, knownFrom, pair } from '$lib/log/authenticity';
import type { Known, Verdict } from '$lib/log/authenticity';
import type { Evidence } from '$lib/log/evidence';
import { ACCOUNT_KEY, AccountChanges, DEVICE_KEY } from '../core/account-factory';
import { A, ChangeFactory, L1, world } from '../core/factories';
import { O1, OrganizationChanges } from '../core/organization-factory';

const OTHER_KEY = 'O'.repeat(43);
const NONE: Known = { accountKeys: new Map(), enrolled: new Set(), accounts: new Set() };

/** Bob has a key, and device `dev-b` is enrolled for him. */
const BOB_KEYED: Known = {
	accountKeys: new Map([[A.bob, [ACCOUNT_KEY]]]),
	enrolled: new Set([pair('dev-b', A.bob)]),
	accounts: new Set([A.alice, A.bob])
};

type Seal = 'signed' | 'bad' | 'unkeyed';

/** Evidence for each change: its device signed its run (with `key`), or not, or has no key. */
function evidenceFor(
	changes: readonly Change[],
	seal: (c: Change) => Seal = () => 'signed',
	key = DEVICE_KEY
) {
	const map = new Map<string, Evidence>();
	for (const c of changes) {
		const s = { device: c.device, head: c.id, hash: 'h', signature: 'sig' };
		const how = seal(c);
		const check = how === 'unkeyed' ? null : { key, ok: how === 'signed' };
		map.set(c.id, { seal: s, check, ...(c.type === 'device.enroll' ? { enrollment: true } : {}) });
	}
	return (id: string) => map.get(id);
}

function verdicts(changes: readonly Change[], known: Known, seal?: (c: Change) => Seal) {
	const found = classify(changes, evidenceFor(changes, seal), known);
	return changes.map((c) => word(found.get(c.id)));
}

function word(v: Verdict | undefined): string {
	if (v === undefined) return 'missing';
	return v.kind === 'unverified' ? v.reason.code : v.kind;
}

describe('X6 classification', () => {
	it('X6: a signed run proves changes anyone may make; the actor needs an enrolled device', () => {
		const m = new ChangeFactory('dev-m');
		const changes = [
			m.remind(null),
			m.signup(A.carol, 'carol@gmail.com'),
			new AccountChanges(m).setPassword(A.bob, A.bob, 'change')
		];
		expect(verdicts(changes, BOB_KEYED)).toEqual(['proved', 'proved', 'not-enrolled']);
		const b = new ChangeFactory('dev-b');
		expect(
			verdicts([new AccountChanges(b).setPassword(A.bob, A.bob, 'change')], BOB_KEYED)
		).toEqual(['proved']);
	});

	it('X6 (fault 2): self-promotion and a handover "by" someone else from a device not enrolled for them', () => {
		const m = new ChangeFactory('dev-m');
		const known: Known = {
			...BOB_KEYED,
			accountKeys: new Map([
				[A.bob, [ACCOUNT_KEY]],
				[A.alice, [OTHER_KEY]]
			])
		};
		const changes = [
			m.makePrimary(A.bob, L1, 'billing', A.bob),
			m.handover(A.alice, A.alice, 'x@y.z')
		];
		expect(verdicts(changes, known)).toEqual(['not-enrolled', 'not-enrolled']);
	});

	it('S6/O1: an organization change "by" an admin needs a device enrolled for that admin', () => {
		const forged = new OrganizationChanges(new ChangeFactory('dev-m'));
		const honest = new OrganizationChanges(new ChangeFactory('dev-b'));
		const changes = [
			forged.create(A.bob, O1),
			forged.addAdmin(A.bob, O1, A.alice),
			forged.addDomain(A.bob, O1, 'acme.com'),
			forged.verify(A.bob, O1, 'acme.com'),
			forged.removeDomain(A.bob, O1, 'acme.com'),
			forged.removeAdmin(A.bob, O1, A.bob)
		];
		expect(verdicts(changes, BOB_KEYED)).toEqual(Array(6).fill('not-enrolled'));
		expect(verdicts([honest.create(A.bob, O1)], BOB_KEYED)).toEqual(['proved']);
	});

	it('X6: a wrong or missing head signature holds every change of the run', () => {
		const b = new ChangeFactory('dev-b');
		const changes = [b.remind(null), new AccountChanges(b).profile(A.bob, A.bob, { name: 'B' })];
		expect(verdicts(changes, BOB_KEYED, () => 'bad')).toEqual(['bad-signature', 'bad-signature']);
	});

	it('X6: a device with no key anywhere is unsignable, unless its actor has a key', () => {
		const old = new ChangeFactory('dev-old');
		const changes = [
			old.remind(null),
			new AccountChanges(old).profile(A.alice, A.alice, { name: 'Al' }),
			new AccountChanges(old).profile(A.bob, A.bob, { name: 'Bo' }),
			new AccountChanges(old).reset(null, A.bob, 'token')
		];
		expect(verdicts(changes, BOB_KEYED, () => 'unkeyed')).toEqual([
			'unsignable',
			'unsignable',
			'not-enrolled',
			'unverifiable-reset'
		]);
	});

	it('X6: an enrollment counts when signed by a trusted key, and then proves the device', () => {
		const d = new ChangeFactory('dev-d');
		const acc = new AccountChanges(d);
		const enroll = acc.enroll(A.bob, A.bob);
		const act = acc.profile(A.bob, A.bob, { name: 'New' });
		// The action sorts before the enrollment: the proof is over the set, not the order.
		expect(verdicts([act, enroll], BOB_KEYED)).toEqual(['proved', 'proved']);
		const stranger = acc.enroll(A.bob, A.bob, { account: OTHER_KEY });
		const later = acc.profile(A.bob, A.bob, { name: 'Mallory' });
		const d2 = new ChangeFactory('dev-x');
		const x = new AccountChanges(d2);
		const fake = x.enroll(A.bob, A.bob, { account: OTHER_KEY });
		expect(verdicts([fake, x.profile(A.bob, A.bob, { name: 'M' })], BOB_KEYED)).toEqual([
			'untrusted-key',
			'not-enrolled'
		]);
		expect(verdicts([stranger, later], NONE)).toEqual(['untrusted-key', 'not-enrolled']);
	});

	it('X6: an enrollment whose own signature fails, or that names another device key, proves nothing', () => {
		const d = new ChangeFactory('dev-d');
		const enroll = new AccountChanges(d).enroll(A.bob, A.bob);
		const given = evidenceFor([enroll])(enroll.id);
		if (given === undefined) return expect.fail('no evidence');
		const bad = classify([enroll], () => ({ ...given, enrollment: false }), BOB_KEYED);
		expect(word(bad.get(enroll.id))).toBe('bad-signature');
		const other = classify(
			[enroll],
			evidenceFor([enroll], () => 'signed', OTHER_KEY),
			BOB_KEYED
		);
		expect(word(other.get(enroll.id))).toBe('bad-signature');
	});

	it('X6: a reset is proved from an enrolled device, or on trust of first use for a keyless account', () => {
		const b = new AccountChanges(new ChangeFactory('dev-b'));
		const m = new AccountChanges(new ChangeFactory('dev-m'));
		expect(verdicts([b.reset(null, A.bob, 't')], BOB_KEYED)).toEqual(['proved']);
		expect(verdicts([m.reset(null, A.bob, 't')], BOB_KEYED)).toEqual(['unverifiable-reset']);
		expect(verdicts([m.reset(null, A.alice, 't')], BOB_KEYED)).toEqual(['proved']);
		expect(verdicts([m.setPassword(null, A.alice, 'first')], NONE)).toEqual(['proved']);
	});

	it('X6: keys a change brings count once it is proved, never a sign up for an account that exists', () => {
		const d = new ChangeFactory('dev-d');
		const signup = d.signup(A.carol, 'carol@gmail.com');
		const keyed = { ...signup, payload: { ...signup.payload, signingKey: ACCOUNT_KEY } };
		expect(introducedKey(keyed)).toEqual({ accountId: A.carol, key: ACCOUNT_KEY });
		const acc = new AccountChanges(d);
		const enroll = acc.enroll(A.carol, A.carol);
		const act = acc.profile(A.carol, A.carol, { name: 'Carol' });
		// The account side of X6 gives sign up a `signingKey`; the classification reads it
		// through introducedKey only.
		const set: Change[] = [keyed, enroll, act];
		expect(verdicts(set, NONE)).toEqual(['proved', 'proved', 'proved']);
		// The same sign up for an account this device already has brings no trusted key.
		const exists: Known = { ...NONE, accounts: new Set([A.carol]) };
		expect(verdicts(set, exists)).toEqual(['proved', 'untrusted-key', 'not-enrolled']);
		// Nor does a second account creation with the same id in the set.
		const twin = d.invite(A.alice, A.carol, 'carol@gmail.com');
		expect(verdicts([...set, twin], NONE).slice(1, 3)).toEqual(['untrusted-key', 'not-enrolled']);
	});

	it('X6: a change without evidence is held as badly signed', () => {
		const c = new ChangeFactory('dev-z').remind(null);
		const found = classify([c], () => undefined, NONE).get(c.id);
		expect(found?.kind === 'unverified' && isUnverified(found.reason)).toBe(true);
	});

	it('X6: the projection gives keys, enrolled devices and the accounts that exist', () => {
		const { state } = world();
		const accounts = [...state.accounts.values()].map((a) =>
			a.id === A.bob
				? {
						...a,
						signingKeys: [ACCOUNT_KEY],
						devices: [{ device: 'dev-b', publicKey: DEVICE_KEY, at: 1 }]
					}
				: a
		);
		const known = knownFrom(accounts);
		expect(known.enrolled.has(pair('dev-b', A.bob))).toBe(true);
		expect(known.accountKeys.get(A.bob)).toEqual([ACCOUNT_KEY]);
		expect(known.accountKeys.has(A.alice)).toBe(false);
		expect(known.accounts.has(A.carol)).toBe(true);
	});

	it('X6: the verdicts do not depend on the order of the changes (property)', () => {
		const d = new AccountChanges(new ChangeFactory('dev-d'));
		const m = new AccountChanges(new ChangeFactory('dev-m'));
		const pool: Change[] = [
			d.enroll(A.bob, A.bob),
			d.profile(A.bob, A.bob, { name: 'x' }),
			m.enroll(A.bob, A.bob, { account: OTHER_KEY }),
			m.profile(A.bob, A.bob, { name: 'y' }),
			m.f.remind(null),
			d.reset(null, A.bob, 't'),
			m.reset(null, A.bob, 't'),
			m.profile(A.alice, A.alice, { name: 'z' })
		];
		fc.assert(
			fc.property(fc.shuffledSubarray(pool), fc.boolean(), (subset, keyed) => {
				const known = keyed ? BOB_KEYED : NONE;
				const forward = verdicts(subset, known);
				const backward = verdicts([...subset].reverse(), known).reverse();
				expect(backward).toEqual(forward);
			})
		);
	});
});
