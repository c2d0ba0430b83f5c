/**
 * S4, S7, X5: a file is checked whole before anything is applied, and every way it can be
 * wrong is a value with a stable code and the data a message needs, never an exception.
 */
import { describe, expect, it } from 'vitest';
import { accountId } from '$lib/core';
import type { Change } from '$lib/core';
import { formatClock } from '$lib/log/clock';
import { SYNC_ERROR_CODES } from '$lib/sync';
import { DEFAULT_MAX_FUTURE_SKEW_MS, readSyncFile } from '$lib/sync/read';
import type { ReadOptions } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import { DEVICE_A, FAST, NOW, PASSPHRASE, T0, plainText, sample, sampleChanges } from './helpers';

const opts: ReadOptions = { now: NOW };
/** X6: the evidence of a version-2 file (what it holds is tested in authenticity tests). */
const SIGNED_FORMAT: unknown = expect.objectContaining({ version: 2 });

async function built(changes: readonly Change[], passphrase?: string): Promise<string> {
	const result = await buildSyncFile({
		device: DEVICE_A,
		exportedAt: T0,
		kind: 'queue',
		changes,
		...(passphrase === undefined ? {} : { passphrase, iterations: FAST })
	});
	if (!result.ok) throw new Error(result.error.code);
	return result.file.text;
}

const errorOf = async (text: string | Uint8Array, o: ReadOptions = opts) => {
	const result = await readSyncFile(text, o);
	return result.ok ? null : result.error;
};

describe('readSyncFile: files it accepts', () => {
	it('round-trips a plain file, from text or from bytes', async () => {
		const changes = await sampleChanges(30);
		const text = await built(changes);
		const expected = {
			device: DEVICE_A,
			exportedAt: T0,
			kind: 'queue',
			changes,
			encrypted: false,
			gaps: [],
			evidence: SIGNED_FORMAT
		};
		expect(await readSyncFile(text, opts)).toEqual({ ok: true, file: expected });
		expect(await readSyncFile(new TextEncoder().encode(text), opts)).toEqual({
			ok: true,
			file: expected
		});
	});

	it('round-trips an encrypted file', async () => {
		const changes = await sampleChanges(12, true);
		const text = await built(changes, PASSPHRASE);
		expect(text).not.toContain('passwordHash');
		const result = await readSyncFile(text, { ...opts, passphrase: PASSPHRASE });
		expect(result).toEqual({
			ok: true,
			file: {
				device: DEVICE_A,
				exportedAt: T0,
				kind: 'queue',
				changes,
				encrypted: true,
				gaps: [],
				evidence: SIGNED_FORMAT
			}
		});
	});

	it('ignores fields a newer version-1 writer adds beside the changes', async () => {
		const changes = await sampleChanges(3);
		const result = await readSyncFile(await plainText(changes, { app: 'tessera 9' }), opts);
		expect(result).toMatchObject({ ok: true, file: { changes } });
	});

	it('keeps one copy of a change repeated with the same content', async () => {
		const changes = await sampleChanges(4);
		const result = await readSyncFile(await plainText([...changes, changes[1]]), opts);
		expect(result).toMatchObject({ ok: true, file: { changes } });
	});

	it('reports progress from 0 to 1, never backwards, and yields to the event loop', async () => {
		const text = await built(await sampleChanges(5_000));
		const seen: number[] = [];
		let timerRan = false;
		setTimeout(() => (timerRan = true), 0);
		const result = await readSyncFile(text, { ...opts, onProgress: (f) => seen.push(f) });
		expect(result.ok).toBe(true);
		expect(timerRan).toBe(true);
		expect(seen[0]).toBe(0);
		expect(seen.at(-1)).toBe(1);
		expect(seen.length).toBeGreaterThan(5);
		expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] ?? 0))).toBe(true);
		// Full-cost work (5,000 changes written, hashed and read): never the default timeout.
	}, 60_000);
});

