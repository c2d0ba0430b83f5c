/**
 * S8 for sync files: files written by version 1 of the format stay readable. The fixtures in
 * tests/fixtures/sync are frozen once written; `WRITE_SYNC_FIXTURES=1` writes only the ones
 * that are missing (it never overwrites a shipped fixture).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountId, changeId } from '$lib/core';
import type { Change } from '$lib/core';
import { enrollStatement, headStatement, newSigningKeyPair, sign } from '$lib/security/signing';
import { classify } from '$lib/log/authenticity';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import {
	DEVICE_A,
	NOW,
	PASSPHRASE,
	T0,
	V1_PLAIN_TYPES,
	V1_SECRET_TYPES,
	sample,
	sampleChanges,
	withChain
} from './helpers';

const DIR = 'tests/fixtures/sync';

// The changes they were generated from. Once a fixture exists, only its file counts: the
// test checks what any version-1 reader must return from it, not today's helpers.
const FIXTURES = [
	{ name: 'v1-plain.json', count: 20, secrets: false, passphrase: undefined },
	{ name: 'v1-encrypted.json', count: 22, secrets: true, passphrase: PASSPHRASE }
] as const;

describe('frozen version-1 fixtures', () => {
	for (const fixture of FIXTURES) {
		const path = `${DIR}/${fixture.name}`;

		it(`${fixture.name} is still accepted, with the changes it was written with`, async () => {
			if (process.env.WRITE_SYNC_FIXTURES === '1' && !existsSync(path)) {
				const built = await buildSyncFile({
					device: DEVICE_A,
					exportedAt: T0,
					kind: 'full',
					changes: await sampleChanges(fixture.count, fixture.secrets),
					...(fixture.passphrase === undefined ? {} : { passphrase: fixture.passphrase })
				});
				if (!built.ok) return expect.fail(built.error.code);
				writeFileSync(path, built.file.text);
			}
			expect(existsSync(path), `${path} is missing`).toBe(true);
			const text = readFileSync(path, 'utf8');
			const options = fixture.passphrase === undefined ? {} : { passphrase: fixture.passphrase };
			const result = await readSyncFile(text, { now: NOW, ...options });
			if (!result.ok) return expect.fail(result.error.code);
			const { changes, evidence, ...meta } = result.file;
			// X6: a version-1 file carries no signatures, so nothing in it can be checked.
			expect(evidence.version).toBe(1);
			expect([...evidence.byChange.values()].every((e) => e.check === null)).toBe(true);
			expect(meta).toEqual({
				device: DEVICE_A,
				exportedAt: T0,
				kind: 'full',
				encrypted: fixture.passphrase !== undefined,
				gaps: []
			});
			expect(changes.map((c) => c.id)).toEqual(
				Array.from({ length: fixture.count }, (_, n) => `c-${n % 2 ? 'aaaa' : '1111'}-${n}`)
			);
			const types = fixture.secrets ? [...V1_PLAIN_TYPES, ...V1_SECRET_TYPES] : V1_PLAIN_TYPES;
			expect(new Set(changes.map((c) => c.type))).toEqual(new Set(types));
			expect(changes[0]).toEqual({
				id: 'c-1111-0',
				device: DEVICE_A,
				clock: '2026-09-21T14:13:20.000Z-0000-1111222233334444',
				at: T0,
				actor: null,
				prev: null,
				type: 'account.create',
				payload: {
					accountId: 'a-1111-0',
					email: 'person0@acme.com',
					name: 'Person 0',
					mode: 'signup',
					source: 'password',
					...(fixture.secrets
						? {
								passwordHash: {
									alg: 'PBKDF2-SHA256',
									iterations: 600_000,
									salt: 's0',
									hash: 'h0',
									length: 32
								},
								token: 'token-0',
								tokenHash: 'token-hash-0'
							}
						: {})
				}
			});
		});
	}
});

// X6: a file written by version 2 of the format, signed: one device enrolled for Alice by her
// account key, its run of changes signed at its head. Frozen like the others, so a change to
// the head or enrollment statements (or to how a run is cut) fails here.
describe('frozen version-2 fixture', () => {
	const path = `${DIR}/v2-signed.json`;

	it('v2-signed.json is still read, every signature checks, and Alice’s key proves it all', async () => {
		if (process.env.WRITE_SYNC_FIXTURES === '1' && !existsSync(path)) {
			writeFileSync(path, await signedFixture());
		}
		expect(existsSync(path), `${path} is missing`).toBe(true);
		const result = await readSyncFile(readFileSync(path, 'utf8'), { now: NOW });
		if (!result.ok) return expect.fail(result.error.code);
		const { changes, evidence } = result.file;
		expect(evidence.version).toBe(2);
		expect(changes.map((c) => c.id)).toEqual([
			'enroll-1111',
			...Array.from({ length: 10 }, (_, n) => `c-1111-${n}`)
		]);
		expect([...evidence.byChange.values()].every((e) => e.check?.ok === true)).toBe(true);
		const [enroll] = changes;
		if (enroll?.type !== 'device.enroll') return expect.fail('no enrollment first');
		expect(evidence.byChange.get(enroll.id)?.enrollment).toBe(true);
		const alice = accountId('a-alice');
		const knows = (keys: string[]) => ({
			accountKeys: new Map([[alice, keys]]),
			enrolled: new Set<string>(),
			accounts: new Set<string>([alice])
		});
		const verdicts = (keys: string[]) =>
			[...classify(changes, (id) => evidence.byChange.get(id), knows(keys)).values()].map(
				(v) => v.kind
			);
		expect(new Set(verdicts([enroll.payload.accountPublicKey]))).toEqual(new Set(['proved']));
		expect(verdicts([])).toContain('unverified');
	});
});

/** Ten sample changes of DEVICE_A after its enrollment for Alice, signed as the app signs. */
async function signedFixture(): Promise<string> {
	const account = await newSigningKeyPair(false);
	const device = await newSigningKeyPair(false);
	const alice = accountId('a-alice');
	const at = T0 - 1000;
	const enroll: Change = {
		id: changeId('enroll-1111'),
		device: DEVICE_A,
		clock: `${new Date(at).toISOString()}-0000-${DEVICE_A}`,
		at,
		actor: alice,
		prev: null,
		type: 'device.enroll',
		payload: {
			accountId: alice,
			devicePublicKey: device.publicKey,
			accountPublicKey: account.publicKey,
			signature: await sign(account.privateKey, enrollStatement(alice, DEVICE_A, device.publicKey))
		}
	};
	const changes = await withChain([
		enroll,
		...Array.from({ length: 10 }, (_, n) => sample(DEVICE_A, n))
	]);
	const built = await buildSyncFile({
		device: DEVICE_A,
		exportedAt: T0,
		kind: 'queue',
		changes,
		sign: (heads) =>
			Promise.all(
				heads.map(async (h) => ({
					device: h.device,
					changeId: h.changeId,
					signature: await sign(device.privateKey, headStatement(h.device, h.changeId, h.hash))
				}))
			)
	});
	if (!built.ok) throw new Error(built.error.code);
	return built.file.text;
}
