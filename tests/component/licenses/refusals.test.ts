// Words for refusals (UI vocabulary: announced "with the reason in words"); C13 in particular must
// name both domains, say which is public, and say who can still do it.
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES, accountId, licenseId } from '$lib/core';
import type { Refusal } from '$lib/core';
import { describeRefusal } from '$lib/ui/refusals';

const who = { accountId: accountId('a-m'), email: 'marco.rossi@gmail.com' };

describe('describeRefusal', () => {
	it('has a sentence for every refusal code', () => {
		for (const code of Object.values(REFUSAL_CODES)) {
			const refusal: Refusal =
				code === 'primary-domain-mismatch'
					? {
							code,
							role: 'billing',
							candidateDomain: 'a.com',
							primaryDomain: 'b.com',
							publicDomain: null,
							whoCanPromote: who
						}
					: code === 'primary-contact'
						? { code, licenses: [] }
						: { code };
			const words = describeRefusal(refusal);
			expect(words.length, code).toBeGreaterThan(10);
			expect(words, code).not.toContain(code);
		}
	});

	it('C13: names both domains, the public one, and that the person promotes themselves', () => {
		const words = describeRefusal({
			code: 'primary-domain-mismatch',
			role: 'technical',
			candidateDomain: 'gmail.com',
			primaryDomain: 'northwind.example',
			publicDomain: 'gmail.com',
			whoCanPromote: who
		});
		expect(words).toContain('marco.rossi@gmail.com is on gmail.com');
		expect(words).toContain('the current primary contact is on northwind.example');
		expect(words).toContain('gmail.com is a public email domain');
		expect(words).toContain('marco.rossi@gmail.com must log in and promote themselves');
	});

	it('C13: for two company domains, says only the same company domain works', () => {
		const words = describeRefusal({
			code: 'primary-domain-mismatch',
			role: 'technical',
			candidateDomain: 'contoso.example',
			primaryDomain: 'northwind.example',
			publicDomain: null,
			whoCanPromote: { accountId: accountId('a-c'), email: 'chen@contoso.example' }
		});
		expect(words).not.toContain('public');
		expect(words).toContain('same company domain');
		expect(words).toContain('chen@contoso.example must log in and promote themselves');
	});

	it('A8: lists the licenses where the account is still primary', () => {
		const words = describeRefusal({
			code: 'primary-contact',
			licenses: [
				{ licenseId: licenseId('l1'), sen: 'SEN-1000001', role: 'billing', soleContact: false },
				{ licenseId: licenseId('l1'), sen: 'SEN-1000001', role: 'technical', soleContact: true }
			]
		});
		expect(words).toContain('(SEN-1000001)');
	});
});
