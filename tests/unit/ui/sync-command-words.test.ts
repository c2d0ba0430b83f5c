// The Sync page's words (the page glue of S2–S9, X5): `perform` announces doneWords of each
// sync command's report, so each report kind must have its one sentence and tone — a file to
// preview or a passphrase to ask for says nothing (the dialog does), a read says nothing, and
// a failed import says nothing on this device changed (S4).
import { describe, expect, it } from 'vitest';
import { deviceId } from '$lib/core';
import type { CommandInputs, CommandName, CommandOutputs, Hooks } from '$lib/app/command-types';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { MemoryStore, StoreError } from '$lib/store';
import { doneWords, failedWords } from '$lib/ui/command-words';
import { passphraseTooShortWords } from '$lib/ui/sync-command-words';
import { ALICE, BOB, signupDraft } from '../store/helpers';

const NOW = 1_800_000_000_000;
const quiet: Hooks = { confirm: () => Promise.resolve(true), progress: () => undefined };

function device(id: string): AppContext {
	return createContext(new MemoryStore(deviceId(id.repeat(16))), () => NOW);
}

async function run<N extends CommandName>(
	ctx: AppContext,
	name: N,
	input: CommandInputs[N]
): Promise<CommandOutputs[N]> {
	const ran = await commands[name].run(ctx, null, input, quiet);
	if (ran.kind !== 'done') throw new Error(ran.kind);
	return ran.value;
}

async function exported(): Promise<{ a: AppContext; text: string }> {
	const a = device('a');
	await a.store.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), NOW - 2000);
	await a.store.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), NOW - 1000);
	const report = await run(a, 'sync.export', { whole: false, passphrase: '' });
	if (report.kind !== 'built') throw new Error(report.kind);
	expect(doneWords('sync.export', report, { whole: false, passphrase: '' })).toMatchObject({
		tone: 'success',
		text: expect.stringContaining('Exported 2 changes to ') as string
	});
	expect(doneWords('sync.kept', null, { report })?.text).toContain(
		'2 changes no longer wait to be exported.'
	);
	return { a, text: report.file.text };
}

describe('the sync commands’ words', () => {
	it('S2: an empty queue is a note, not an error; reads say nothing', async () => {
		const b = device('b');
		const input = { whole: false, passphrase: '' };
		expect(doneWords('sync.export', await run(b, 'sync.export', input), input)).toEqual({
			tone: 'info',
			text: 'Nothing to export: every change made on this device has been exported. Tick “Whole history” for a full backup.'
		});
		const overview = await run(b, 'sync.overview', { whole: false });
		expect(doneWords('sync.overview', overview, { whole: false })).toBeNull();
		expect(doneWords('sync.conflicts', [], {})).toBeNull();
	});

	it('S9: a file to preview says nothing yet; the same file again says nothing is new', async () => {
		const { text } = await exported();
		const b = device('b');
		const first = await run(b, 'sync.check', { file: text });
		expect(doneWords('sync.check', first, { file: text })).toBeNull();
		if (first.kind !== 'ready') throw new Error(first.kind);
		const applied = await run(b, 'sync.apply', { file: first.file, trust: true });
		expect(doneWords('sync.apply', applied, { file: first.file, trust: true })).toEqual({
			tone: 'success',
			text: 'Imported: 2 new changes applied.'
		});
		const again = await run(b, 'sync.check', { file: text });
		expect(doneWords('sync.check', again, { file: text })).toEqual({
			tone: 'info',
			text: 'Nothing new: every change in this file is already here.'
		});
	});

	it('S7: a refused file is an error that says nothing changed; a passphrase is asked for', async () => {
		const b = device('b');
		const refused = await run(b, 'sync.check', { file: 'my shopping list' });
		const words = doneWords('sync.check', refused, { file: 'my shopping list' });
		expect(words?.tone).toBe('error');
		expect(words?.text).toContain('This file is not JSON');
		expect(words?.text).toContain('Nothing on this device was changed.');
		const locked = {
			kind: 'refused',
			error: { code: 'needs-passphrase' }
		} satisfies CommandOutputs['sync.check'];
		expect(doneWords('sync.check', locked, { file: '' })).toBeNull();
	});

	it('S4: a storage failure mid-apply, reported or thrown, says nothing changed', () => {
		const error = new StoreError('quota-exceeded', 'full');
		const input = {
			file: { changes: [], evidence: { version: 1, byChange: new Map() } },
			trust: false
		} as const;
		const reported = doneWords('sync.apply', { kind: 'failed', error }, input);
		expect(reported?.tone).toBe('error');
		expect(reported?.text).toContain(
			'The import failed and was undone: nothing on this device was changed. This device has no room left'
		);
		expect(failedWords('sync.apply', error)).toBe(reported?.text);
		expect(failedWords('sync.check', error)).toBe(reported?.text);
		expect(failedWords('contact.add', error)).not.toContain('import');
	});

	it('X5: the history check is a success or an error', async () => {
		const { a } = await exported();
		const check = await run(a, 'sync.history', {});
		expect(doneWords('sync.history', check, {})?.tone).toBe('success');
		expect(
			doneWords(
				'sync.history',
				{
					ok: false,
					error: { code: 'broken-chain', device: 'd', changeId: 'c', expected: 'h', found: null }
				},
				{}
			)?.tone
		).toBe('error');
	});

	it('S3: a short passphrase is named before the slow work starts', () => {
		expect(passphraseTooShortWords(true, 12)).toContain('must be encrypted');
		expect(passphraseTooShortWords(false, 12)).toContain('untick “Encrypt the file”');
	});
});
