/**
 * X6 as properties, through real files and real Ed25519 keys (issue 9):
 * - files from any schedule of honest devices (each with its device key, enrolled for the
 *   accounts it acts for) always import: a change whose device's enrollment travelled in a
 *   file this device has not seen yet waits (held as not-enrolled, never as badly signed; or,
 *   for a change anyone may make, it asks for the person's trust), and once every history has
 *   been exchanged nothing is held and the devices converge (S5);
 * - any file where one change's actor, content, clock or chain link was altered (the digest
 *   made to match again) is refused, or the altered change is held as a conflict: it is never
 *   applied, even when the person says they trust the file.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { licenseId, productId } from '$lib/core';
import type { State } from '$lib/core';
import { applyImport, checkImportFile } from '$lib/app/sync';
import type { ChangeDraft } from '$lib/store';
import { canonicalJson, digestOfCanonical } from '$lib/log/digest';
import { baseState, cid, commit, device, enroll, exported, imported, person } from './x6-world';
import type { Device, Person } from './x6-world';

let people: Person[];
let base: State;

beforeAll(async () => {
	people = await Promise.all(['p0', 'p1', 'p2', 'mallory'].map(person));
	const [p0, p1] = people;
	if (!p0 || !p1) throw new Error('setup');
	base = await baseState(people, p0, p1);
});

const at = <T>(items: readonly T[], i: number): T => {
	const item = items[i % items.length];
	if (item === undefined) throw new RangeError(`no item ${i}`);
	return item;
};

/** Something a person does on a device enrolled for them (or anyone may do). */
function action(kind: number, p: Person, n: number): ChangeDraft {
	switch (kind % 3) {
		case 0:
			return {
				id: cid('name'),
				actor: p.id,
				type: 'account.updateProfile',
				payload: { accountId: p.id, name: `Name ${n}` }
			};
		case 1:
			return {
				id: cid('lic'),
				actor: p.id,
				type: 'license.start',
				payload: {
					licenseId: licenseId(`lic-${n}-${p.id}`),
					sen: `SEN-${String(7_000_000 + n)}`,
					productId: productId('issues'),
					hosting: 'server',
					siteId: null,
					tier: 25,
					expiresAt: 2_000_000_000_000
				}
			};
		default:
			return { id: cid('remind'), actor: null, type: 'renewal.remind', payload: {} };
	}
}

const step = fc.record({
	device: fc.nat(),
	person: fc.nat(),
	kind: fc.nat(),
	exchange: fc.option(fc.record({ to: fc.nat(), whole: fc.boolean() }), { freq: 3 })
});

const HEX = ['1', '2', '3'];

