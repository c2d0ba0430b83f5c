/**
 * S4, S5, S9: planning an import. Importing the same file twice changes nothing the second
 * time; a known change id with other content refuses the file; changes that fall before the
 * local history ask for a replay; the preview names what the new changes touch.
 */
import { describe, expect, it } from 'vitest';
import { accountId, compareChanges, licenseId, siteId } from '$lib/core';
import type { Change } from '$lib/core';
import { planImport } from '$lib/log/plan';
import type { LocalLog } from '$lib/log/plan';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import { DEVICE_A, DEVICE_B, NOW, T0, sample, sampleChanges } from './helpers';

/** A local log in memory, as the store would expose it. */
class Log implements LocalLog {
	readonly changes = new Map<string, Change>();
	get(id: string) {
		return this.changes.get(id);
	}
	get latestClock(): string | null {
		const sorted = [...this.changes.values()].sort(compareChanges);
		return sorted.at(-1)?.clock ?? null;
	}
	add(changes: readonly Change[]) {
		for (const c of changes) this.changes.set(c.id, c);
	}
}

describe('planImport', () => {
	it('is idempotent: the same file imported twice has nothing fresh the second time', async () => {
		const built = await buildSyncFile({
			device: DEVICE_A,
			exportedAt: T0,
			kind: 'queue',
			changes: await sampleChanges(25)
		});
		if (!built.ok) return expect.fail(built.error.code);
		const local = new Log();
		for (const round of [1, 2]) {
			const read = await readSyncFile(built.file.text, { now: NOW });
			if (!read.ok) return expect.fail(read.error.code);
			const plan = planImport(read.file.changes, local);
			expect(plan.error).toBeNull();
			expect(plan.fresh).toHaveLength(round === 1 ? 25 : 0);
			expect(plan.duplicates).toBe(round === 1 ? 0 : 25);
			local.add(plan.fresh);
		}
	});

	it('refuses a file that rewrites a change this device has (changed-history)', async () => {
		const changes = await sampleChanges(4);
		const local = new Log();
		local.add(changes);
		const rewritten = changes.map((c, i) => (i === 2 ? { ...c, at: c.at + 5 } : c));
		const plan = planImport(rewritten, local);
		expect(plan.conflictsWithLocal).toEqual([{ id: changes[2]?.id }]);
		expect(plan.error).toEqual({ code: 'changed-history', changeId: changes[2]?.id });
		expect(plan.duplicates).toBe(3);
	});

	it('asks for a replay only when a fresh change sorts before the latest local one', async () => {
		const changes = await sampleChanges(6);
		const local = new Log();
		local.add(changes.slice(0, 3));
		expect(planImport(changes, local).needsReplay).toBe(false);
		const early = new Log();
		early.add(changes.slice(3));
		expect(planImport(changes, early).needsReplay).toBe(true);
		expect(planImport(changes, new Log()).needsReplay).toBe(false);
	});

	it('returns fresh changes in replay order and counts repeats within the list', async () => {
		const changes = await sampleChanges(5);
		const plan = planImport([...changes].reverse().concat(changes.slice(0, 2)), new Log());
		expect(plan.fresh).toEqual(changes);
		expect(plan.duplicates).toBe(2);
	});

	it('names the licenses, accounts and sites the fresh changes touch (S9)', () => {
		const changes = Array.from({ length: 10 }, (_, n) => sample(n % 2 ? DEVICE_B : DEVICE_A, n));
		const { touches } = planImport(changes, new Log());
		expect([...touches.licenseIds].sort()).toEqual(
			['lic-0', 'lic-3', 'lic-4', 'lic-5', 'lic-aaaa-1'].map(licenseId).sort()
		);
		expect([...touches.accountIds].sort()).toEqual(
			['a-1111-0', 'a-4', 'a-5', 'a-8', 'a-alice', 'a-new-3'].map(accountId).sort()
		);
		expect([...touches.siteIds].sort()).toEqual(['site-1', 'site-2'].map(siteId).sort());
	});
});
