// The Sync page's commands in the command map (S2–S9, X5, X6): no actor needed, reports
// come back as values (done), progress goes through the runner's hooks as done of total, and
// only the reads are declared as reads (they neither make buttons busy nor clear an error).
import { describe, expect, it, vi } from 'vitest';
import { deviceId } from '$lib/core';
import { READ_COMMANDS } from '$lib/app/command-types';
import type {
	CommandInputs,
	CommandName,
	CommandOutputs,
	Hooks,
	Progress
} from '$lib/app/command-types';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import { ALICE, BOB, addDraft, licenseDraft, signupDraft } from '../store/helpers';

const NOW = 1_800_000_000_000;
const SYNC: readonly CommandName[] = [
	'sync.overview',
	'sync.conflicts',
	'sync.export',
	'sync.kept',
	'sync.check',
	'sync.apply',
	'sync.dismiss',
	'sync.history'
];

function device(id: string): { store: MemoryStore; ctx: AppContext } {
	const store = new MemoryStore(deviceId(id.repeat(16)));
	return { store, ctx: createContext(store, () => NOW) };
}

function hooks() {
	const progress = vi.fn<(p: Progress) => void>();
	return { confirm: () => Promise.resolve(true), progress } satisfies Hooks;
}

/** Runs a command of the map as `perform` would, and returns its value (it must be done). */
async function run<N extends CommandName>(
	ctx: AppContext,
	name: N,
	input: CommandInputs[N],
	h: Hooks = hooks()
): Promise<CommandOutputs[N]> {
	const ran = await commands[name].run(ctx, null, input, h);
	if (ran.kind !== 'done') throw new Error(`${name}: ${ran.kind}`);
	expect(ran.committed).toBeNull();
	expect(ran.undo).toBeNull();
	return ran.value;
}

async function withHistory() {
	const a = device('a');
	await a.store.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), NOW - 4000);
	await a.store.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), NOW - 3000);
	await a.store.commit(licenseDraft(ALICE, 'lic-1', 'SEN-1000001'), NOW - 2000);
	await a.store.commit(addDraft(ALICE, 'lic-1', 'bob@acme.com'), NOW - 1000);
	return a;
}

describe('the sync commands', () => {
	it('run logged out; the overview and the conflict list are their reads (the audit log has two more, live sync one: S10)', () => {
		for (const name of SYNC) expect(commands[name].needsActor).toBe(false);
		expect([...READ_COMMANDS].sort()).toEqual([
			'audit.chains',
			'audit.load',
			'live.restore',
			'sync.conflicts',
			'sync.overview'
		]);
	});

	it('S2/S3: overview, export with progress, and the queue leaves only on "kept"', async () => {
		const a = await withHistory();
		const before = await run(a.ctx, 'sync.overview', { whole: false });
		expect(before).toMatchObject({ device: a.store.device, queued: 4, history: 4, devices: 1 });
		const h = hooks();
		const report = await run(a.ctx, 'sync.export', { whole: false, passphrase: '' }, h);
		if (report.kind !== 'built') throw new Error(report.kind);
		expect(report.count).toBe(4);
		expect(report.file.encrypted).toBe(false);
		expect(h.progress).toHaveBeenLastCalledWith({ phase: 'export', done: 1, total: 1 });
		expect((await run(a.ctx, 'sync.overview', { whole: false })).queued).toBe(4);
		expect(await run(a.ctx, 'sync.kept', { report })).toBeNull();
		expect((await run(a.ctx, 'sync.overview', { whole: false })).queued).toBe(0);
		expect(await run(a.ctx, 'sync.export', { whole: false, passphrase: '' })).toEqual({
			kind: 'empty',
			whole: false
		});
	});

	it('S9/S4/X6: check previews without writing; apply with trust writes in one go', async () => {
		const a = await withHistory();
		const report = await run(a.ctx, 'sync.export', { whole: false, passphrase: '' });
		if (report.kind !== 'built') throw new Error(report.kind);
		const b = device('b');
		const checked = await run(b.ctx, 'sync.check', { file: report.file.text });
		if (checked.kind !== 'ready') throw new Error(checked.error.code);
		expect(checked.preview.fresh).toBe(4);
		expect(await b.store.changes()).toEqual([]);
		const h = hooks();
		const applied = await run(b.ctx, 'sync.apply', { file: checked.file, trust: true }, h);
		expect(applied).toMatchObject({ kind: 'applied', outcome: { applied: 4, duplicates: 0 } });
		expect(h.progress).toHaveBeenLastCalledWith({ phase: 'apply', done: 4, total: 4 });
		expect(await b.store.changes()).toHaveLength(4);
		expect(await run(b.ctx, 'sync.history', {})).toMatchObject({ ok: true, changes: 4 });
		expect(await run(b.ctx, 'sync.conflicts', {})).toEqual([]);
	});

	it('S7: a refused file is a value with its code, not a failure', async () => {
		const b = device('b');
		const checked = await run(b.ctx, 'sync.check', { file: 'my shopping list' });
		expect(checked).toMatchObject({ kind: 'refused', error: { code: 'not-json' } });
	});

	it('S6: dismissing a conflict keeps the change and marks it dismissed', async () => {
		const b = device('b');
		const dismiss = vi.spyOn(b.store, 'dismissConflict').mockResolvedValue();
		const [first] = await (await withHistory()).store.changes();
		if (first === undefined) throw new Error('no change');
		expect(await run(b.ctx, 'sync.dismiss', { id: first.id })).toBeNull();
		expect(dismiss).toHaveBeenCalledWith(first.id);
	});
});
