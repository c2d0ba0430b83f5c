// The Sync page's commands (S2–S9, X5) on real MemoryStores: export the queue or the whole
// history (encrypted when secrets travel), leave the queue only after a queue export, check
// a file into a preview without writing, apply it once, and report refusals as values.
import { describe, expect, it, vi } from 'vitest';
import { changeId, deviceId, licenseId } from '$lib/core';
import type { Change } from '$lib/core';
import { createContext } from '$lib/app/context';
import {
	applyImport,
	checkHistory,
	checkImportFile,
	dismissConflict,
	exportChanges,
	listConflicts,
	recordExport,
	syncOverview
} from '$lib/app/sync';
import type { ExportReport } from '$lib/app/sync';
import { MemoryStore, StoreError } from '$lib/store';
import type { ChangeDraft } from '$lib/store';
import { JSON_LIMITS } from '$lib/sync/safe-json';
import { ALICE, BOB, addDraft, licenseDraft, signupDraft } from '../store/helpers';

const NOW = 1_800_000_000_000;
const PASSPHRASE = 'correct horse battery staple';

function device(id: string) {
	const store = new MemoryStore(deviceId(id.repeat(16)));
	return { store, ctx: createContext(store, () => NOW) };
}

const resetRequest = (id: string): ChangeDraft => ({
	id: changeId(id),
	actor: null,
	type: 'account.requestReset',
	payload: { email: 'alice@acme.com', token: 'secret-token', tokenHash: 'hash', expiresAt: NOW }
});

async function withHistory() {
	const a = device('a');
	await a.store.commit(signupDraft(ALICE, 'alice@acme.com', 'Alice'), NOW - 5000);
	await a.store.commit(signupDraft(BOB, 'bob@acme.com', 'Bob'), NOW - 4000);
	await a.store.commit(licenseDraft(ALICE, 'lic-1', 'SEN-1000001'), NOW - 3000);
	await a.store.commit(addDraft(ALICE, 'lic-1', 'bob@acme.com'), NOW - 2000);
	return a;
}

/** X6: changes with no evidence at all (the store refuses or holds them before the rules). */
const unproven = (changes: readonly Change[]) => ({
	changes,
	evidence: { version: 1, byChange: new Map() } as const
});

function built(report: ExportReport) {
	if (report.kind !== 'built') throw new Error(`not built: ${report.kind}`);
	return report;
}

describe('export', () => {
	it('S2/S3: exports the queue as a plain file, and the queue empties only when recorded', async () => {
		const a = await withHistory();
		expect(await syncOverview(a.ctx, false)).toEqual({
			device: a.store.device,
			queued: 4,
			history: 4,
			devices: 1,
			selection: { count: 4, secrets: false }
		});
		const report = built(await exportChanges(a.ctx, { whole: false }));
		expect(report).toMatchObject({ count: 4, whole: false, file: { encrypted: false } });
		expect(report.file.filename).toMatch(/^tessera-changes-aaaaaaaa-\d{8}-\d{4}\.json$/);
		expect(JSON.parse(report.file.text)).toMatchObject({ kind: 'queue', device: 'a'.repeat(16) });
		expect((await a.store.queue()).length).toBe(4);
		await recordExport(a.ctx, report);
		expect(await a.store.queue()).toEqual([]);
		expect(await exportChanges(a.ctx, { whole: false })).toEqual({ kind: 'empty', whole: false });
	});

	it('S3: the whole history is a full backup and leaves the queue as it was', async () => {
		const a = await withHistory();
		const report = built(await exportChanges(a.ctx, { whole: true }));
		expect(report).toMatchObject({ count: 4, whole: true, lastClock: null });
		expect(JSON.parse(report.file.text)).toMatchObject({ kind: 'full' });
		await recordExport(a.ctx, report);
		expect(await a.store.queue()).toHaveLength(4);
	});

	it('S3: secrets need a passphrase, and then the file is encrypted', async () => {
		const a = await withHistory();
		await a.store.commit(resetRequest('reset-1'), NOW - 1000);
		expect((await syncOverview(a.ctx, false)).selection).toEqual({ count: 5, secrets: true });
		expect(await exportChanges(a.ctx, { whole: false })).toEqual({
			kind: 'refused',
			error: { code: 'passphrase-required' }
		});
		const report = built(
			await exportChanges(a.ctx, { whole: false, passphrase: PASSPHRASE, iterations: 100_000 })
		);
		expect(report.file.encrypted).toBe(true);
		expect(report.file.text).not.toContain('secret-token');
	});

	it('P4: reports progress from 0 to 1', async () => {
		const a = await withHistory();
		const seen: number[] = [];
		await exportChanges(a.ctx, { whole: true, onProgress: (f) => seen.push(f) });
		expect(seen[0]).toBe(0);
		expect(seen.at(-1)).toBe(1);
	});
});

