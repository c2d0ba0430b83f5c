// S10: the team key file. Made from injected randomness, read back exactly; a chosen file is
// hostile input (S7), so every other shape (too big, not JSON, another format or version, a
// secret that is not canonical base64url of 32 bytes, extra keys) is the one code 'bad-key-file'.
import { describe, expect, it, vi } from 'vitest';
import {
	KEY_FILE_MAX_CHARS,
	KEY_FILE_NAME,
	KEY_FILE_SECRET_BYTES,
	makeKeyFile,
	readKeyFile
} from '$lib/live/key-file';
import { bytesToBase64url, randomBytes } from '$lib/security/encoding';

const SECRET = bytesToBase64url(Uint8Array.from({ length: 32 }, (_, i) => i));
const good = { format: 'tessera-team-key', version: 1, secret: SECRET };
const text = (value: unknown) => JSON.stringify(value);

describe('S10: the team key file', () => {
	it('S10: a made key file holds 32 bytes of the injected randomness and reads back as itself', () => {
		const random = vi.fn((length: number) => Uint8Array.from({ length }, (_, i) => i));
		const made = makeKeyFile(random);
		expect(random).toHaveBeenCalledExactlyOnceWith(KEY_FILE_SECRET_BYTES);
		expect(JSON.parse(made)).toEqual(good);
		expect(readKeyFile(made)).toEqual({ ok: true, value: good });
		expect(KEY_FILE_NAME).toBe('tessera-team-key.json');
	});

	it('S10: two key files made with the app’s randomness differ', () => {
		const one = readKeyFile(makeKeyFile(randomBytes));
		const two = readKeyFile(makeKeyFile(randomBytes));
		if (!one.ok || !two.ok) return expect.fail('a made key file did not read');
		expect(one.value.secret).not.toBe(two.value.secret);
	});

	it('S7: a file over the size cap is refused before it is parsed, even if it is a key file', () => {
		const padded = text(good) + ' '.repeat(KEY_FILE_MAX_CHARS);
		const parse = vi.spyOn(JSON, 'parse');
		expect(readKeyFile(padded)).toEqual({ ok: false, error: 'bad-key-file' });
		expect(parse).not.toHaveBeenCalled();
		parse.mockRestore();
		// Just under the cap, the same key file with spaces reads.
		const under = text(good) + ' '.repeat(KEY_FILE_MAX_CHARS - text(good).length);
		expect(readKeyFile(under).ok).toBe(true);
	});

	it.each([
		['empty', ''],
		['not JSON', 'my shopping list'],
		['null', 'null'],
		['an array', text([good])],
		['a string', text(SECRET)],
		['another format', text({ ...good, format: 'tessera-changes' })],
		['a newer version', text({ ...good, version: 2 })],
		['the version as text', text({ ...good, version: '1' })],
		['no secret', text({ format: good.format, version: 1 })],
		['a secret that is not text', text({ ...good, secret: 42 })],
		['padding', text({ ...good, secret: `${SECRET}=` })],
		['base64 rather than base64url', text({ ...good, secret: `+/${SECRET.slice(2)}` })],
		['a space inside', text({ ...good, secret: `${SECRET.slice(0, 20)} ${SECRET.slice(21)}` })],
		['31 bytes', text({ ...good, secret: bytesToBase64url(new Uint8Array(31)) })],
		['33 bytes', text({ ...good, secret: bytesToBase64url(new Uint8Array(33)) })],
		['16 bytes', text({ ...good, secret: bytesToBase64url(new Uint8Array(16)) })],
		// The last character carries 2 unused bits: "AAAB" spells the same bytes as "AAAA".
		['a non-canonical spelling', text({ ...good, secret: `${'A'.repeat(42)}B` })],
		['an extra key', text({ ...good, note: 'hello' })],
		['a passphrase field', text({ ...good, passphrase: 'x' })]
	])('S7: %s is "bad-key-file"', (_name, hostile) => {
		expect(readKeyFile(hostile)).toEqual({ ok: false, error: 'bad-key-file' });
	});
});
