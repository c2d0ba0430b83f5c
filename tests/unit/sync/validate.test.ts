/**
 * S7: each change of a file is checked strictly against the core's Change union, and the
 * refusal names the change, the field and why; unknown types and oversized fields are told
 * apart from other damage.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANGE_TYPES } from '$lib/core';
import { ALL_CHANGE_SCHEMAS, LIMITS } from '$lib/sync/format';
import { isJsonObject } from '$lib/sync/safe-json';
import { validateChange } from '$lib/sync/validate';
import { DEVICE_A, PLAIN_TYPES, SECRET_TYPES, sample } from './helpers';

/** A change as plain JSON, as a file would hold it. */
const raw = (n: number, secrets = true): Record<string, unknown> => {
	const value: unknown = JSON.parse(JSON.stringify(sample(DEVICE_A, n, secrets)));
	return isJsonObject(value) ? { ...value } : {};
};
const ALL = PLAIN_TYPES.length + SECRET_TYPES.length;
const without = (o: Record<string, unknown>, key: string) =>
	Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
const withPayload = (n: number, payload: Record<string, unknown>) => {
	const change = raw(n);
	const old = isJsonObject(change.payload) ? change.payload : {};
	return { ...change, payload: { ...old, ...payload } };
};

describe('validateChange', () => {
	it('accepts a sample of every change type', () => {
		const types = new Set<string>();
		for (let n = 0; n < ALL; n++) {
			const result = validateChange(raw(n), n);
			expect(result).toEqual({ ok: true, value: sample(DEVICE_A, n, true) });
			if (result.ok) types.add(result.value.type);
		}
		expect([...types].sort()).toEqual([...CHANGE_TYPES].sort());
		expect(validateChange(raw(0, false), 0).ok).toBe(true);
	});

	it('has one schema per change type of the core, no more', () => {
		expect(ALL_CHANGE_SCHEMAS.map((s) => s.shape.type.value).sort()).toEqual(
			[...CHANGE_TYPES].sort()
		);
	});

	it('reports an unknown change type as such, with the type', () => {
		expect(validateChange({ ...raw(1), type: 'license.transfer' }, 4)).toEqual({
			ok: false,
			error: {
				code: 'unknown-change-type',
				index: 4,
				changeId: 'c-1111-1',
				type: 'license.transfer'
			}
		});
	});

	it('reports a missing or mistyped type as an invalid change', () => {
		expect(validateChange(without(raw(1), 'type'), 0)).toMatchObject({
			error: { code: 'invalid-change', path: ['changes', 0, 'type'] }
		});
		expect(validateChange({ ...raw(1), type: 7 }, 0)).toMatchObject({
			error: { code: 'invalid-change', path: ['changes', 0, 'type'] }
		});
		expect(validateChange('a string', 2)).toMatchObject({
			error: { code: 'invalid-change', index: 2, changeId: null, path: ['changes', 2] }
		});
	});

	it('names the index, the change id, the path and a message', () => {
		const result = validateChange(withPayload(4, { role: 'owner' }), 9);
		expect(result).toMatchObject({
			ok: false,
			error: {
				code: 'invalid-change',
				index: 9,
				changeId: 'c-1111-4',
				path: ['changes', 9, 'payload', 'role']
			}
		});
		if (!result.ok && result.error.code === 'invalid-change') {
			expect(result.error.message).toMatch(/billing|technical/);
		}
	});

	it('is strict: unknown fields and missing ones are refused, in envelope and payload', () => {
		expect(validateChange({ ...raw(5), extra: 1 }, 0)).toMatchObject({
			error: { code: 'invalid-change', path: ['changes', 0] }
		});
		expect(validateChange(withPayload(5, { note: 'x' }), 0)).toMatchObject({
			error: { code: 'invalid-change', path: ['changes', 0, 'payload'] }
		});
		expect(validateChange(without(raw(5), 'prev'), 0)).toMatchObject({
			error: { path: ['changes', 0, 'prev'] }
		});
		expect(validateChange({ ...raw(5), id: '' }, 0)).toMatchObject({
			error: { path: ['changes', 0, 'id'] }
		});
		expect(validateChange({ ...raw(5), at: 1.5 }, 0)).toMatchObject({
			error: { path: ['changes', 0, 'at'] }
		});
		expect(validateChange({ ...raw(9), payload: { x: 1 } }, 0)).toMatchObject({
			error: { code: 'invalid-change' }
		});
	});

	it('reports oversized fields with their size and limit', () => {
		const cases: [number, Record<string, unknown>, string, number, number][] = [
			[0, { email: `${'a'.repeat(250)}@x.io` }, 'email', 255, LIMITS.email],
			[0, { name: 'n'.repeat(201) }, 'name', 201, LIMITS.name],
			[7, { subject: 's'.repeat(201) }, 'subject', 201, LIMITS.subject],
			[7, { description: 'd'.repeat(10_001) }, 'description', 10_001, LIMITS.description],
			[4, { accountId: 'i'.repeat(101) }, 'accountId', 101, LIMITS.id]
		];
		for (const [n, payload, field, size, limit] of cases) {
			expect(validateChange(withPayload(n, payload), 3)).toEqual({
				ok: false,
				error: { code: 'field-too-large', path: ['changes', 3, 'payload', field], size, limit }
			});
		}
		const twoStep = PLAIN_TYPES.length + SECRET_TYPES.indexOf('account.enableTwoStep');
		const codes = (k: number) => Array.from({ length: k }, (_, i) => `code-${i}`);
		expect(validateChange(withPayload(twoStep, { recoveryCodeHashes: codes(51) }), 0)).toEqual({
			ok: false,
			error: {
				code: 'field-too-large',
				path: ['changes', 0, 'payload', 'recoveryCodeHashes'],
				size: 51,
				limit: LIMITS.recoveryCodes
			}
		});
		expect(validateChange(withPayload(twoStep, { recoveryCodeHashes: codes(50) }), 0).ok).toBe(
			true
		);
		expect(validateChange(withPayload(0, { name: 'n'.repeat(200) }), 0).ok).toBe(true);
		const profile = PLAIN_TYPES.indexOf('account.updateProfile');
		const avatar = (k: number) => `data:image/png;base64,${'A'.repeat(k - 22)}`;
		expect(validateChange(withPayload(profile, { avatar: avatar(LIMITS.avatar) }), 0).ok).toBe(
			true
		);
		expect(
			validateChange(withPayload(profile, { avatar: avatar(LIMITS.avatar + 1) }), 0)
		).toMatchObject({
			error: { code: 'field-too-large', size: LIMITS.avatar + 1, limit: LIMITS.avatar }
		});
	});

	it('configures zod without eval, which the CSP forbids (X4)', () => {
		expect(z.config().jitless).toBe(true);
	});
});
