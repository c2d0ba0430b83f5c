// S10: the team key. The passphrase, or a key file's secret, is stretched with PBKDF2 (cost
// injectable; the minimum here) and checked against the team document, so a wrong one is told
// apart before anything is read, in words that fit the secret given.
import { describe, expect, it } from 'vitest';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { TEAM_DOC_ID, createTeam, openTeam } from '$lib/live/team';
import { makeKeyFile, readKeyFile } from '$lib/live/key-file';
import type { TeamKeyFile } from '$lib/live/key-file';
import { randomBytes } from '$lib/security/encoding';

const options = { iterations: KDF_ITERATIONS.min, random: randomBytes };

describe('S10: the team key', () => {
	it('S10: the same passphrase opens the team document another device made, and gives the same key', async () => {
		const { key, doc } = await createTeam('correct horse battery', options);
		expect(doc._id).toBe(TEAM_DOC_ID);
		expect(doc.kdf.iterations).toBe(KDF_ITERATIONS.min);
		const opened = await openTeam(JSON.parse(JSON.stringify(doc)), 'correct horse battery');
		if (!opened.ok) return expect.fail(opened.error);
		// Same key: what one encrypts, the other decrypts.
		const iv = randomBytes(12);
		const sealed = await crypto.subtle.encrypt(
			{ name: 'AES-GCM', iv },
			key,
			new Uint8Array([1, 2, 3])
		);
		const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, opened.value, sealed);
		expect([...new Uint8Array(plain)]).toEqual([1, 2, 3]);
		expect(opened.value.extractable).toBe(false);
	});

	it('S10: a wrong passphrase is "wrong-passphrase"; a damaged or foreign team document is "bad-team-doc"', async () => {
		const { doc } = await createTeam('correct horse battery', options);
		expect(await openTeam(doc, 'Correct horse battery')).toEqual({
			ok: false,
			error: 'wrong-passphrase'
		});
		expect(
			await openTeam(
				{ ...doc, check: { ...doc.check, ciphertext: 'AAAA' } },
				'correct horse battery'
			)
		).toEqual({
			ok: false,
			error: 'wrong-passphrase'
		});
		expect(await openTeam({ _id: TEAM_DOC_ID }, 'x')).toEqual({ ok: false, error: 'bad-team-doc' });
		expect(await openTeam(null, 'x')).toEqual({ ok: false, error: 'bad-team-doc' });
		// A server asking for a cost that would hang the page, or no cost at all, is refused.
		for (const iterations of [1, KDF_ITERATIONS.max + 1]) {
			expect(
				await openTeam({ ...doc, kdf: { ...doc.kdf, iterations } }, 'correct horse battery')
			).toEqual({
				ok: false,
				error: 'bad-team-doc'
			});
		}
	});

	it('S10: passphrases are NFKC-normalised, as file passphrases are (S3)', async () => {
		const { doc } = await createTeam('caf\u00e9 au lait', options);
		const opened = await openTeam(doc, 'cafe\u0301 au lait');
		expect(opened.ok).toBe(true);
	});

	it('S10: a key file makes a team of the same document format, and only that key file opens it', async () => {
		const file = keyFile();
		const { key, doc } = await createTeam(file, options);
		expect(Object.keys(doc).sort()).toEqual(['_id', 'check', 'format', 'kdf', 'version']);
		expect(doc.kdf.iterations).toBe(KDF_ITERATIONS.min);
		const opened = await openTeam(JSON.parse(JSON.stringify(doc)), readBack(file));
		if (!opened.ok) return expect.fail(opened.error);
		const iv = randomBytes(12);
		const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array([7]));
		const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, opened.value, sealed);
		expect([...new Uint8Array(plain)]).toEqual([7]);
		expect(await openTeam(doc, keyFile())).toEqual({ ok: false, error: 'wrong-key-file' });
		// A passphrase team refuses a key file as a key file; a key-file team refuses a passphrase.
		const passphraseTeam = await createTeam('correct horse battery', options);
		expect(await openTeam(passphraseTeam.doc, file)).toEqual({
			ok: false,
			error: 'wrong-key-file'
		});
		expect(await openTeam(doc, 'correct horse battery')).toEqual({
			ok: false,
			error: 'wrong-passphrase'
		});
		expect(await openTeam(null, file)).toEqual({ ok: false, error: 'bad-team-doc' });
	});
});

function keyFile(): TeamKeyFile {
	return readBack(makeKeyFile(randomBytes));
}

/** A key file as another device reads it (from its text, or from a read key file again). */
function readBack(file: string | TeamKeyFile): TeamKeyFile {
	const read = readKeyFile(typeof file === 'string' ? file : JSON.stringify(file));
	if (!read.ok) throw new Error(read.error);
	return read.value;
}
