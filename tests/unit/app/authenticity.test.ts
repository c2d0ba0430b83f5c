// X6 through the Sync page's commands, with real Ed25519 keys: a change from a file counts only
// when it is shown to come from its actor. Fault 2 of issue 9 ("a file can act as anyone"):
// each test below was seen to fail before X6 (the change was applied).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '$lib/app/context';
import { applyImport, checkImportFile, listConflicts } from '$lib/app/sync';
import { conflictViews } from '$lib/components/sync/views';
import { canonicalJson, digestOfCanonical } from '$lib/log/digest';
import { plainText } from '$lib/ui/phrase';
import { MemoryStore } from '$lib/store';
import type { ChangeDraft } from '$lib/store';
import { PASSWORD } from '../core/account-factory';
import {
	LIC,
	baseState,
	cid,
	commit,
	device,
	enroll,
	exported,
	exportedPlain,
	imported,
	person
} from '../sync/x6-world';
import type { Device, Person } from '../sync/x6-world';
import type { State } from '$lib/core';

let alice: Person;
let bob: Person;
let mallory: Person;
let base: State;

beforeAll(async () => {
	[alice, bob, mallory] = await Promise.all([person('alice'), person('bob'), person('mallory')]);
	base = await baseState([alice, bob, mallory], alice, bob);
});

const setPasswordFor = (p: Person): ChangeDraft => ({
	id: cid('pw'),
	actor: p.id,
	type: 'account.setPassword',
	payload: { accountId: p.id, passwordHash: PASSWORD, reason: 'change' }
});

const rename = (p: Person, name: string): ChangeDraft => ({
	id: cid('name'),
	actor: p.id,
	type: 'account.updateProfile',
	payload: { accountId: p.id, name }
});

/** Mallory's own device, honestly enrolled for Mallory. */
async function attacker(): Promise<Device> {
	const m = device('e', base);
	await enroll(m, mallory);
	return m;
}

function held(d: Device) {
	return listConflicts(d.ctx);
}

describe('X6: a file cannot act as anyone (issue 9, fault 2)', () => {
	it('X6: a plain file with a password change for another person, from the attacker’s device, is held, not applied', async () => {
		const m = await attacker();
		await commit(m, setPasswordFor(bob));
		const v = device('f', base);
		const { check, report } = await imported(v, await exportedPlain(m));
		expect(check.file.encrypted).toBe(false);
		expect(check.preview.unverified.map((r) => r.refusal.code)).toEqual(['not-enrolled']);
		expect(report).toMatchObject({ kind: 'applied', outcome: { unverified: [{}] } });
		expect(v.store.state.accounts.get(bob.id)?.secrets.passwordHash).toBeUndefined();
		const [conflict] = await held(v);
		expect(conflict?.refusal).toEqual({
			code: 'not-enrolled',
			device: m.store.device,
			accountId: bob.id
		});
		expect((await v.store.changes()).some((c) => c.id === conflict?.change.id)).toBe(false);
		const [view] = conflictViews(await held(v), v.store.state, v.store.device);
		expect(plainText(view?.reason ?? [])).toContain('was never enrolled for a-bob (bob@acme.com)');
	});

	it('X6: the same change from a device with no key at all, or in a version-1 file, is held even when the file is trusted', async () => {
		const m = device('e', base); // never enrolled: no key anywhere
		await commit(m, setPasswordFor(bob));
		const text = await exportedPlain(m);
		const v = device('f', base);
		const first = await imported(v, text, true);
		expect(first.check.preview.unsignable).toBe(0);
		expect(first.check.preview.unverified).toHaveLength(1);
		const v1 = parsed(text);
		delete v1.signatures;
		v1.version = 1;
		const w = device('a', base);
		const second = await imported(w, JSON.stringify(v1), true);
		expect(second.check.file.evidence.version).toBe(1);
		expect(second.check.preview.unverified.map((r) => r.refusal.code)).toEqual(['not-enrolled']);
		for (const d of [v, w]) {
			expect(d.store.state.accounts.get(bob.id)?.secrets.passwordHash).toBeUndefined();
		}
	});

	it('X6: self-promotion by the candidate, from a device not enrolled for them, is held', async () => {
		const m = await attacker();
		await commit(m, {
			id: cid('promote'),
			actor: bob.id,
			type: 'contact.makePrimary',
			payload: { licenseId: LIC, role: 'billing', accountId: bob.id }
		});
		const v = device('f', base);
		const { check } = await imported(v, await exported(m));
		expect(check.preview.unverified.map((r) => r.refusal.code)).toEqual(['not-enrolled']);
		expect(v.store.state.licenses.get(LIC)?.billing?.primary).toBe(alice.id);
	});

	it('X6: a handover "by" someone else, from a device not enrolled for them, is held', async () => {
		const m = await attacker();
		await commit(m, {
			id: cid('handover'),
			actor: alice.id,
			type: 'handover',
			payload: { from: alice.id, to: mallory.email }
		});
		const v = device('f', base);
		const { check } = await imported(v, await exported(m));
		expect(check.preview.unverified.map((r) => r.change.type)).toEqual(['handover']);
		const billing = v.store.state.licenses.get(LIC)?.billing;
		expect(billing?.primary).toBe(alice.id);
		expect([billing?.primary, ...(billing?.secondary ?? [])]).not.toContain(mallory.id);
	});
});

