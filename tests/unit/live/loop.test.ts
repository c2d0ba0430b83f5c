// S10: the live-sync loop never dies silently. A failure on this device (its storage refusing a
// checkpoint or what arrived) is a status, "local", and the loop tries again.
import { beforeAll, describe, expect, it } from 'vitest';
import type { State } from '$lib/core';
import { connect } from '$lib/live/connect';
import { LiveLoop } from '$lib/live/loop';
import type { LiveStatus } from '$lib/live/loop';
import { Replicator } from '$lib/live/replicator';
import { liveHost } from '$lib/app/live-sync';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { randomBytes } from '$lib/security/encoding';
import { baseState, cid, commit, device, enroll, person } from '../sync/x6-world';
import type { Person } from '../sync/x6-world';
import { createFakeCouch } from './fake-couch';

let alice: Person;
let base: State;

beforeAll(async () => {
	alice = await person('alice');
	base = await baseState([alice], alice, alice);
});

const env = { sleep: () => Promise.resolve(), isOnline: () => true };

async function loopFor(failSaves: number) {
	const couch = createFakeCouch();
	couch.createDb('team');
	const d = device('a', base);
	await enroll(d, alice);
	await commit(d, {
		id: cid('name'),
		actor: alice.id,
		type: 'account.updateProfile',
		payload: { accountId: alice.id, name: 'Alice' }
	});
	const config = { url: 'http://couch.test', database: 'team', username: '', password: '' };
	const joined = await connect(config, 'team passphrase', couch.fetch, {
		iterations: KDF_ITERATIONS.min,
		random: randomBytes
	});
	if (!joined.ok) return expect.fail(JSON.stringify(joined.error));
	let failures = failSaves;
	const host = liveHost(d.ctx, () =>
		failures-- > 0 ? Promise.reject(new Error('QuotaExceededError')) : Promise.resolve()
	);
	const replicator = new Replicator(
		joined.value.client,
		joined.value.key,
		host,
		{ push: 0, pull: 0 },
		null,
		0
	);
	const seen: LiveStatus[] = [];
	let settle: () => void = () => undefined;
	const settled = new Promise<void>((resolve) => (settle = resolve));
	const loop = new LiveLoop(replicator, env, (status) => {
		seen.push(status);
		if (status.state === 'waiting' || status.state === 'failed') settle();
	});
	return { couch, loop, seen, settled };
}

describe('S10: the live-sync loop', () => {
	it('S10: a storage failure is the status "local", and the loop goes on to push everything', async () => {
		const { couch, loop, seen, settled } = await loopFor(1);
		const running = loop.run();
		await settled;
		loop.stop();
		await running;
		expect(seen.some((s) => s.state === 'offline' && s.problem?.code === 'local')).toBe(true);
		expect(seen.at(-1)?.state).toBe('stopped');
		expect(couch.docs('team').filter((d) => d._id.startsWith('c:'))).toHaveLength(2);
	});
});
