// S5 + S10: whatever the schedule of edits, pushes, pulls, disconnects and file imports among
// three devices, once everyone has pushed and pulled everything they all hold the same log and
// show the same state; nothing is applied twice (S4), nothing becomes a conflict.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { State } from '$lib/core';
import { connect } from '$lib/live/connect';
import { Replicator } from '$lib/live/replicator';
import type { Checkpoint } from '$lib/live/replicator';
import { liveHost } from '$lib/app/live-sync';
import { applyImport, checkImportFile, exportChanges } from '$lib/app/sync';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { randomBytes } from '$lib/security/encoding';
import { baseState, cid, commit, device, enroll, person } from '../sync/x6-world';
import type { Device, Person } from '../sync/x6-world';
import { createFakeCouch } from './fake-couch';
import type { FakeCouch } from './fake-couch';

const URL_ = 'http://couch.test';
const DB = 'team';
let people: Person[];
let base: State;

beforeAll(async () => {
	people = await Promise.all(['alice', 'bob', 'carol'].map((n) => person(n)));
	const [alice, bob] = people;
	if (alice === undefined || bob === undefined) throw new Error('no people');
	base = await baseState(people, alice, bob);
});

type Op =
	| { kind: 'edit'; who: number; name: string }
	| { kind: 'push'; who: number }
	| { kind: 'pull'; who: number }
	| { kind: 'disconnect'; who: number }
	| { kind: 'file'; from: number; to: number };

const who = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
	fc.record({
		kind: fc.constant('edit' as const),
		who,
		name: fc.string({ minLength: 1, maxLength: 12 })
	}),
	fc.record({ kind: fc.constant('push' as const), who }),
	fc.record({ kind: fc.constant('pull' as const), who }),
	fc.record({ kind: fc.constant('disconnect' as const), who }),
	fc.record({ kind: fc.constant('file' as const), from: who, to: who })
);

interface Node {
	readonly d: Device;
	readonly p: Person;
	replicator: Replicator | null;
	checkpoint: Checkpoint;
}

async function replicatorFor(node: Node, couch: FakeCouch): Promise<Replicator> {
	if (node.replicator !== null) return node.replicator;
	const made = await connect(
		{ url: URL_, database: DB, username: '', password: '' },
		'team passphrase',
		couch.fetch,
		{ iterations: KDF_ITERATIONS.min, random: randomBytes }
	);
	if (!made.ok) throw new Error(JSON.stringify(made.error));
	const host = liveHost(node.d.ctx, (c) => {
		node.checkpoint = c;
		return Promise.resolve();
	});
	node.replicator = new Replicator(
		made.value.client,
		made.value.key,
		host,
		node.checkpoint,
		null,
		0
	);
	return node.replicator;
}

async function run(node: Node, couch: FakeCouch, step: 'push' | 'pull'): Promise<void> {
	const r = await replicatorFor(node, couch);
	const done = step === 'push' ? await r.push() : await r.pull();
	if (!done.ok) throw new Error(JSON.stringify(done.problem));
}

async function fileFrom(from: Node, to: Node): Promise<void> {
	const report = await exportChanges(from.d.ctx, {
		whole: true,
		passphrase: 'file passphrase',
		iterations: KDF_ITERATIONS.min
	});
	if (report.kind !== 'built') return;
	const check = await checkImportFile(to.d.ctx, report.file.text, {
		passphrase: 'file passphrase'
	});
	if (check.kind !== 'ready') throw new Error(JSON.stringify(check));
	const applied = await applyImport(to.d.ctx, check.file, { trust: false });
	if (applied.kind !== 'applied') throw new Error(JSON.stringify(applied));
}

describe('S5/S10: live sync converges under any schedule', () => {
	it('S5/S10: three devices with pushes, pulls, disconnects and files in any order end equal', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(op, { maxLength: 14 }), async (ops) => {
				const couch = createFakeCouch();
				couch.createDb(DB);
				const nodes: Node[] = [];
				for (const [i, p] of people.entries()) {
					const d = device(['a', 'b', 'c'][i] ?? 'd', base);
					await enroll(d, p);
					nodes.push({ d, p, replicator: null, checkpoint: { push: 0, pull: 0 } });
				}
				const at = (i: number): Node => nodes[i] ?? expect.fail(`no node ${i}`);
				for (const o of ops) {
					if (o.kind === 'edit') {
						const n = at(o.who);
						await commit(n.d, {
							id: cid('name'),
							actor: n.p.id,
							type: 'account.updateProfile',
							payload: { accountId: n.p.id, name: o.name }
						});
					} else if (o.kind === 'push' || o.kind === 'pull') await run(at(o.who), couch, o.kind);
					else if (o.kind === 'disconnect') at(o.who).replicator = null;
					else if (o.from !== o.to) await fileFrom(at(o.from), at(o.to));
				}
				// Everyone pushes, then everyone pulls until caught up, twice over.
				for (let round = 0; round < 2; round++) {
					for (const n of nodes) await run(n, couch, 'push');
					for (const n of nodes) {
						const r = await replicatorFor(n, couch);
						do await run(n, couch, 'pull');
						while (!r.caughtUp);
					}
				}
				const logs = await Promise.all(
					nodes.map(async (n) => (await n.d.store.changes()).map((c) => c.id))
				);
				expect(logs[1]).toEqual(logs[0]);
				expect(logs[2]).toEqual(logs[0]);
				const names = nodes.map((n) => people.map((p) => n.d.store.state.accounts.get(p.id)?.name));
				expect(names[1]).toEqual(names[0]);
				expect(names[2]).toEqual(names[0]);
				for (const n of nodes) expect(await n.d.store.conflicts()).toEqual([]);
				// S4: one document per change on the server.
				const changeDocs = couch.docs(DB).filter((d) => d._id.startsWith('c:'));
				expect(changeDocs).toHaveLength(logs[0]?.length ?? -1);
			}),
			{ numRuns: 25 }
		);
	}, 120_000);
});
