// S10: change and signature documents. The server sees a change's id, device and clock and
// nothing else; the content is bound to them, and two devices write the same revision.
import { describe, expect, it } from 'vitest';
import { accountId, changeId } from '$lib/core';
import type { Change } from '$lib/core';
import { changeDoc, openDoc, signatureDoc } from '$lib/live/docs';
import { createTeam } from '$lib/live/team';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { randomBytes } from '$lib/security/encoding';
import { MemoryStore } from '$lib/store';
import { signupDraft } from '../store/helpers';

const options = { iterations: KDF_ITERATIONS.min, random: randomBytes };
const ZOE = accountId('a-zoe');

async function aChange(): Promise<Change> {
	const store = new MemoryStore('aaaaaaaaaaaaaaaa');
	const draft = { ...signupDraft(ZOE, 'zoe.private@acme.com', 'Zoe Quincy'), id: changeId('c-1') };
	const result = await store.commit(draft, 1_800_000_000_000);
	if (!result.ok) return expect.fail('signup refused');
	return result.value.change;
}

describe('S10: documents on the server', () => {
	it('S10: a change document carries id, device and clock in clear and nothing else readable', async () => {
		const { key } = await createTeam('team passphrase', options);
		const change = await aChange();
		const doc = await changeDoc(change, key, randomBytes);
		expect(doc).toMatchObject({
			_id: 'c:c-1',
			kind: 'change',
			device: change.device,
			clock: change.clock
		});
		const text = JSON.stringify(doc);
		for (const secret of ['zoe.private', 'Zoe Quincy', 'acme.com', 'signup', 'a-zoe']) {
			expect(text).not.toContain(secret);
		}
		const opened = await openDoc(JSON.parse(text), key);
		const raw: unknown = JSON.parse(JSON.stringify(change));
		expect(opened).toEqual({ ok: true, value: { kind: 'change', id: 'c-1', raw } });
	});

	it('S10/S4: two devices pushing the same change write the same revision (fresh ivs, same rev)', async () => {
		const { key } = await createTeam('team passphrase', options);
		const change = await aChange();
		const [a, b] = await Promise.all([
			changeDoc(change, key, randomBytes),
			changeDoc(change, key, randomBytes)
		]);
		expect(a.iv).not.toBe(b.iv);
		expect(a._rev).toBe(b._rev);
		expect(a._rev).toMatch(/^1-[0-9a-f]{32}$/);
	});

	it('S10: content moved under another id, device or clock, or a wrong key, does not open', async () => {
		const { key } = await createTeam('team passphrase', options);
		const other = await createTeam('team passphrase', options); // another salt: another key
		const doc = await changeDoc(await aChange(), key, randomBytes);
		expect(await openDoc({ ...doc, _id: 'c:c-2' }, key)).toEqual({
			ok: false,
			error: 'undecryptable'
		});
		expect(await openDoc({ ...doc, device: 'bbbbbbbbbbbbbbbb' }, key)).toEqual({
			ok: false,
			error: 'undecryptable'
		});
		expect(await openDoc({ ...doc, clock: '0' }, key)).toEqual({
			ok: false,
			error: 'undecryptable'
		});
		expect(await openDoc(doc, other.key)).toEqual({ ok: false, error: 'undecryptable' });
		expect(await openDoc({ ...doc, ciphertext: 'not!base64' }, key)).toEqual({
			ok: false,
			error: 'malformed'
		});
		expect(await openDoc('text', key)).toEqual({ ok: false, error: 'malformed' });
		// The team document, design documents and deletions are not changes: skipped.
		expect(await openDoc({ _id: 'tessera:team' }, key)).toEqual({
			ok: true,
			value: { kind: 'other' }
		});
		expect(await openDoc({ _id: 'c:x', _deleted: true }, key)).toEqual({
			ok: true,
			value: { kind: 'other' }
		});
	});

	it('S10: a signature document opens to the signature it was made from, and only under its own id', async () => {
		const { key } = await createTeam('team passphrase', options);
		const signature = { device: 'aaaaaaaaaaaaaaaa', changeId: 'c-1', signature: 'S'.repeat(86) };
		const doc = await signatureDoc(signature, key, randomBytes);
		expect(doc._id).toBe('s:aaaaaaaaaaaaaaaa:c-1');
		expect(await openDoc(doc, key)).toEqual({ ok: true, value: { kind: 'signature', signature } });
		expect(await openDoc({ ...doc, _id: 's:aaaaaaaaaaaaaaaa:c-2' }, key)).toEqual({
			ok: false,
			error: 'undecryptable'
		});
	});
});