describe('X6 properties', () => {
	it('X6: files from any schedule of honest devices always import, and end with everything proved', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 2, max: 3 }),
				fc.array(fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 3 }), {
					minLength: 3,
					maxLength: 3
				}),
				fc.array(step, { minLength: 1, maxLength: 12 }),
				async (count, enrolledFor, steps) => {
					const devices: Device[] = [];
					const mine: Person[][] = [];
					for (let i = 0; i < count; i++) {
						const d = device(at(HEX, i), base);
						const who = [...new Set(at(enrolledFor, i))].map((k) => at(people, k));
						for (const p of who) await enroll(d, p);
						devices.push(d);
						mine.push(who);
					}
					const swap = async (from: Device, to: Device, whole: boolean) => {
						const text = await exported(from, whole);
						const before = new Set<string>((await to.store.changes()).map((c) => c.id));
						const { check, report } = await imported(to, text, true);
						expect(report.kind).toBe('applied');
						// Trust lets in only what anyone may make: an actor's change from a device
						// whose key is not known here yet waits, even in a trusted file.
						for (const c of check.file.changes) {
							const evidence = check.file.evidence.byChange.get(c.id);
							if (evidence?.check !== null || c.actor === null || before.has(c.id)) continue;
							expect(await to.store.getChange(c.id)).toBeUndefined();
						}
						for (const held of await to.store.conflicts()) {
							expect(held.refusal.code).toBe('not-enrolled');
						}
					};
					for (const [n, s] of steps.entries()) {
						const i = s.device % count;
						const d = at(devices, i);
						await commit(d, action(s.kind, at(at(mine, i), s.person), n));
						if (s.exchange) {
							const to = at(devices, (i + 1 + (s.exchange.to % (count - 1))) % count);
							await swap(d, to, s.exchange.whole);
						}
					}
					// Everyone's whole history through the first device, then back: all converge.
					const hub = at(devices, 0);
					for (const d of devices.slice(1)) await swap(d, hub, true);
					for (const d of devices.slice(1)) await swap(hub, d, true);
					const names = (d: Device) => [...d.store.state.accounts.values()].map((a) => a.name);
					for (const d of devices) {
						expect(names(d)).toEqual(names(hub));
						expect(await d.store.conflicts()).toEqual([]);
						expect((await d.store.changes()).length).toBe((await hub.store.changes()).length);
					}
				}
			),
			{ numRuns: 40 }
		);
	}, 120_000);

	it('X6: a file with one change altered (actor, content, clock or chain) never gets that change applied', async () => {
		const kinds = ['actor', 'content', 'clock', 'prev'] as const;
		const outcomes = { refused: 0, held: 0 };
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
				fc.nat(),
				fc.constantFrom(...kinds),
				fc.nat(),
				async (actions, pick, kind, variant) => {
					const [p1, , , mallory] = people;
					if (!p1 || !mallory) throw new Error('setup');
					const b = device('b', base);
					await enroll(b, p1);
					for (const [n, a] of actions.entries()) await commit(b, action(a, p1, n));
					const honest = await exported(b);
					const file = parse(honest);
					const changes = file.changes;
					const i = pick % changes.length;
					const target = at(changes, i);
					const altered = alter(target, kind, variant, mallory);
					changes[i] = altered;
					file.digest = digestOfCanonical(changes.map(canonicalJson));

					const v = device('f', base);
					const check = await checkImportFile(v.ctx, JSON.stringify(file));
					if (check.kind === 'refused') {
						outcomes.refused++; // refused whole: nothing applied
						return;
					}
					const report = await applyImport(v.ctx, check.file, { trust: true });
					if (report.kind !== 'applied') {
						outcomes.refused++;
						return;
					}
					outcomes.held++;
					const text = canonicalJson(altered);
					expect((await v.store.changes()).some((c) => canonicalJson(c) === text)).toBe(false);
					const conflict = (await v.store.conflicts()).find(
						(c) => canonicalJson(c.change) === text
					);
					expect(conflict?.evidence).toBeDefined(); // held apart, not a rule's conflict
				}
			),
			{ numRuns: 60 }
		);
		// Both ways of stopping an altered change did happen.
		expect(outcomes.refused).toBeGreaterThan(0);
		expect(outcomes.held).toBeGreaterThan(0);
	}, 120_000);
});

interface FileJson {
	digest: string;
	changes: Record<string, unknown>[];
	[key: string]: unknown;
}

function parse(text: string): FileJson {
	const value: unknown = JSON.parse(text);
	if (typeof value !== 'object' || value === null || !('changes' in value)) {
		throw new Error('not a file');
	}
	const changes = Array.isArray(value.changes) ? value.changes.filter(isRecord) : [];
	return { ...value, digest: '', changes };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** One change, altered one way; always different from what it was. */
function alter(
	change: Record<string, unknown>,
	kind: 'actor' | 'content' | 'clock' | 'prev',
	variant: number,
	mallory: Person
): Record<string, unknown> {
	switch (kind) {
		case 'actor':
			return { ...change, actor: change.actor === mallory.id ? null : mallory.id };
		case 'content': {
			const payload = isRecord(change.payload) ? change.payload : {};
			const keys = Object.keys(payload).filter((k) => typeof payload[k] === 'string');
			if (keys.length === 0) return { ...change, payload: { ...payload, name: 'Tampered' } };
			const key = at(keys, variant);
			return { ...change, payload: { ...payload, [key]: `${String(payload[key])}x` } };
		}
		case 'clock': {
			const clock = String(change.clock);
			const digit = (Number(clock.charAt(3)) + 1 + (variant % 8)) % 10;
			return { ...change, clock: `${clock.slice(0, 3)}${digit}${clock.slice(4)}` };
		}
		case 'prev':
			return {
				...change,
				prev: change.prev === null ? 'A'.repeat(43) : variant % 2 === 0 ? null : 'B'.repeat(43)
			};
	}
}
