// S10 in Node: devices sync through the fake CouchDB (checked against PouchDB Server in
// couch-parity.test.ts), with real keys and signatures (the X6 world of the file tests). What
// arrives goes through the file import path; a forged or unreadable document is never applied.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { State } from '$lib/core';
import { connect } from '$lib/live/connect';
import { makeKeyFile, readKeyFile } from '$lib/live/key-file';
import type { TeamKeyFile } from '$lib/live/key-file';
import type { TeamSecret } from '$lib/live/team';
import { Replicator } from '$lib/live/replicator';
import type { Checkpoint } from '$lib/live/replicator';
import { changeDoc, signatureDoc } from '$lib/live/docs';
import { liveHost } from '$lib/app/live-sync';
import { signaturesFor } from '$lib/app/sync';
import { changeHash } from '$lib/log/digest';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { randomBytes } from '$lib/security/encoding';
import { baseState, cid, commit, device, enroll, person } from '../sync/x6-world';
import type { Device, Person } from '../sync/x6-world';
import { createFakeCouch } from './fake-couch';
import type { FakeCouch } from './fake-couch';

const URL_ = 'http://couch.test';
const DB = 'team';
let alice: Person;
let bob: Person;
let base: State;

beforeAll(async () => {
	[alice, bob] = await Promise.all([person('alice'), person('bob')]);
	base = await baseState([alice, bob], alice, bob);
});

function server(): FakeCouch {
	const couch = createFakeCouch();
	couch.createDb(DB);
	return couch;
}

async function joined(couch: FakeCouch, passphrase: TeamSecret | null = 'team passphrase') {
	return connect({ url: URL_, database: DB, username: '', password: '' }, passphrase, couch.fetch, {
		iterations: KDF_ITERATIONS.min,
		random: randomBytes
	});
}

async function live(
	d: Device,
	couch: FakeCouch,
	passphrase: TeamSecret | null = 'team passphrase',
	start: Checkpoint = { push: 0, pull: 0 }
) {
	const made = await joined(couch, passphrase);
	if (!made.ok) return expect.fail(JSON.stringify(made.error));
	let saved: Checkpoint = start;
	const host = liveHost(d.ctx, (c) => {
		saved = c;
		return Promise.resolve();
	});
	const replicator = new Replicator(made.value.client, made.value.key, host, saved, null, 0);
	return {
		replicator,
		key: made.value.key,
		saved: () => saved,
		async push() {
			return replicator.push();
		},
		async sync() {
			const pushed = await replicator.push();
			if (!pushed.ok) expect.fail(JSON.stringify(pushed.problem));
			do {
				const pulled = await replicator.pull();
				if (!pulled.ok) expect.fail(JSON.stringify(pulled.problem));
			} while (!replicator.caughtUp);
		}
	};
}

const rename = (p: Person, name: string) => ({
	id: cid('name'),
	actor: p.id,
	type: 'account.updateProfile' as const,
	payload: { accountId: p.id, name }
});

/** Documents written straight into the server, as anyone with database access could. */
async function writeRaw(couch: FakeCouch, docs: readonly object[]): Promise<void> {
	const answer = await couch.fetch(`${URL_}/${DB}/_bulk_docs`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ new_edits: false, docs })
	});
	expect(answer.status).toBe(201);
}

const ids = async (d: Device) => (await d.store.changes()).map((c) => c.id);

async function twoDevices() {
	const a = device('a', base);
	const b = device('b', base);
	await enroll(a, alice);
	await enroll(b, bob);
	return { a, b };
}

/** Two devices connected to a new server and in step. */
async function inStep() {
	const couch = server();
	const { a, b } = await twoDevices();
	const la = await live(a, couch);
	const lb = await live(b, couch);
	await la.sync();
	await lb.sync();
	return { couch, a, b, la, lb };
}

/** An insider's change as device A (same device id, its own chain): a rename of Alice. */
async function forgedAsA() {
	const forger = device('a', base);
	await enroll(forger, alice);
	await commit(forger, rename(alice, 'Forged'));
	const forged = (await forger.store.changes()).at(-1);
	return forged ?? expect.fail('no change');
}

