// S7: every reason a sync file can be refused has words for people, made from the code and
// its data (words are made in one place), and the import, export and history reports read as sentences.
import { describe, expect, it } from 'vitest';
import { SYNC_ERROR_CODES } from '$lib/log/errors';
import type { SyncError } from '$lib/log/errors';
import {
	describeSyncError,
	exportRefusedWords,
	exportedWords,
	historyCheckWords,
	importRefusedWords,
	importedWords,
	pathWords
} from '$lib/ui/sync-words';

/** One example of every error the reader and writer return. */
const EXAMPLES: readonly SyncError[] = [
	{ code: 'too-large', bytes: 60 * 1024 * 1024, limit: 50 * 1024 * 1024 },
	{ code: 'not-json', reason: 'syntax' },
	{ code: 'truncated' },
	{
		code: 'wrong-format',
		path: ['format'],
		message: 'not "tessera-changes"',
		problem: { kind: 'not-allowed' }
	},
	{ code: 'unsupported-version', found: 3, newer: true },
	{ code: 'needs-passphrase' },
	{ code: 'wrong-passphrase' },
	{ code: 'unsafe-encryption', iterations: 10, min: 100_000, max: 10_000_000 },
	{ code: 'digest-mismatch', expected: 'x', found: 'y' },
	{
		code: 'invalid-change',
		index: 3,
		changeId: 'c-9',
		path: ['changes', 3, 'payload', 'email'],
		message: 'Invalid input: expected string, received number',
		problem: { kind: 'wrong-type', expected: 'string' }
	},
	{ code: 'unknown-change-type', index: 0, changeId: 'c-1', type: 'site.teleport' },
	{ code: 'field-too-large', path: ['changes', 0, 'payload', 'name'], size: 300, limit: 200 },
	{ code: 'too-deep', path: ['changes', 0], limit: 32 },
	{ code: 'forbidden-key', path: ['changes', 0, 'payload'], key: '__proto__' },
	{ code: 'clock-in-future', changeId: 'c-7', at: Date.UTC(2099, 0, 1), latest: 0 },
	{ code: 'bad-clock', index: 2, changeId: 'c-8', problem: 'format' },
	{ code: 'broken-chain', device: '1111222233334444', changeId: 'c-5', expected: 'a', found: 'b' },
	{ code: 'duplicate-change-id', changeId: 'c-2', indexes: [1, 4] },
	{ code: 'changed-history', changeId: 'c-3' },
	{ code: 'device-key-mismatch', device: '1111222233334444' },
	{ code: 'untrusted-file', count: 3 },
	{ code: 'passphrase-required' },
	{ code: 'passphrase-too-short', min: 8 }
];

