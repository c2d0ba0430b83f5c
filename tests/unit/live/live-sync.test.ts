// S10 end to end in Node: two devices sync through a server, with real keys and signatures
// (the X6 world of the file tests). What arrives goes through the file import path.
import { beforeAll, describe, expect, it } from 'vitest';
import type { State } from '$lib/core';
import { connect } from '$lib/live/connect';
import { Replicator } from '$lib/live/replicator';
import type { Checkpoint } from '$lib/live/replicator';
import { liveHost } from '$lib/app/live-sync';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { randomBytes } from '$lib/security/encoding';
import { baseState, cid, commit, device, enroll, person } from '../sync/x6-world';
import type { Device, Person } from '../sync/x6-world';

const URL_ = process.env.TESSERA_TEST_COUCH ?? 'http://127.0.0.1:5986';
let alice: Person;
let bob: Person;
let base: State;

beforeAll(async () => {
	[alice, bob] = await Promise.all([person('alice'), person('bob')]);
	base = await baseState([alice, bob], alice, bob);
});

let dbs = 0;
async function freshDb(): Promise<string> {
	const name = `t${Date.now()}x${++dbs}`;
	await fetch(`${URL_}/${name}`, { method: 'PUT' });
	return name;
}

async function live(d: Device, database: string, passphrase = 'team passphrase') {
	const joined = await connect(
		{ url: URL_, database, username: '', password: '' },
		passphrase,
		(input, init) => fetch(input, init),
		{ iterations: KDF_ITERATIONS.min, random: randomBytes }
	);
	if (!joined.ok) return expect.fail(JSON.stringify(joined.error));
	let saved: Checkpoint = { push: 0, pull: 0 };
	const host = liveHost(d.ctx, (c) => {
		saved = c;
		return Promise.resolve();
	});
	const replicator = new Replicator(joined.value.client, joined.value.key, host, saved, null, 0);
	return {
		replicator,
		saved: () => saved,
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

describe('S10: live sync between devices', () => {
	it('S10/S5: two devices converge through the server, and the file path would have done the same', async () => {
		const db = await freshDb();
		const a = device('a', base);
		const b = device('b', base);
		await enroll(a, alice);
		await enroll(b, bob);
		await commit(a, rename(alice, 'Alice A'));
		await commit(b, rename(bob, 'Bob B'));
		const la = await live(a, db);
		const lb = await live(b, db);
		await la.sync();
		await lb.sync();
		await la.sync();
		expect(a.store.state.accounts.get(bob.id)?.name).toBe('Bob B');
		expect(b.store.state.accounts.get(alice.id)?.name).toBe('Alice A');
		const ids = async (d: Device) => (await d.store.changes()).map((c) => c.id);
		expect(await ids(a)).toEqual(await ids(b));
		expect(await a.store.conflicts()).toEqual([]);
		expect(la.replicator.counts.pulled).toBe(2);
	});
});