describe('readSyncFile: files it refuses', () => {
	it('too-large', async () => {
		const text = await built(await sampleChanges(3));
		expect(await errorOf(text, { ...opts, maxBytes: 500 })).toEqual({
			code: 'too-large',
			bytes: new TextEncoder().encode(text).length,
			limit: 500
		});
	});

	it('not-json', async () => {
		expect(await errorOf('Dear diary')).toEqual({ code: 'not-json', reason: 'syntax' });
		expect(await errorOf('')).toEqual({ code: 'not-json', reason: 'empty' });
	});

	it('truncated: a valid file cut in half', async () => {
		const text = await built(await sampleChanges(20));
		expect(await errorOf(text.slice(0, text.length / 2))).toEqual({ code: 'truncated' });
		const enc = await built(await sampleChanges(2), PASSPHRASE);
		expect(await errorOf(enc.slice(0, enc.length / 2))).toEqual({ code: 'truncated' });
	});

	it('wrong-format: another format, not an object, a damaged envelope', async () => {
		expect(await errorOf('{"format":"excalidraw","version":1}')).toMatchObject({
			code: 'wrong-format',
			path: ['format']
		});
		expect(await errorOf('[1,2,3]')).toMatchObject({ code: 'wrong-format', path: [] });
		const noDevice = await plainText(await sampleChanges(2), { device: undefined });
		expect(await errorOf(noDevice)).toMatchObject({ code: 'wrong-format', path: ['device'] });
		const badKind = await plainText([], { kind: 'everything' });
		expect(await errorOf(badKind)).toMatchObject({ code: 'wrong-format', path: ['kind'] });
	});

	it('unsupported-version: newer (3) or unknown, with the version found', async () => {
		expect(await errorOf(await plainText([], { version: 3 }))).toEqual({
			code: 'unsupported-version',
			found: 3,
			newer: true
		});
		expect(await errorOf(await plainText([], { version: 'beta' }))).toEqual({
			code: 'unsupported-version',
			found: 'beta',
			newer: false
		});
		expect(await errorOf('{"format":"tessera-changes","encrypted":{}}')).toEqual({
			code: 'unsupported-version',
			found: null,
			newer: false
		});
	});

	it('needs-passphrase, wrong-passphrase', async () => {
		const text = await built(await sampleChanges(3, true), PASSPHRASE);
		expect(await errorOf(text)).toEqual({ code: 'needs-passphrase' });
		expect(await errorOf(text, { ...opts, passphrase: '' })).toEqual({ code: 'needs-passphrase' });
		expect(await errorOf(text, { ...opts, passphrase: 'Correct horse battery staple' })).toEqual({
			code: 'wrong-passphrase'
		});
	});

	it('unsafe-encryption: iterations a hostile file asks for', async () => {
		const text = await built(await sampleChanges(1), PASSPHRASE);
		const hostile = text.replace('"iterations": 100000', '"iterations": 2000000000');
		expect(await errorOf(hostile, { ...opts, passphrase: PASSPHRASE })).toEqual({
			code: 'unsafe-encryption',
			iterations: 2_000_000_000,
			min: 100_000,
			max: 10_000_000
		});
	});

	it('digest-mismatch: one byte of one change edited', async () => {
		const text = await built(await sampleChanges(10));
		const edited = text.replace('Help with 7', 'Help with 8');
		expect(edited).not.toBe(text);
		expect(await errorOf(edited)).toMatchObject({ code: 'digest-mismatch' });
	});

	it('invalid-change, unknown-change-type, field-too-large', async () => {
		const [a, b] = await sampleChanges(2);
		expect(await errorOf(await plainText([a, { ...b, actor: 42 }]))).toMatchObject({
			code: 'invalid-change',
			index: 1,
			changeId: b?.id,
			path: ['changes', 1, 'actor']
		});
		expect(await errorOf(await plainText([a, { ...b, type: 'account.merge' }]))).toEqual({
			code: 'unknown-change-type',
			index: 1,
			changeId: b?.id,
			type: 'account.merge'
		});
		const long = { ...sample(DEVICE_A, 8), payload: { from: 'a', to: 'x'.repeat(300) } };
		expect(await errorOf(await plainText([long]))).toEqual({
			code: 'field-too-large',
			path: ['changes', 0, 'payload', 'to'],
			size: 300,
			limit: 254
		});
		const huge = { ...sample(DEVICE_A, 8), payload: { from: 'a', to: 'x'.repeat(300_000) } };
		expect(await errorOf(await plainText([huge]))).toMatchObject({
			code: 'field-too-large',
			path: ['changes', 0, 'payload', 'to'],
			limit: 262_144
		});
	});

	it('too-deep and forbidden-key inside a change', async () => {
		let deep: unknown = 'x';
		for (let i = 0; i < 40; i++) deep = { d: deep };
		const [signup] = await sampleChanges(1);
		const tooDeep = { ...signup, payload: { ...signup?.payload, secrets: { deep } } };
		expect(await errorOf(await plainText([tooDeep]))).toMatchObject({
			code: 'too-deep',
			limit: 32
		});
		const text = (await plainText([signup])).replace('"accountId"', '"__proto__":{},"accountId"');
		expect(await errorOf(text)).toEqual({
			code: 'forbidden-key',
			path: ['changes', 0, 'payload', '__proto__'],
			key: '__proto__'
		});
	});

	it('duplicate-change-id: the same id with other content', async () => {
		const changes = await sampleChanges(4);
		const [, second] = changes;
		// Other content: another actor (X7: its clock and time must still agree).
		const twin = { ...second, actor: accountId('a-mallory') };
		expect(await errorOf(await plainText([...changes, twin]))).toEqual({
			code: 'duplicate-change-id',
			changeId: second?.id,
			indexes: [1, 4]
		});
	});

	it('broken-chain: a middle change removed, or edited with the digest made again', async () => {
		const changes = await sampleChanges(10);
		const removed = changes.filter((_, i) => i !== 4);
		expect(await errorOf(await plainText(removed))).toMatchObject({
			code: 'broken-chain',
			device: DEVICE_A,
			changeId: changes[6]?.id,
			found: changes[6]?.prev
		});
		const edited = changes.map((c, i) =>
			i === 2 && c.type === 'site.create'
				? { ...c, payload: { ...c.payload, name: 'evil.example.net' } }
				: c
		);
		expect(await errorOf(await plainText(edited))).toMatchObject({
			code: 'broken-chain',
			changeId: changes[4]?.id
		});
	});

	// X7 moved the line: a change up to a year ahead is read (the store holds it until its
	// time, rather than refusing the file), and the clock and `at` must agree, so both move.
	it('clock-in-future: by `at`, or by the time in the clock text', async () => {
		const latest = NOW + DEFAULT_MAX_FUTURE_SKEW_MS;
		const late = sample(DEVICE_A, 0);
		const dated = (at: number) => ({
			...late,
			at,
			clock: formatClock({ millis: at, counter: 0 }, DEVICE_A)
		});
		const byAt = dated(latest + 1);
		expect(await errorOf(await plainText([byAt]))).toEqual({
			code: 'clock-in-future',
			changeId: late.id,
			at: latest + 1,
			latest
		});
		expect(await errorOf(await plainText([dated(latest)]))).toBeNull();
		const byClock = dated(Date.UTC(2999, 0, 1));
		expect(await errorOf(await plainText([byClock]))).toMatchObject({
			code: 'clock-in-future',
			at: Date.UTC(2999, 0, 1)
		});
		expect(
			await errorOf(await plainText([byAt]), {
				...opts,
				maxFutureSkewMs: 2 * DEFAULT_MAX_FUTURE_SKEW_MS
			})
		).toBeNull();
	});

	it('checks in a fixed order: the envelope and each change before the digest', async () => {
		const [a] = await sampleChanges(1);
		const both = await plainText([{ ...a, type: 'nope' }], { digest: 'x'.repeat(43) });
		expect(await errorOf(both)).toMatchObject({ code: 'unknown-change-type' });
	});

	it('every code is a stable, frozen string', () => {
		expect(Object.isFrozen(SYNC_ERROR_CODES)).toBe(true);
		const codes = Object.values(SYNC_ERROR_CODES);
		expect(new Set(codes).size).toBe(codes.length);
		expect(codes).toContain('unknown-change-type');
	});
});