describe('X6: what a device enrolled for its actor may do', () => {
	it('X6: the actor’s own enrolled device is proved: applied with no confirmation', async () => {
		const b = device('b', base);
		await enroll(b, bob);
		await commit(b, rename(bob, 'Bob Proved'));
		const v = device('f', base);
		const { check, report } = await imported(v, await exported(b));
		expect(check.preview).toMatchObject({ unsignable: 0, unverified: [], fresh: 2 });
		expect(report).toMatchObject({ kind: 'applied', outcome: { applied: 2, unverified: [] } });
		expect(v.store.state.accounts.get(bob.id)?.name).toBe('Bob Proved');
		expect(v.store.state.accounts.get(bob.id)?.devices).toHaveLength(1);
	});

	it('X6: a change waiting for its enrollment is held, then applied when the enrollment arrives', async () => {
		const b = device('b', base);
		await enroll(b, bob);
		const first = await exported(b); // the enrollment
		await commit(b, rename(bob, 'Bob Later'));
		const second = await exported(b); // the change that needs it
		const v = device('f', base);
		const early = await imported(v, second);
		expect(early.report).toMatchObject({ outcome: { applied: 0, unverified: [{}] } });
		const [waiting] = conflictViews(await held(v), v.store.state, v.store.device);
		expect(plainText(waiting?.reason ?? [])).toContain('not yet on this device');
		const late = await imported(v, first);
		expect(late.check.preview.nowProved).toBe(1);
		expect(late.report).toMatchObject({ outcome: { applied: 2, nowProved: 1 } });
		expect(v.store.state.accounts.get(bob.id)?.name).toBe('Bob Later');
		expect(await held(v)).toEqual([]);
	});

	it('X6: a whole-history file written by another device carries the signatures it received', async () => {
		const b = device('b', base);
		await enroll(b, bob);
		await commit(b, rename(bob, 'Bob Relayed'));
		const v = device('f', base);
		await imported(v, await exported(b));
		const w = device('a', base);
		const { check } = await imported(w, await exported(v, true));
		expect(check.preview).toMatchObject({ unsignable: 0, unverified: [], fresh: 2 });
		expect(w.store.state.accounts.get(bob.id)?.name).toBe('Bob Relayed');
	});
});

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function parsed(text: string): Json {
	const value: unknown = JSON.parse(text);
	return isJson(value) ? value : expect.fail('not an object');
}

describe('X6: runs from a device whose key is not known yet', () => {
	it('X6: what anyone may make goes in on trust, and its signature still travels on', async () => {
		const b = device('b', base);
		await enroll(b, bob);
		await commit(b, rename(bob, 'Bob Early'));
		const first = await exported(b); // the enrollment: only W gets it
		await commit(b, { id: cid('remind'), actor: null, type: 'renewal.remind', payload: {} });
		const second = await exported(b);
		const w = device('a', base);
		await imported(w, first);
		const v = device('f', base);
		const { check } = await imported(v, second, true);
		expect(check.preview.unsignable).toBe(1);
		// V relays B's reminder to W, which knows B's key: the signature V kept proves it.
		const relayed = await imported(w, await exported(v, true));
		expect(relayed.check.preview).toMatchObject({ unsignable: 0, unverified: [], fresh: 1 });
	});
});

/** Rewrites a plain file's JSON and its digest, as someone hiding an edit would. */
function edited(text: string, edit: (changes: Json[], signatures: Json[]) => void): string {
	const file = parsed(text);
	const changes = Array.isArray(file.changes) ? file.changes.filter(isJson) : [];
	const signatures = Array.isArray(file.signatures) ? file.signatures.filter(isJson) : [];
	edit(changes, signatures);
	file.digest = digestOfCanonical(changes.map(canonicalJson));
	return JSON.stringify(file);
}