describe('sync words', () => {
	it('S7: every error code has its own words', () => {
		const codes = new Set(EXAMPLES.map((e) => e.code));
		expect([...codes].sort()).toEqual(Object.values(SYNC_ERROR_CODES).sort());
		const texts = EXAMPLES.map(describeSyncError);
		for (const text of texts) expect(text).toMatch(/^[A-Z“].{20,}[.)?]$/s);
		expect(new Set(texts).size).toBe(texts.length);
	});

	it('names the version, the change and the field, the device, the limits', () => {
		const say = (code: SyncError['code']) =>
			describeSyncError(EXAMPLES.find((e) => e.code === code) ?? { code: 'truncated' });
		expect(say('unsupported-version')).toContain('newer Tessera (change file version 3)');
		expect(say('invalid-change')).toContain('Change number 4 in the file (c-9)');
		expect(say('invalid-change')).toContain('the field payload.email');
		expect(say('unknown-change-type')).toContain('“site.teleport”');
		expect(say('field-too-large')).toContain('changes[0].payload.name');
		expect(say('too-large')).toContain('60.0 MB');
		expect(say('clock-in-future')).toContain('2099');
		expect(say('broken-chain')).toContain('device 11112222');
		expect(say('duplicate-change-id')).toContain('numbers 2 and 5');
		expect(say('not-json')).toContain('not JSON');
		expect(say('digest-mismatch')).toContain('do not match its digest');
	});

	it('an older or unreadable version is not called newer', () => {
		const older = describeSyncError({ code: 'unsupported-version', found: 0, newer: false });
		expect(older).not.toContain('newer');
		expect(describeSyncError({ code: 'unsupported-version', found: null, newer: false })).toContain(
			'missing or unreadable'
		);
	});

	it('S7: a refused import says nothing changed', () => {
		expect(importRefusedWords({ code: 'truncated' })).toMatch(
			/^Not imported\. .* Nothing on this device was changed\.$/
		);
	});

	it('S3 (fault 1): an export too large to import again is refused in words, with the sizes', () => {
		const words = exportRefusedWords({
			code: 'too-large',
			bytes: 60 * 1024 * 1024,
			limit: 50 * 1024 * 1024
		});
		expect(words).toMatch(/^Not exported\. The file would be 60\.0 MB/);
		expect(words).toContain('up to 50.0 MB');
	});

	it('X7: a refused clock, and changes held as from the future, in words', () => {
		const bad = describeSyncError({
			code: 'bad-clock',
			index: 0,
			changeId: 'c-1',
			problem: 'format'
		});
		expect(bad).toContain('Change c-1 (number 1 in the file) carries a clock that is not in');
		expect(importedWords({ applied: 0, conflicts: [], duplicates: 0, held: 2 })).toContain(
			'2 changes are dated ahead of this device’s clock'
		);
	});

	it('X5: a history check with links still open says what is missing, not that it was altered', () => {
		const words = historyCheckWords({
			ok: true,
			changes: 3,
			devices: 2,
			partial: [],
			gaps: [{ device: 'abcdef0123456789' }]
		});
		expect(words).toContain('1 change follows a change from abcdef01');
		expect(words).toContain('Nothing was edited or removed.');
	});

	it('paths read as JSON paths', () => {
		expect(pathWords([])).toBe('the top of the file');
		expect(pathWords(['changes', 12, 'payload', 'newAccount', 'name'])).toBe(
			'changes[12].payload.newAccount.name'
		);
	});

	it('S4: the same file twice says nothing was new; conflicts and repeats are counted', () => {
		expect(importedWords({ applied: 0, conflicts: [], duplicates: 7 })).toBe(
			'Nothing new: every change in this file is already here.'
		);
		expect(importedWords({ applied: 3, conflicts: [{}], duplicates: 2 })).toBe(
			'Imported: 3 new changes applied. 1 change was refused by the rules and kept as a conflict: see Conflicts below. 2 changes were here already.'
		);
	});

	it('S3: an encrypted export says the passphrase is needed on the other device', () => {
		const file = { filename: 'f.json', encrypted: true };
		expect(exportedWords({ count: 1, whole: false, file })).toContain(
			'you need the same passphrase'
		);
		expect(exportedWords({ count: 9, whole: true, file: { ...file, encrypted: false } })).toBe(
			'Exported the whole history (9 changes) to f.json. It carries no secrets, so it is not encrypted. Import it on your other device with “Import changes”.'
		);
	});

	it('X5: the history check in words', () => {
		expect(historyCheckWords({ ok: true, changes: 3, devices: 2, partial: [] })).toBe(
			'History checked: all 3 changes from 2 devices link up, so none was edited or removed.'
		);
		expect(
			historyCheckWords({ ok: true, changes: 3, devices: 2, partial: ['abcdef0123456789'] })
		).toContain('device (abcdef01) starts part-way');
		expect(
			historyCheckWords({
				ok: false,
				error: { code: 'broken-chain', device: 'd', changeId: 'c', expected: 'x', found: null }
			})
		).toMatch(/^This device’s history was altered/);
	});
});