describe('S10: live sync between devices', () => {
	it('S10/S5: two devices converge through the server', async () => {
		const couch = server();
		const { a, b } = await twoDevices();
		await commit(a, rename(alice, 'Alice A'));
		await commit(b, rename(bob, 'Bob B'));
		const la = await live(a, couch);
		const lb = await live(b, couch);
		await la.sync();
		await lb.sync();
		await la.sync();
		expect(a.store.state.accounts.get(bob.id)?.name).toBe('Bob B');
		expect(b.store.state.accounts.get(alice.id)?.name).toBe('Alice A');
		expect(await ids(a)).toEqual(await ids(b));
		expect(await a.store.conflicts()).toEqual([]);
		expect(la.replicator.counts.pulled).toBe(2);
		// S4: syncing again sends and applies nothing; what was pulled is not asked about again.
		const docs = couch.docs(DB).length;
		const asked = () => couch.requests.filter((r) => r.includes('_revs_diff')).length;
		const before = asked();
		await la.sync();
		await lb.sync();
		expect(couch.docs(DB)).toHaveLength(docs);
		expect(la.replicator.counts.pulled).toBe(2);
		expect(asked()).toBe(before);
	});

	it('S10/S4: a device does not open and import again what it pushed itself this session', async () => {
		const couch = server();
		const { a } = await twoDevices();
		for (let i = 0; i < 3; i++) await commit(a, rename(alice, `Alice ${i}`));
		const la = await live(a, couch);
		const imports = vi.spyOn(a.store, 'importChanges');
		await la.sync();
		expect(couch.docs(DB).filter((d) => d._id.startsWith('c:'))).toHaveLength(4);
		expect(imports).not.toHaveBeenCalled();
		expect(la.replicator.counts).toMatchObject({ pushed: 4, pulled: 0, refused: 0, waiting: 0 });
	});

	it("S10/X6: each pushed page carries the signatures over its runs' heads, so a puller can apply it alone", async () => {
		const couch = server();
		const { a } = await twoDevices();
		const drafts = Array.from({ length: 1_200 }, (_, i) => rename(alice, `Alice ${i}`));
		await a.store.commitMany(drafts, a.tick());
		const la = await live(a, couch);
		await la.sync();
		const sigs = couch.docs(DB).filter((d) => d._id.startsWith('s:'));
		// Pages of 500: heads after 500, 1,000 and the last change (1,201 with the enrollment).
		expect(sigs.length).toBeGreaterThanOrEqual(3);
		expect(couch.docs(DB).filter((d) => d._id.startsWith('c:'))).toHaveLength(1_201);
	});

	it('S10/S4: a server that dies mid-push loses nothing and duplicates nothing once it is back', async () => {
		const couch = server();
		const { a, b } = await twoDevices();
		for (let i = 0; i < 5; i++) await commit(a, rename(alice, `Alice ${i}`));
		const la = await live(a, couch);
		couch.faults.killAfterBulkDocs(3);
		const first = await la.push();
		expect(first).toMatchObject({ ok: false, problem: { code: 'server', status: 500 } });
		expect(la.saved().push).toBe(0); // the checkpoint did not move
		await la.sync();
		const changeDocs = couch.docs(DB).filter((d) => d._id.startsWith('c:'));
		expect(changeDocs).toHaveLength((await a.store.changes()).length);
		const lb = await live(b, couch);
		await lb.sync();
		expect(b.store.state.accounts.get(alice.id)?.name).toBe('Alice 4');
		expect(await b.store.conflicts()).toEqual([]);
	});

	it('S10: offline, the step fails as "offline" and the checkpoint stays; back online, it goes on', async () => {
		const { couch, a, b, la, lb } = await inStep();
		await commit(a, rename(alice, 'Alice offline'));
		couch.faults.offline(true);
		expect(await la.push()).toEqual({ ok: false, problem: { code: 'offline' } });
		couch.faults.offline(false);
		await la.sync();
		await lb.sync();
		expect(b.store.state.accounts.get(alice.id)?.name).toBe('Alice offline');
	});

	it('S10/X6: a change forged with the team key but without its device’s signature is never applied', async () => {
		const { couch, b, la, lb } = await inStep();
		// An insider with the team key writes a change as device A, signed with a made-up signature.
		const forged = await forgedAsA();
		if (la.key === null) return expect.fail('no key');
		const fakeSig = { device: forged.device, changeId: forged.id, signature: 'S'.repeat(86) };
		await writeRaw(couch, [
			await changeDoc(forged, la.key, randomBytes),
			await signatureDoc(fakeSig, la.key, randomBytes)
		]);
		await lb.sync();
		expect(b.store.state.accounts.get(alice.id)?.name).not.toBe('Forged');
		expect((await b.store.changes()).some((c) => c.id === forged.id)).toBe(false);
		const conflicts = await b.store.conflicts();
		expect(conflicts.map((c) => c.change.id)).toContain(forged.id);
		expect(lb.replicator.counts.conflicts).toBeGreaterThan(0);
	});

	it('S10/X6: a change that never gets a signature waits in the checkpoint, not holding it back: a restart does not pull everything after it again', async () => {
		const { couch, a, b, la, lb } = await inStep();
		const forged = await forgedAsA();
		if (la.key === null) return expect.fail('no key');
		await writeRaw(couch, [await changeDoc(forged, la.key, randomBytes)]);
		for (let i = 0; i < 3; i++) await commit(a, rename(alice, `Alice ${i}`));
		await la.sync();
		await lb.sync();
		expect(b.store.state.accounts.get(alice.id)?.name).toBe('Alice 2');
		expect(lb.replicator.counts.waiting).toBe(1);
		expect(lb.saved().pending).toHaveLength(1);
		// A restart from what was saved: the forged change still waits, and nothing after it is
		// pulled and imported again.
		const imports = vi.spyOn(b.store, 'importChanges');
		const again = await live(b, couch, 'team passphrase', lb.saved());
		await again.sync();
		expect(again.replicator.counts.waiting).toBe(1);
		expect(imports).not.toHaveBeenCalled();
		expect((await b.store.changes()).some((c) => c.id === forged.id)).toBe(false);
	});

	it('S10/X6: a change whose signature arrives only after a restart is applied then', async () => {
		const { couch, a, b, la, lb } = await inStep();
		await commit(a, rename(alice, 'Alice signed late'));
		const change = (await a.store.changes()).at(-1);
		if (change === undefined || la.key === null) return expect.fail('no change');
		const head = { device: change.device, changeId: change.id, hash: changeHash(change) };
		const [signature] = await signaturesFor(a.store, [head]);
		if (signature === undefined) return expect.fail('no signature');
		await writeRaw(couch, [await changeDoc(change, la.key, randomBytes)]);
		await lb.sync();
		expect(lb.replicator.counts.waiting).toBe(1);
		const again = await live(b, couch, 'team passphrase', lb.saved());
		await writeRaw(couch, [await signatureDoc(signature, la.key, randomBytes)]);
		await again.sync();
		expect(b.store.state.accounts.get(alice.id)?.name).toBe('Alice signed late');
		expect(again.replicator.counts).toMatchObject({ waiting: 0, pulled: 1 });
		expect(again.saved().pending).toBeUndefined();
	});

	it('S10/X6: a run signed by a device nobody enrolled waits, is never applied, and holds nothing else back', async () => {
		const { couch, a, b, la, lb } = await inStep();
		// An insider's own device, with its own key, pushes a rename of Alice without ever
		// having been enrolled for anyone: its key is known nowhere, so nothing can check it.
		const stranger = device('e', base);
		await commit(stranger, rename(alice, 'Forged'));
		const forged = (await stranger.store.changes()).map((c) => c.id);
		await (await live(stranger, couch)).sync();
		await commit(a, rename(alice, 'Alice later'));
		await la.sync();
		await lb.sync();
		expect(b.store.state.accounts.get(alice.id)?.name).toBe('Alice later');
		expect((await b.store.changes()).filter((c) => forged.includes(c.id))).toEqual([]);
		expect(lb.replicator.counts.waiting).toBe(1);
		expect(lb.replicator.counts.pulled).toBe(2);
		// What waits is kept with the checkpoint, which moved past it (see the test above).
		expect(lb.saved().pending?.length).toBeGreaterThan(0);
	});

	it('S10: a document not under the team key, or damaged, is counted as refused and applies nothing', async () => {
		const couch = server();
		const { a, b } = await twoDevices();
		const la = await live(a, couch);
		await la.sync();
		await writeRaw(couch, [
			{
				_id: 'c:evil-1',
				_rev: '1-00000000000000000000000000000000',
				kind: 'change',
				device: 'eeeeeeeeeeeeeeee',
				clock: '0',
				iv: 'AAAAAAAAAAAAAAAA',
				ciphertext: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAA'
			},
			{ _id: 'c:evil-2', _rev: '1-00000000000000000000000000000001', kind: 'change' }
		]);
		const before = (await b.store.changes()).length;
		const lb = await live(b, couch);
		await lb.sync();
		expect(lb.replicator.counts.refused).toBe(2);
		expect((await b.store.changes()).length).toBe(before + (await a.store.changes()).length);
	});

	it('S10: without the passphrase a device counts the encrypted changes and applies none', async () => {
		const couch = server();
		const { a, b } = await twoDevices();
		await commit(a, rename(alice, 'Alice A'));
		const la = await live(a, couch);
		await la.sync();
		const before = await ids(b);
		const lb = await live(b, couch, null);
		await lb.sync();
		expect(lb.replicator.counts.encrypted).toBe((await a.store.changes()).length);
		expect(await ids(b)).toEqual(before);
	});

	it('S10: a wrong passphrase is refused before anything is read or sent', async () => {
		const couch = server();
		const { a } = await twoDevices();
		await live(a, couch);
		expect(await joined(couch, 'not the passphrase')).toEqual({
			ok: false,
			error: { code: 'wrong-passphrase' }
		});
	});

	it('S10: two devices with the same team key file converge; the server holds only its salt and check', async () => {
		const couch = server();
		const { a, b } = await twoDevices();
		const text = makeKeyFile(randomBytes);
		await commit(a, rename(alice, 'Alice A'));
		await commit(b, rename(bob, 'Bob B'));
		const la = await live(a, couch, keyFileOf(text));
		const lb = await live(b, couch, keyFileOf(text)); // as device B reads its copy
		await la.sync();
		await lb.sync();
		await la.sync();
		expect(a.store.state.accounts.get(bob.id)?.name).toBe('Bob B');
		expect(b.store.state.accounts.get(alice.id)?.name).toBe('Alice A');
		expect(await ids(a)).toEqual(await ids(b));
		const secret = keyFileOf(text).secret;
		expect(JSON.stringify(couch.docs(DB))).not.toContain(secret);
	});

	it('S10: a wrong key file is refused as a key file before anything is read or sent', async () => {
		const couch = server();
		const { a } = await twoDevices();
		const la = await live(a, couch, keyFileOf(makeKeyFile(randomBytes)));
		await la.sync();
		const before = couch.requests.length;
		expect(await joined(couch, keyFileOf(makeKeyFile(randomBytes)))).toEqual({
			ok: false,
			error: { code: 'wrong-key-file' }
		});
		// Only the server's info and the team document were asked for.
		expect(couch.requests.slice(before)).toEqual([`GET /${DB}/`, `GET /${DB}/tessera%3Ateam`]);
		// A team made with a passphrase refuses a key file as a key file too.
		const other = server();
		await live(a, other);
		expect(await joined(other, keyFileOf(makeKeyFile(randomBytes)))).toEqual({
			ok: false,
			error: { code: 'wrong-key-file' }
		});
	});

	it('S10: wrong credentials are "unauthorized"; a missing database is "no-database"', async () => {
		const couch = createFakeCouch({ users: { member: 'secret' } });
		couch.createDb(DB);
		const config = { url: URL_, database: DB, username: 'member', password: 'nope' };
		const options = { iterations: KDF_ITERATIONS.min, random: randomBytes };
		expect(await connect(config, 'x', couch.fetch, options)).toEqual({
			ok: false,
			error: { code: 'unauthorized' }
		});
		const missing = { ...config, password: 'secret', database: 'other' };
		expect(await connect(missing, 'x', couch.fetch, options)).toEqual({
			ok: false,
			error: { code: 'no-database' }
		});
		const bad = { ...config, url: 'ftp://x' };
		expect(await connect(bad, 'x', couch.fetch, options)).toEqual({
			ok: false,
			error: { code: 'bad-url' }
		});
	});
});

/** A key file as a device reads it from the file's text. */
function keyFileOf(text: string): TeamKeyFile {
	const read = readKeyFile(text);
	if (!read.ok) throw new Error(read.error);
	return read.value;
}
