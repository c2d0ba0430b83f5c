/**
 * S3, S4, S7 (issue #9, fault 1): a file this app writes is a file it reads. An encrypted
 * file's ciphertext is one long string, so the reader allows it the length of the whole file
 * (a plain file keeps its per-field limits); the writer refuses, in words, a file the reader
 * would refuse for its size; 100,000 changes round-trip encrypted, and a whole-history backup
 * restores completely onto an empty device.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '$lib/app/context';
import { loadDemo } from '$lib/app/demo';
import type { Change, State } from '$lib/core';
import { hashPassword } from '$lib/security';
import { MemoryStore } from '$lib/store';
import { readSyncFile } from '$lib/sync/read';
import { JSON_LIMITS } from '$lib/sync/safe-json';
import { buildSyncFile } from '$lib/sync/write';
import { workload } from '../../bench/workload';
import { DEVICE_A, FAST, NOW, PASSPHRASE, T0, sampleChanges } from './helpers';

const base = { device: DEVICE_A, exportedAt: T0, kind: 'full' } as const;

async function encrypted(changes: readonly Change[], maxBytes?: number) {
	const built = await buildSyncFile({
		...base,
		changes,
		passphrase: PASSPHRASE,
		iterations: FAST,
		...(maxBytes === undefined ? {} : { maxBytes })
	});
	if (!built.ok) throw new Error(`export refused: ${JSON.stringify(built.error)}`);
	return built.file.text;
}

const byId = <R extends { id: string }>(m: Map<string, R>) =>
	[...m.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
const records = ({ accounts, licenses, sites, mail }: State) =>
	[accounts, licenses, sites, mail].map((m) => byId<{ id: string }>(m));

describe('backups that restore (fault 1)', () => {
	it('S3/S7: an encrypted file whose ciphertext is over the string limit is read back', async () => {
		const changes = await sampleChanges(1_500, true);
		const text = await encrypted(changes);
		const envelope: unknown = JSON.parse(text);
		const ciphertext =
			typeof envelope === 'object' && envelope !== null && 'encrypted' in envelope
				? JSON.stringify(envelope.encrypted).length
				: 0;
		expect(ciphertext).toBeGreaterThan(JSON_LIMITS.maxString);
		const read = await readSyncFile(text, { now: NOW, passphrase: PASSPHRASE });
		expect(read.ok && read.file.changes).toEqual(changes);
	});

	it('S7: a plain file keeps the per-string limit', async () => {
		const long = 'x'.repeat(JSON_LIMITS.maxString + 1);
		const text = JSON.stringify({ format: 'tessera-changes', version: 1, note: long });
		expect(await readSyncFile(text, { now: NOW })).toMatchObject({
			ok: false,
			error: { code: 'field-too-large', path: ['note'], limit: JSON_LIMITS.maxString }
		});
		// Only the ciphertext may be long, and only in an encrypted envelope.
		const other = JSON.stringify({
			format: 'tessera-changes',
			version: 1,
			encrypted: { iv: long }
		});
		expect(await readSyncFile(other, { now: NOW, passphrase: PASSPHRASE })).toMatchObject({
			ok: false,
			error: { code: 'field-too-large', path: ['encrypted', 'iv'] }
		});
	});

	it('S3: the writer refuses, with the size and the limit, a file the reader would refuse', async () => {
		const changes = await sampleChanges(200, true);
		const plain = await buildSyncFile({ ...base, changes: await sampleChanges(200) });
		if (!plain.ok) return expect.fail(plain.error.code);
		const size = new TextEncoder().encode(plain.file.text).length;
		expect(
			await buildSyncFile({ ...base, changes: await sampleChanges(200), maxBytes: size - 1 })
		).toEqual({ ok: false, error: { code: 'too-large', bytes: size, limit: size - 1 } });
		// Encrypted, the envelope is about 4/3 of the plain text: that is what is measured.
		const text = await encrypted(changes);
		const bytes = new TextEncoder().encode(text).length;
		const refused = await buildSyncFile({
			...base,
			changes,
			passphrase: PASSPHRASE,
			iterations: FAST,
			maxBytes: bytes - 1
		});
		expect(refused).toMatchObject({ ok: false, error: { code: 'too-large', limit: bytes - 1 } });
		// Exactly at the limit it is written (salt and iv are random, their lengths are not).
		const fits = await encrypted(changes, bytes);
		expect(new TextEncoder().encode(fits).length).toBe(bytes);
	});

	it('S3/S4: 100,000 changes exported encrypted import back completely', async () => {
		const changes = await sampleChanges(100_000, true);
		const text = await encrypted(changes);
		const read = await readSyncFile(text, { now: NOW, passphrase: PASSPHRASE });
		if (!read.ok) return expect.fail(JSON.stringify(read.error));
		expect(read.file.changes.length).toBe(100_000);
		expect(read.file.changes).toEqual(changes);
	}, 600_000);

	it('S3/S4/S5: a whole-history backup restores completely onto an empty device', async () => {
		const now = Date.UTC(2026, 5, 1);
		const sender = new MemoryStore(DEVICE_A);
		const ctx = createContext(sender, () => now);
		const hash = await hashPassword('a shared demo password');
		const demo = await loadDemo(ctx, { hash: () => Promise.resolve(hash), extraLicenses: 50 });
		expect(demo.kind).toBe('loaded');
		const extra = workload(3_000);
		await sender.commitMany(extra, now + 1000);
		const log = await sender.changes();
		const text = await encrypted(log);
		const read = await readSyncFile(text, { now: now + 2000, passphrase: PASSPHRASE });
		if (!read.ok) return expect.fail(JSON.stringify(read.error));
		const empty = new MemoryStore('00000000000000ee');
		const imported = await empty.importChanges(read.file.changes);
		expect(imported.ok).toBe(true);
		expect(await empty.changes()).toEqual(log);
		expect(records(empty.state)).toEqual(records(sender.state));
		expect(await empty.conflicts()).toEqual(await sender.conflicts());
	}, 120_000);
});
