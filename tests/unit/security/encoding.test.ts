/**
 * The byte helpers every stored hash and token goes through: base64url must round-trip any
 * bytes and reject anything that is not base64url.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64urlToBytes, bytesToBase64url, timingSafeEqual } from '$lib/security/encoding';

describe('base64url', () => {
	it('round-trips any bytes without padding or +/ characters (property)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
				const text = bytesToBase64url(bytes);
				expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
				expect(base64urlToBytes(text)).toEqual(bytes);
			})
		);
	});

	it('rejects text that is not base64url', () => {
		for (const bad of ['a+b/', 'abc=', 'a', 'ab cd', 'é']) expect(base64urlToBytes(bad)).toBeNull();
	});

	it('handles inputs larger than one encoding chunk', () => {
		const big = new Uint8Array(100_000).map((_, i) => i % 251);
		expect(base64urlToBytes(bytesToBase64url(big))).toEqual(big);
	});
});

describe('timingSafeEqual', () => {
	it('is true only for equal bytes of equal length', () => {
		expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
		expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
		expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
	});
});
