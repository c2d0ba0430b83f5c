/**
 * X7 (issue #9, fault 3): a change's clock has exactly one format, the store's hybrid logical
 * clock text, names the change's own device and agrees with its time. Anything else refuses
 * the file ('bad-clock', naming the change), at the reader and again at the store, so a clock
 * like "~" can neither make two devices that saw the same changes disagree (S5) nor stop this
 * device's own changes from ever leaving its queue (S2).
 */
import { describe, expect, it } from 'vitest';
import { accountId, changeId, deviceId } from '$lib/core';
import type { Change } from '$lib/core';
import { MemoryStore } from '$lib/store';
import type { ChangeDraft } from '$lib/store';
import { checkClock, formatClock } from '$lib/log/clock';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import { NOW, T0, plainText } from './helpers';

const ALICE = accountId('a-alice');
const SELF = deviceId('bbbbbbbbbbbbbbbb');
const PEER = deviceId('cccccccccccccccc');

const signUp: ChangeDraft = {
	id: changeId('sign-up'),
	actor: null,
	type: 'account.create',
	payload: {
		accountId: ALICE,
		email: 'alice@acme.com',
		name: 'Alice',
		mode: 'signup',
		source: 'password'
	}
};

const rename = (id: string, name: string): ChangeDraft => ({
	id: changeId(id),
	actor: ALICE,
	type: 'account.updateProfile',
	payload: { accountId: ALICE, name, avatar: null }
});

/** A change as a hostile file carries it: any device, clock and time. */
function forged(device: string, clock: string, at = T0 + 60_000): Change {
	return {
		id: changeId(`forged-${clock.length}-${device.slice(0, 2)}`),
		device: deviceId(device),
		clock,
		at,
		actor: ALICE,
		prev: null,
		type: 'account.updateProfile',
		payload: { accountId: ALICE, name: 'Mallory', avatar: null }
	};
}

async function readPlain(changes: readonly Change[]) {
	return readSyncFile(await plainText(changes), { now: NOW });
}

describe('X7: one clock format, naming its device, agreeing with its time', () => {
	it('X7: checkClock accepts only the store’s own text for that device and time', () => {
		const at = Date.UTC(2026, 10, 22, 6, 12);
		const good = formatClock({ millis: at, counter: 3 }, PEER);
		expect(checkClock(good, PEER, at)).toBeNull();
		expect(checkClock('~', PEER, at)).toBe('format');
		expect(checkClock(`${good} `, PEER, at)).toBe('format');
		expect(checkClock(good.toUpperCase(), PEER, at)).toBe('format');
		expect(checkClock(good.replace('2026-11-22', '2026-13-22'), PEER, at)).toBe('format');
		expect(checkClock(good.replace('2026-11-22', '2026-02-30'), PEER, at)).toBe('format');
		expect(checkClock(good, SELF, at)).toBe('device');
		expect(checkClock(good, PEER, at + 1)).toBe('time');
	});

	it('X7: the reader refuses "~", another device’s clock, and a clock that disagrees with `at`', async () => {
		const at = T0 + 60_000;
		const clock = formatClock({ millis: at, counter: 0 }, PEER);
		const cases = [
			[forged(PEER, '~'), 'format'],
			[forged(PEER, `${new Date(NOW + 20 * 3_600_000).toISOString()}-0000-XYZ`), 'format'],
			[forged(PEER, formatClock({ millis: at, counter: 0 }, SELF)), 'device'],
			[forged(PEER, clock, at + 20 * 3_600_000), 'time']
		] as const;
		for (const [change, problem] of cases) {
			expect(await readPlain([change])).toEqual({
				ok: false,
				error: { code: 'bad-clock', index: 0, changeId: change.id, problem }
			});
		}
		expect((await readPlain([forged(PEER, clock, at)])).ok).toBe(true);
	});

	it('X7: the writer never writes a change with a clock the reader would refuse', async () => {
		const built = await buildSyncFile({
			device: PEER,
			exportedAt: T0,
			kind: 'queue',
			changes: [forged(PEER, '~')]
		});
		expect(built).toMatchObject({ ok: false, error: { code: 'bad-clock', problem: 'format' } });
	});

	it('S5/X7 (fault 3): a clock of "~" cannot make two devices that saw the same changes differ', async () => {
		const [b, c] = [new MemoryStore(SELF), new MemoryStore(PEER)];
		await b.commit(signUp, T0);
		await c.importChanges(await b.changes());
		const tilde = forged('dddddddddddddddd', '~');
		// The store refuses it too, whoever hands it over (S4: nothing changes).
		expect(await b.importChanges([tilde])).toMatchObject({
			ok: false,
			error: { code: 'bad-clock', changeId: tilde.id, problem: 'format' }
		});
		await b.commit(rename('later', 'Alice B'), T0 + 120_000);
		expect(await c.importChanges(await b.changes())).toMatchObject({ ok: true });
		expect(await c.importChanges([tilde])).toMatchObject({ ok: false });
		expect(b.state.accounts.get(ALICE)?.name).toBe('Alice B');
		expect(c.state.accounts.get(ALICE)?.name).toBe('Alice B');
	});

	it('S2/X7 (fault 3): a change carrying this device’s id and a clock of "~" cannot stall its queue', async () => {
		const b = new MemoryStore(SELF);
		await b.commit(signUp, T0);
		const mine = forged(SELF, '~');
		expect(await readPlain([mine])).toMatchObject({ ok: false, error: { code: 'bad-clock' } });
		expect(await b.importChanges([mine])).toMatchObject({
			ok: false,
			error: { code: 'bad-clock' }
		});
		const [first] = await b.queue();
		if (!first) return expect.fail('nothing queued');
		await b.markExported(first.clock);
		await b.commit(rename('after-export', 'Alice again'), T0 + 180_000);
		expect((await b.queue()).map((q) => q.id)).toEqual(['after-export']);
	});
});
