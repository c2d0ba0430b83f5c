// X6: a session record counts only with a proof made by the account key for this device;
// whatever someone writes into localStorage by hand (or copies from elsewhere) is no session.
import { describe, expect, it } from 'vitest';
import { deleteAccount } from '$lib/app/accounts';
import { parseSession, startSession } from '$lib/app/session';
import { verifySession } from '$lib/app/session-proof';
import { MemoryStore } from '$lib/store';
import { harness, sessionFor, verifiedAccount } from './accounts-helpers';

describe('X6: session records cannot be forged', () => {
	it('X6: a hand-written record without a proof is not even read as a session', () => {
		const now = Date.now();
		const forged = {
			accountId: 'a_demo_olivia',
			email: 'olivia@northwind.example',
			name: 'Olivia',
			startedAt: now,
			lastActiveAt: now,
			authAt: now
		};
		expect(parseSession(JSON.stringify(forged))).toBeNull();
	});

	it('X6: a made-up proof, another account’s proof or a changed start time is no session', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const bobId = await verifiedAccount(h, 'bob@acme.com');
		const alice = await sessionFor(h, 'alice@acme.com');
		const bob = await sessionFor(h, 'bob@acme.com');
		const { state } = h.store;
		const device = h.store.device;
		expect(await verifySession(alice, state, device)).toBe(true);
		const forgeries = [
			{ ...alice, proof: 'S'.repeat(86) },
			{ ...alice, proof: '' },
			{ ...alice, proof: bob.proof },
			{ ...bob, accountId: alice.accountId },
			{ ...alice, startedAt: alice.startedAt + 60_000 },
			startSession({ id: bobId, email: 'bob@acme.com', name: 'Bob' }, h.now(), alice.proof),
			{ ...alice, accountId: '' },
			{ ...alice, accountId: 'a_nobody' }
		];
		for (const record of forgeries) {
			const stored = parseSession(JSON.stringify(record));
			expect(stored === null || !(await verifySession(stored, state, device))).toBe(true);
		}
	});

	it('X6: a record copied from another device is no session here', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		const other = new MemoryStore('00000000000000bb');
		expect(await verifySession(session, h.store.state, other.device)).toBe(false);
	});

	it('X6: the session of a deleted account is no session', async () => {
		const h = harness();
		await verifiedAccount(h, 'alice@acme.com');
		const session = await sessionFor(h, 'alice@acme.com');
		expect(await deleteAccount(h.ctx, session)).toMatchObject({ ok: true });
		expect(await verifySession(session, h.store.state, h.store.device)).toBe(false);
	});
});
