// Branded ids from untrusted text (a form's select, `?site=`): one validated parser that
// checks the shape every Tessera id has, and says no as a value instead of throwing.
import { describe, expect, it } from 'vitest';
import { ID_SHAPE, parseId } from '$lib/core';

describe('parseId', () => {
	it('accepts the ids Tessera makes: newId (base64url with a prefix), demo ids, device ids', () => {
		for (const text of [
			'a_Qm9vbXMtMTIzNDU2Nzg5MA',
			's_demo_northwind',
			'l-1',
			'00000000000000aa'
		]) {
			const parsed = parseId('account', text);
			expect(parsed, text).toEqual({ ok: true, value: text });
		}
	});

	it('refuses text that is not an id: empty, spaces, markup, paths, over 100 characters', () => {
		for (const text of ['', ' a_1', 'a 1', '<b>x</b>', '../etc', 'a/b', 'x'.repeat(101), 'é']) {
			expect(parseId('site', text), JSON.stringify(text)).toEqual({
				ok: false,
				error: { code: 'invalid-id', kind: 'site' }
			});
		}
		expect(parseId('license', 42)).toMatchObject({ ok: false });
		expect(parseId('license', null)).toMatchObject({ ok: false });
	});

	it('gives the id of the kind asked for, so it can be passed on as that brand', () => {
		const parsed = parseId('license', 'l_abc');
		expect(parsed.ok && parsed.value).toBe('l_abc');
		expect(ID_SHAPE.test('x'.repeat(100))).toBe(true);
	});
});