describe('import', () => {
	it('S9/S4: a file is previewed without writing, applied once, and again is all duplicates', async () => {
		const a = await withHistory();
		const b = device('b');
		const file = built(await exportChanges(a.ctx, { whole: false })).file.text;
		const check = await checkImportFile(b.ctx, new Blob([file]));
		if (check.kind !== 'ready') throw new Error(check.kind);
		expect(check.preview).toMatchObject({ fresh: 4, duplicates: 0, wouldConflict: [] });
		expect(check.preview.licenseIds).toEqual(['lic-1']);
		expect(await b.store.changes()).toEqual([]);
		const applied = await applyImport(b.ctx, check.file, { trust: true });
		expect(applied).toMatchObject({ kind: 'applied', outcome: { applied: 4, duplicates: 0 } });
		expect(
			b.store.state.licenses.get(licenseId(check.preview.licenseIds[0] ?? fail()))
		).toBeDefined();
		const again = await checkImportFile(b.ctx, file);
		expect(again).toMatchObject({ kind: 'ready', preview: { fresh: 0, duplicates: 4 } });
	});

	it('S7: an encrypted file asks for its passphrase; a wrong one is refused', async () => {
		const a = await withHistory();
		await a.store.commit(resetRequest('reset-1'), NOW - 1000);
		const { text } = built(
			await exportChanges(a.ctx, { whole: false, passphrase: PASSPHRASE, iterations: 100_000 })
		).file;
		const b = device('b');
		expect(await checkImportFile(b.ctx, text)).toEqual({
			kind: 'refused',
			error: { code: 'needs-passphrase' }
		});
		expect(await checkImportFile(b.ctx, text, { passphrase: 'nope nope' })).toEqual({
			kind: 'refused',
			error: { code: 'wrong-passphrase' }
		});
		const check = await checkImportFile(b.ctx, text, { passphrase: PASSPHRASE });
		expect(check).toMatchObject({
			kind: 'ready',
			preview: { fresh: 5 },
			file: { encrypted: true }
		});
	});

	it('S7: a file over the size limit is refused by its size, before it is read', async () => {
		const b = device('b');
		const huge = new Blob([new Uint8Array(JSON_LIMITS.maxBytes + 1)]);
		const read = vi.spyOn(huge, 'arrayBuffer');
		expect(await checkImportFile(b.ctx, huge)).toEqual({
			kind: 'refused',
			error: { code: 'too-large', bytes: JSON_LIMITS.maxBytes + 1, limit: JSON_LIMITS.maxBytes }
		});
		expect(read).not.toHaveBeenCalled();
	});

	it('S7: rewritten history (a known change with other content) refuses the file', async () => {
		const a = await withHistory();
		const b = device('b');
		const [first, ...rest] = await a.store.changes();
		if (!first || first.type !== 'account.create') throw new Error('setup');
		await b.store.importChanges([first, ...rest]);
		const edited: Change = { ...first, payload: { ...first.payload, name: 'Mallory' } };
		const report = built(await exportChanges(a.ctx, { whole: true }));
		const text = report.file.text.replace('"name":"Alice"', '"name":"Mallory"');
		// The file's digest no longer matches: the reader refuses it before the store sees it.
		expect(await checkImportFile(b.ctx, text)).toMatchObject({
			kind: 'refused',
			error: { code: 'digest-mismatch' }
		});
		// A consistent file that rewrites a known change is refused by the store's plan.
		expect(await applyImport(b.ctx, unproven([edited]))).toEqual({
			kind: 'refused',
			error: { code: 'changed-history', changeId: first.id }
		});
	});

	it('a storage failure mid-apply is reported as a value; other errors still throw', async () => {
		const b = device('b');
		const a = await withHistory();
		const changes = await a.store.changes();
		const failure = new StoreError('quota-exceeded', 'full');
		const spy = vi.spyOn(b.store, 'importChanges').mockRejectedValueOnce(failure);
		expect(await applyImport(b.ctx, unproven(changes))).toEqual({ kind: 'failed', error: failure });
		spy.mockRejectedValueOnce(new TypeError('bug'));
		await expect(applyImport(b.ctx, unproven(changes))).rejects.toThrow('bug');
	});
});

describe('conflicts and history', () => {
	it('S5/S6: lists conflicts newest first and dismisses one', async () => {
		const a = await withHistory();
		const b = device('b');
		await b.store.importChanges(await a.store.changes());
		// Offline on both: A deletes Bob; a moment later B makes Bob primary.
		const target = { licenseId: licenseId('lic-1'), role: 'billing', accountId: BOB } as const;
		const del: ChangeDraft = {
			id: changeId('del'),
			actor: ALICE,
			type: 'contact.delete',
			payload: target
		};
		expect((await a.store.commit(del, NOW)).ok).toBe(true);
		expect(await listConflicts(a.ctx)).toEqual([]);
		const up: ChangeDraft = {
			id: changeId('up'),
			actor: ALICE,
			type: 'contact.makePrimary',
			payload: target
		};
		expect((await b.store.commit(up, NOW + 1)).ok).toBe(true);
		await a.store.importChanges(await b.store.queue());
		const [conflict] = await listConflicts(a.ctx);
		expect(conflict).toMatchObject({ change: { id: 'up' }, refusal: { code: 'not-in-role' } });
		await dismissConflict(a.ctx, changeId('up'));
		expect((await listConflicts(a.ctx))[0]?.dismissed).toBe(true);
	});

	it('X5: the history check reports linked chains, and a broken link', async () => {
		const a = await withHistory();
		expect(await checkHistory(a.ctx)).toEqual({ ok: true, changes: 4, devices: 1, partial: [] });
		const log = await a.store.changes();
		const tampered = log.filter((_, i) => i !== 1); // a change removed from the middle
		vi.spyOn(a.store, 'changes').mockResolvedValueOnce(tampered);
		expect(await checkHistory(a.ctx)).toMatchObject({
			ok: false,
			error: { code: 'broken-chain', changeId: log[2]?.id }
		});
	});
});

function fail(): never {
	throw new Error('missing');
}
