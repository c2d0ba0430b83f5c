// Issue 9, fault 7 (S7): one plain sentence per code, made from the code and its data, never
// from a validator's message. Walks every SyncError code, every core RefusalCode and every
// StoreError code; reads real broken files to check no zod text reaches people; a version
// written as text says so; text from a file cannot carry bidirectional controls into a message.
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES, accountId, licenseId } from '$lib/core';
import type { Refusal, RefusalCode } from '$lib/core';
import { StoreError } from '$lib/store/errors';
import type { SyncError, SyncErrorCode, SyncErrorOf } from '$lib/log/errors';
import { SYNC_ERROR_CODES } from '$lib/log/errors';
import { readSyncFile } from '$lib/sync/read';
import { describeError } from '$lib/ui/errors';
import { describeRefusal } from '$lib/ui/refusals';
import { describeSyncError } from '$lib/ui/sync-words';
import { NOW, plainText, sampleChanges } from '../sync/helpers';

/** What zod (or any validator) says, and what a leaked value looks like. */
const VALIDATOR =
	/invalid input|expected \w+, received|received undefined|too (big|small):|unrecognized key|invalid_|zod|undefined|\[object /i;

function expectSentence(text: string, label: string): void {
	expect(text, label).toMatch(/^[A-Z“].{15,}[.)?]$/s);
	expect(text, label).not.toMatch(VALIDATOR);
}

const path = ['changes', 2, 'payload', 'email'];

/** At least one example of each code; a new code is a type error here until it has one. */
const EXAMPLES: { readonly [C in SyncErrorCode]: readonly SyncErrorOf<C>[] } = {
	'too-large': [{ code: 'too-large', bytes: 6e7, limit: 5e7 }],
	'not-json': [
		{ code: 'not-json', reason: 'syntax' },
		{ code: 'not-json', reason: 'empty' },
		{ code: 'not-json', reason: 'encoding' }
	],
	truncated: [{ code: 'truncated' }],
	'wrong-format': [
		{
			code: 'wrong-format',
			path: [],
			message: 'x',
			problem: { kind: 'wrong-type', expected: 'object' }
		},
		{ code: 'wrong-format', path: ['format'], message: 'x', problem: { kind: 'not-allowed' } },
		{ code: 'wrong-format', path: ['device'], message: 'x', problem: { kind: 'missing' } }
	],
	'unsupported-version': [
		{ code: 'unsupported-version', found: 2, newer: true },
		{ code: 'unsupported-version', found: 0, newer: false },
		{ code: 'unsupported-version', found: '1', newer: false },
		{ code: 'unsupported-version', found: null, newer: false }
	],
	'needs-passphrase': [{ code: 'needs-passphrase' }],
	'wrong-passphrase': [{ code: 'wrong-passphrase' }],
	'unsafe-encryption': [{ code: 'unsafe-encryption', iterations: 1, min: 100_000, max: 1e7 }],
	'digest-mismatch': [{ code: 'digest-mismatch', expected: 'a', found: 'b' }],
	'invalid-change': [
		...(
			[
				{ kind: 'missing' },
				{ kind: 'wrong-type', expected: 'string' },
				{ kind: 'wrong-type', expected: 'number' },
				{ kind: 'wrong-type', expected: 'boolean' },
				{ kind: 'wrong-type', expected: 'array' },
				{ kind: 'wrong-type', expected: 'null' },
				{ kind: 'wrong-type', expected: 'other' },
				{ kind: 'not-allowed' },
				{ kind: 'bad-format' },
				{ kind: 'too-small' },
				{ kind: 'too-big' },
				{ kind: 'unexpected-field', key: 'note' },
				{ kind: 'invalid' }
			] as const
		).map((problem) => ({
			code: 'invalid-change' as const,
			index: 2,
			changeId: 'c-3',
			path,
			message: 'Invalid input: expected string, received undefined',
			problem
		}))
	],
	'unknown-change-type': [{ code: 'unknown-change-type', index: 0, changeId: null, type: 'x.y' }],
	'field-too-large': [{ code: 'field-too-large', path, size: 300, limit: 254 }],
	'too-deep': [{ code: 'too-deep', path, limit: 32 }],
	'forbidden-key': [{ code: 'forbidden-key', path, key: '__proto__' }],
	'clock-in-future': [{ code: 'clock-in-future', changeId: 'c-1', at: NOW, latest: NOW }],
	'bad-clock': [
		{ code: 'bad-clock', index: 3, changeId: 'c-3', problem: 'format' },
		{ code: 'bad-clock', index: null, changeId: 'c-4', problem: 'device' },
		{ code: 'bad-clock', index: 0, changeId: 'c-5', problem: 'time' }
	],
	'broken-chain': [
		{ code: 'broken-chain', device: 'd', changeId: 'c', expected: 'x', found: null }
	],
	'duplicate-change-id': [{ code: 'duplicate-change-id', changeId: 'c', indexes: [0, 1] }],
	'changed-history': [{ code: 'changed-history', changeId: 'c' }],
	'device-key-mismatch': [{ code: 'device-key-mismatch', device: '1111222233334444' }],
	'untrusted-file': [
		{ code: 'untrusted-file', count: 1 },
		{ code: 'untrusted-file', count: 3 }
	],
	'passphrase-required': [{ code: 'passphrase-required' }],
	'passphrase-too-short': [{ code: 'passphrase-too-short', min: 8 }]
};

