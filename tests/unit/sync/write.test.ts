/**
 * S3: export writes the changes in replay order with their digest, encrypts any file that
 * carries secrets, refuses to write such a file in clear, and never writes a file the reader
 * would refuse.
 */
import { describe, expect, it } from 'vitest';
import { changeId, deviceId } from '$lib/core';
import { changesDigest } from '$lib/log/digest';
import { headStatement, newSigningKeyPair, sign } from '$lib/security/signing';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile, syncFileName } from '$lib/sync/write';
import { DEVICE_A, DEVICE_B, FAST, NOW, PASSPHRASE, T0, sample, sampleChanges } from './helpers';

const base = { device: DEVICE_A, exportedAt: T0, kind: 'full' } as const;

describe('buildSyncFile', () => {
	it('writes the envelope, the digest and one change per line, in replay order', async () => {
		const changes = await sampleChanges(5);
		const result = await buildSyncFile({ ...base, changes: [...changes].reverse() });
		if (!result.ok) return expect.fail(result.error.code);
		const { text, encrypted, filename } = result.file;
		expect(encrypted).toBe(false);
		expect(filename).toBe('tessera-changes-11112222-20260921-1413.json');
		expect(JSON.parse(text)).toEqual({
			format: 'tessera-changes',
			version: 2,
			device: DEVICE_A,
			exportedAt: T0,
			kind: 'full',
			digest: changesDigest(changes),
			signatures: [],
			changes
		});
		expect(text.split('\n')).toHaveLength(changes.length + 3);
	});

	it('X6: signs each device’s run at its head, and the file reads back with the signatures checked', async () => {
		const changes = await sampleChanges(6);
		const keys = new Map([
			[DEVICE_A, await newSigningKeyPair(false)],
			[DEVICE_B, await newSigningKeyPair(false)]
		]);
		const asked: string[] = [];
		const result = await buildSyncFile({
			...base,
			changes,
			sign: (heads) =>
				Promise.all(
					heads.map(async (h) => {
						asked.push(h.changeId);
						const key = keys.get(deviceId(h.device));
						if (!key) throw new Error('no key');
						const statement = headStatement(h.device, h.changeId, h.hash);
						// Extra fields from a signer are not written: the reader's schema is strict.
						return { ...h, signature: await sign(key.privateKey, statement) };
					})
				)
		});
		if (!result.ok) return expect.fail(result.error.code);
		expect(asked.sort()).toEqual(['c-1111-4', 'c-aaaa-5']);
		const file: unknown = JSON.parse(result.file.text);
		expect(file).toMatchObject({
			version: 2,
			signatures: [{ device: DEVICE_A }, { device: DEVICE_B }]
		});
		const known = new Map([...keys].map(([d, k]) => [d, k.publicKey]));
		const read = await readSyncFile(result.file.text, { now: NOW, deviceKeys: known });
		if (!read.ok) return expect.fail(read.error.code);
		const checks = [...read.file.evidence.byChange.values()].map((e) => e.check?.ok);
		expect(checks).toEqual(Array.from({ length: 6 }, () => true));
	});

	it('writes an empty file that reads back', async () => {
		const result = await buildSyncFile({ ...base, changes: [] });
		expect(result.ok && JSON.parse(result.file.text)).toMatchObject({ changes: [] });
	});

	it('refuses to write secrets without a passphrase', async () => {
		const changes = await sampleChanges(3, true);
		expect(await buildSyncFile({ ...base, changes })).toEqual({
			ok: false,
			error: { code: 'passphrase-required' }
		});
		expect(await buildSyncFile({ ...base, changes, passphrase: '' })).toEqual({
			ok: false,
			error: { code: 'passphrase-required' }
		});
	});

	it('S3: refuses a passphrase shorter than 8 characters, wherever the export comes from', async () => {
		const changes = await sampleChanges(3, true);
		expect(await buildSyncFile({ ...base, changes, passphrase: 'seven77' })).toEqual({
			ok: false,
			error: { code: 'passphrase-too-short', min: 8 }
		});
	});

	it('encrypts with a passphrase, with or without secrets', async () => {
		const result = await buildSyncFile({
			...base,
			changes: await sampleChanges(3, true),
			passphrase: PASSPHRASE,
			iterations: FAST
		});
		if (!result.ok) return expect.fail(result.error.code);
		expect(result.file.encrypted).toBe(true);
		expect(JSON.parse(result.file.text)).toMatchObject({
			format: 'tessera-changes',
			version: 2,
			encrypted: { alg: 'AES-GCM', kdf: { name: 'PBKDF2', iterations: FAST } }
		});
		expect(result.file.text).not.toContain('person0@acme.com');
	});

	it('does not write a change the reader would refuse', async () => {
		const bad = { ...sample(DEVICE_A, 9), id: changeId('x'.repeat(101)) };
		expect(await buildSyncFile({ ...base, changes: [bad] })).toMatchObject({
			ok: false,
			error: { code: 'field-too-large', path: ['changes', 0, 'id'] }
		});
	});

	it('reports progress up to 1', async () => {
		const seen: number[] = [];
		await buildSyncFile({
			...base,
			changes: await sampleChanges(4_500),
			onProgress: (f) => seen.push(f)
		});
		expect(seen[0]).toBe(0);
		expect(seen.at(-1)).toBe(1);
		expect(seen.length).toBeGreaterThan(3);
	});
});

describe('syncFileName', () => {
	it('names the device and the UTC minute of export', () => {
		expect(syncFileName('3f9c2a7d0b1e4c58', Date.UTC(2026, 0, 2, 3, 4, 59))).toBe(
			'tessera-changes-3f9c2a7d-20260102-0304.json'
		);
		expect(syncFileName(deviceId('Dev/../A b'), 0)).toBe(
			'tessera-changes-devab-19700101-0000.json'
		);
		expect(syncFileName('../..', 0)).toBe('tessera-changes-device-19700101-0000.json');
	});
});