describe('X6: a file altered after it was signed', () => {
	async function signedFile() {
		const b = device('b', base);
		await enroll(b, bob);
		await commit(b, rename(bob, 'Bob One'));
		await commit(b, rename(bob, 'Bob Two'));
		return exported(b);
	}

	it('X6: a wrong head signature holds every change of the run', async () => {
		const text = edited(await signedFile(), (_changes, [s]) => {
			const sig = String(s?.signature);
			if (s) s.signature = `${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`;
		});
		const v = device('f', base);
		const { check } = await imported(v, text);
		expect(check.preview.unverified.map((r) => r.refusal.code)).toEqual([
			'bad-signature',
			'bad-signature',
			'bad-signature'
		]);
		expect(await v.store.changes()).toEqual([]);
	});

	it('X6: the last change altered (actor, content or clock) breaks the head signature', async () => {
		for (const alter of [
			(c: Record<string, unknown>) => (c.actor = mallory.id),
			(c: Record<string, unknown>) => (c.payload = { accountId: bob.id, name: 'Mallory' }),
			(c: Record<string, unknown>) => (c.clock = `0${String(c.clock).slice(1)}`)
		]) {
			const text = edited(await signedFile(), (changes) => {
				const last = changes.at(-1);
				if (last) alter(last);
			});
			const v = device('f', base);
			const check = await checkImportFile(v.ctx, text);
			if (check.kind === 'refused') continue; // refused whole: nothing applied either
			await applyImport(v.ctx, check.file, { trust: true });
			expect(v.store.state.accounts.get(bob.id)?.name).not.toBe('Mallory');
			expect((await v.store.changes()).map((c) => c.actor)).not.toContain(mallory.id);
		}
	});

	it('X6: an earlier change altered breaks the chain (X5): the file is refused', async () => {
		const text = edited(await signedFile(), (changes) => {
			const middle = changes[1];
			if (middle) middle.payload = { accountId: bob.id, name: 'Mallory' };
		});
		const v = device('f', base);
		expect(await checkImportFile(v.ctx, text)).toMatchObject({
			kind: 'refused',
			error: { code: 'broken-chain' }
		});
	});

	it('X6: an enrollment signed by a key the account never had proves nothing', async () => {
		const fake = await person('bob');
		// The forger's own projection believes Bob has the forger's key.
		const forged = await baseState([alice, { ...bob, key: fake.key }, mallory], alice, bob);
		const x = device('e', forged);
		await enroll(x, { ...bob, key: fake.key });
		await commit(x, rename(bob, 'Mallory'));
		const v = device('f', base);
		const { check } = await imported(v, await exported(x));
		expect(check.preview.unverified.map((r) => r.refusal.code)).toEqual([
			'untrusted-key',
			'not-enrolled'
		]);
		expect(v.store.state.accounts.get(bob.id)?.name).not.toBe('Mallory');
	});

	it('X6: a file that gives a known device another key is refused (device-key-mismatch)', async () => {
		const b = device('b', base);
		await enroll(b, bob);
		const v = device('f', base);
		await imported(v, await exported(b));
		const impostor = device('b', base); // the same device id, another device key
		await enroll(impostor, mallory);
		expect(await checkImportFile(v.ctx, await exported(impostor))).toEqual({
			kind: 'refused',
			error: { code: 'device-key-mismatch', device: b.store.device }
		});
	});
});

describe('X6: files nothing can verify', () => {
	for (const [name, passphrase] of [
		['v1-plain.json', undefined],
		['v1-encrypted.json', 'correct horse battery staple']
	] as const) {
		it(`X6: the frozen version-1 file ${name} imports only after the person confirms`, async () => {
			const text = readFileSync(`tests/fixtures/sync/${name}`, 'utf8');
			const store = new MemoryStore('cccccccccccccccc');
			const ctx = createContext(store, () => 1_800_000_000_000);
			const check = await checkImportFile(ctx, text, passphrase ? { passphrase } : {});
			if (check.kind !== 'ready') return expect.fail(check.kind);
			expect(check.preview.unsignable).toBe(check.preview.fresh);
			expect(await applyImport(ctx, check.file)).toEqual({
				kind: 'refused',
				error: { code: 'untrusted-file', count: check.preview.fresh }
			});
			expect(await store.changes()).toEqual([]);
			const report = await applyImport(ctx, check.file, { trust: true });
			expect(report.kind).toBe('applied');
			expect(await store.changes()).toHaveLength(check.preview.fresh);
		});
	}
});
