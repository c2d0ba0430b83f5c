/**
 * S8 for sync files: files written by version 1 of the format stay readable. The fixtures in
 * tests/fixtures/sync are frozen once written; `WRITE_SYNC_FIXTURES=1` writes only the ones
 * that are missing (it never overwrites a shipped fixture).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import { DEVICE_A, NOW, PASSPHRASE, PLAIN_TYPES, SECRET_TYPES, T0, sampleChanges } from './helpers';

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
			const types = fixture.secrets ? [...PLAIN_TYPES, ...SECRET_TYPES] : PLAIN_TYPES;
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
