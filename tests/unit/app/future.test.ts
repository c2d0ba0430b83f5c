// X7 (issue #9, fault 4) through the app's own commands: after a file from a device whose clock
// runs 23 hours fast, "Can't log in?" still works, because the fast change is held instead of
// dragging this device's clock, and because a reset link's expiry is issued and checked on
// the clock of the changes that issue and use it. Sessions and sudo mode stay on this
// device's wall clock.
import { describe, expect, it } from 'vitest';
import { changeId } from '$lib/core';
import { requestReset, resetPassword } from '$lib/app/accounts';
import { needsReauth, sessionEnded } from '$lib/app/session';
import { applyImport, checkImportFile, syncOverview } from '$lib/app/sync';
import { MemoryStore } from '$lib/store';
import { MAX_CLOCK_SKEW_MS } from '$lib/store/admit';
import { buildSyncFile } from '$lib/sync/write';
import { T0, harness, mailedToken, sessionFor, verifiedAccount } from './accounts-helpers';
import type { Harness } from './accounts-helpers';

const HOUR = 3_600_000;
const EMAIL = 'alice@acme.com';

/** A file from a device whose clock runs 23 hours ahead: a renewal reminder run. */
async function fileFromFastPeer(): Promise<string> {
	const peer = new MemoryStore('ffffffffffffffff');
	await peer.commit(
		{ id: changeId('fast-1'), actor: null, type: 'renewal.remind', payload: {} },
		T0 + 23 * HOUR
	);
	const built = await buildSyncFile({
		device: peer.device,
		exportedAt: T0 + 23 * HOUR,
		kind: 'queue',
		changes: await peer.changes()
	});
	if (!built.ok) throw new Error(built.error.code);
	return built.file.text;
}

async function importThrough(h: Harness, text: string) {
	const check = await checkImportFile(h.ctx, text);
	if (check.kind !== 'ready') throw new Error(`refused: ${JSON.stringify(check)}`);
	const applied = await applyImport(h.ctx, check.file.changes, undefined, check.file.gaps);
	return { check, applied };
}

async function resetWorks(h: Harness): Promise<void> {
	expect(await requestReset(h.ctx, { email: EMAIL, actor: null })).toMatchObject({ ok: true });
	const token = mailedToken(h, EMAIL, '/reset');
	h.advance(30 * 60_000);
	const reset = await resetPassword(h.ctx, { token, password: 'a brand new passphrase' });
	expect(reset).toMatchObject({ ok: true });
}

describe('X7: a fast peer cannot break expiring links or sessions', () => {
	it('X7 (fault 4): after a change dated 23 h ahead, “Can’t log in?” still works', async () => {
		const h = harness();
		await verifiedAccount(h, EMAIL);
		const { check, applied } = await importThrough(h, await fileFromFastPeer());
		expect(check.preview.held).toEqual({
			count: 1,
			firstAppliesAt: T0 + 23 * HOUR - MAX_CLOCK_SKEW_MS,
			lastAppliesAt: T0 + 23 * HOUR - MAX_CLOCK_SKEW_MS
		});
		expect(applied).toMatchObject({ kind: 'applied', outcome: { applied: 0, held: 1 } });
		expect(await syncOverview(h.ctx, false)).toMatchObject({ held: { count: 1 } });
		await resetWorks(h);
	});

	it('X7: a reset link expires on the clock of the changes, even when this device’s clock is ahead', async () => {
		const h = harness();
		await verifiedAccount(h, EMAIL);
		// This device's wall clock went back two hours: its change clock stays ahead (S5).
		h.advance(2 * HOUR);
		await h.store.commit(
			{ id: changeId('late'), actor: null, type: 'renewal.remind', payload: {} },
			h.now()
		);
		h.advance(-2 * HOUR);
		await resetWorks(h);
		// And the link still runs out one hour after it was issued, on that same clock.
		// Both links carry the same time (the clock only counts on while the wall clock is behind),
		// so the new one is taken from its change rather than from the mailbox's order.
		const again = await requestReset(h.ctx, { email: EMAIL, actor: null });
		if (!again.ok || again.value.change.type !== 'account.requestReset') {
			return expect.fail('no reset request');
		}
		const token = again.value.change.payload.token;
		h.advance(3 * HOUR + 1000);
		expect(await resetPassword(h.ctx, { token, password: 'another new passphrase' })).toEqual({
			ok: false,
			error: { code: 'token-expired' }
		});
	});

	it('X7: sessions and sudo mode are judged by this device’s wall clock, whatever a file holds', async () => {
		const h = harness();
		await verifiedAccount(h, EMAIL);
		const session = await sessionFor(h, EMAIL);
		await importThrough(h, await fileFromFastPeer());
		expect(sessionEnded(session, h.now())).toBeNull();
		expect(needsReauth(session, h.now())).toBe(false);
	});
});
