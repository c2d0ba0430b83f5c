/**
 * A2 and X2: RFC 6238 codes, a ±1 step window for clock drift, and each code accepted
 * only once.
 */
import { describe, expect, it } from 'vitest';
import {
	SecurityError,
	generateTotp,
	newTotpSecret,
	totpStep,
	totpUri,
	verifyTotp
} from '$lib/security';

// RFC 6238 Appendix B: the ASCII secret '12345678901234567890', in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const STEP_MS = 30_000;
const NOW = 1_700_000_000_000;

describe('RFC 6238 Appendix B (SHA1, 8 digits)', () => {
	const vectors: [seconds: number, code: string][] = [
		[59, '94287082'],
		[1111111109, '07081804'],
		[1111111111, '14050471'],
		[1234567890, '89005924'],
		[2000000000, '69279037'],
		[20000000000, '65353130']
	];
	it.each(vectors)('T=%i → %s', (seconds, code) => {
		expect(generateTotp(RFC_SECRET, seconds * 1000, 8)).toBe(code);
	});
});

describe('newTotpSecret / totpUri', () => {
	it('makes a fresh 20-byte base32 secret each time', () => {
		const a = newTotpSecret();
		expect(a).toMatch(/^[A-Z2-7]{32}$/);
		expect(newTotpSecret()).not.toBe(a);
	});

	it('builds an otpauth URI with the Tessera issuer and the account email', () => {
		const uri = new URL(totpUri({ secret: RFC_SECRET, account: 'ada@example.com' }));
		expect(uri.protocol).toBe('otpauth:');
		expect(uri.host).toBe('totp');
		expect(decodeURIComponent(uri.pathname)).toBe('/Tessera:ada@example.com');
		expect(Object.fromEntries(uri.searchParams)).toEqual({
			issuer: 'Tessera',
			secret: RFC_SECRET,
			algorithm: 'SHA1',
			digits: '6',
			period: '30'
		});
	});
});

describe('verifyTotp', () => {
	const secret = newTotpSecret();
	const codeAt = (offsetSteps: number) => generateTotp(secret, NOW + offsetSteps * STEP_MS);

	it('accepts the current code and reports its step', () => {
		expect(verifyTotp({ secret, code: codeAt(0), now: NOW, lastUsedStep: null })).toEqual({
			ok: true,
			step: totpStep(NOW)
		});
	});

	it('accepts codes one step early or late (clock drift)', () => {
		for (const offset of [-1, 1]) {
			expect(verifyTotp({ secret, code: codeAt(offset), now: NOW, lastUsedStep: null })).toEqual({
				ok: true,
				step: totpStep(NOW) + offset
			});
		}
	});

	it('refuses codes two steps away', () => {
		for (const offset of [-2, 2]) {
			const result = verifyTotp({ secret, code: codeAt(offset), now: NOW, lastUsedStep: null });
			expect(result).toEqual({ ok: false, reason: 'invalid' });
		}
	});

	it('accepts a code once: the same code is then refused as reused', () => {
		const code = codeAt(0);
		const first = verifyTotp({ secret, code, now: NOW, lastUsedStep: null });
		expect(first.ok).toBe(true);
		const lastUsedStep = first.ok ? first.step : null;
		const again = verifyTotp({ secret, code, now: NOW + 5_000, lastUsedStep });
		expect(again).toEqual({ ok: false, reason: 'reused' });
	});

	it('refuses an older code after a newer one was used, but takes the next one', () => {
		const lastUsedStep = totpStep(NOW);
		expect(verifyTotp({ secret, code: codeAt(-1), now: NOW, lastUsedStep })).toEqual({
			ok: false,
			reason: 'reused'
		});
		expect(verifyTotp({ secret, code: codeAt(1), now: NOW, lastUsedStep }).ok).toBe(true);
	});

	it('tolerates spaces and refuses anything that is not six digits', () => {
		const code = codeAt(0);
		const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
		expect(verifyTotp({ secret, code: spaced, now: NOW, lastUsedStep: null }).ok).toBe(true);
		for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) {
			expect(verifyTotp({ secret, code: bad, now: NOW, lastUsedStep: null })).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
	});

	it('refuses a code made with another secret', () => {
		// Fixed secrets and time, so this never flakes on a one-in-a-million collision.
		const other = generateTotp('JBSWY3DPEHPK3PXP', NOW);
		const result = verifyTotp({ secret: RFC_SECRET, code: other, now: NOW, lastUsedStep: null });
		expect(result).toEqual({ ok: false, reason: 'invalid' });
	});

	it('throws a coded error for a secret that is not base32', () => {
		expect(() => generateTotp('not base32!', NOW)).toThrow(SecurityError);
	});
});