const errorOf = async (text: string): Promise<SyncError> => {
	const result = await readSyncFile(text, { now: NOW });
	if (result.ok) throw new Error('the file was read');
	return result.error;
};

describe('one sentence per code, never a validator’s words (S7)', () => {
	it('S7: every SyncError code yields a plain sentence', () => {
		expect(Object.keys(EXAMPLES).sort()).toEqual(Object.values(SYNC_ERROR_CODES).sort());
		const all: SyncError[] = Object.values(EXAMPLES).flat();
		for (const error of all) expectSentence(describeSyncError(error), JSON.stringify(error));
		const invalid = EXAMPLES['invalid-change'].map(describeSyncError);
		expect(new Set(invalid).size).toBe(invalid.length);
	});

	it('S6/S7: every core RefusalCode yields its own plain sentence', () => {
		const example = (code: RefusalCode): Refusal => {
			if (code === 'primary-domain-mismatch') {
				return {
					code,
					role: 'billing',
					candidateDomain: 'a.com',
					primaryDomain: 'b.com',
					publicDomain: null,
					whoCanPromote: { accountId: accountId('a'), email: 'x@a.com' }
				};
			}
			if (code === 'primary-contact') {
				const role = { licenseId: licenseId('l'), sen: 'SEN-0000001', soleContact: true };
				return { code, licenses: [{ ...role, role: 'billing' }] };
			}
			return { code };
		};
		const texts = Object.values(REFUSAL_CODES).map((code) => describeRefusal(example(code)));
		for (const text of texts) expectSentence(text, text);
		expect(new Set(texts).size).toBe(texts.length);
	});

	it('every StoreError code, and any other failure, yields a plain sentence', () => {
		const codes: StoreError['code'][] = [
			'quota-exceeded',
			'connection-closed',
			'version-changed',
			'transaction-failed',
			'unavailable'
		];
		const texts = codes.map((code) => describeError(new StoreError(code, 'raw detail')));
		texts.push(describeError(new TypeError('Invalid input: expected string, received undefined')));
		for (const text of texts) expectSentence(text, text);
		expect(texts.join(' ')).not.toContain('raw detail');
	});

	it('S7: a change missing its clock says so, in words, with no validator text', async () => {
		const [a, b] = await sampleChanges(2);
		if (!a || !b) throw new Error('no sample');
		const noClock = Object.fromEntries(Object.entries(b).filter(([key]) => key !== 'clock'));
		const words = describeSyncError(await errorOf(await plainText([a, noClock])));
		expect(words).toContain(`Change number 2 in the file (${b.id})`);
		expect(words).toContain('the field clock is missing');
		expect(words).not.toMatch(VALIDATOR);
		const wrongType = describeSyncError(await errorOf(await plainText([{ ...a, actor: 42 }])));
		expect(wrongType).toContain('the field actor should be text');
		expect(wrongType).not.toMatch(VALIDATOR);
	});

	it('S7: a damaged envelope names the field, not the validator’s words', async () => {
		const text = JSON.stringify({ format: 'tessera-changes', version: 1, changes: [] });
		const words = describeSyncError(await errorOf(text));
		expect(words).toMatch(/^This is not a Tessera change file: the field \w+ is missing\.$/);
	});

	it('S7: version "1" written as text says so, not "version 1 … (it reads version 1)"', async () => {
		const text = JSON.stringify({ format: 'tessera-changes', version: '1', changes: [] });
		const error = await errorOf(text);
		expect(error).toMatchObject({ code: 'unsupported-version', found: '1' });
		const words = describeSyncError(error);
		expect(words).not.toContain('(it reads version 1)');
		expect(words).toContain('version as text (“1”)');
		expectSentence(words, words);
	});

	it('X4: text a file carries cannot bring bidirectional controls into a message', () => {
		const words = describeSyncError({
			code: 'unknown-change-type',
			index: 0,
			changeId: 'c\u202e1',
			type: 'evil\u202etxt.exe'
		});
		expect(words).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/u);
		expect(words).toContain('evilU+202Etxt.exe');
	});
});
