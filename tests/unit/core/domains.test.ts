// C5's domain rules in isolation: normal form, subdomains, the maintained public list.
import { describe, expect, it } from 'vitest';
import { emailDomain, isPublicDomain, normaliseDomain, normaliseEmail } from '$lib/core';

describe('C5: domain normalisation', () => {
	it.each([
		['ACME.com', 'acme.com'],
		['  acme.com.  ', 'acme.com'],
		['bücher.de', 'xn--bcher-kva.de'],
		['BÜCHER.DE.', 'xn--bcher-kva.de'],
		['xn--bcher-kva.de', 'xn--bcher-kva.de'],
		['acme。com', 'acme.com'],
		['mail.acme.com', 'mail.acme.com']
	])('C5: %s normalises to %s', (input, expected) => {
		expect(normaliseDomain(input)).toBe(expected);
	});

	it.each([
		'',
		'.',
		'acme',
		'acme.com..',
		'.acme.com',
		'acme..com',
		'a b.com',
		'acme.com/x',
		'u@acme.com',
		'acme.com:80',
		'1.2.3.4',
		'-a.com',
		'a_b.com',
		`${'a'.repeat(64)}.com`
	])('C5: %j is not a domain', (input) => {
		expect(normaliseDomain(input)).toBeNull();
	});

	it('C5: emails keep their typed form and get a lower-case key', () => {
		expect(normaliseEmail(' Jo.Doe@Bücher.DE ')).toEqual({
			email: 'Jo.Doe@Bücher.DE',
			key: 'jo.doe@xn--bcher-kva.de',
			domain: 'xn--bcher-kva.de'
		});
		expect(emailDomain('x@Mail.Acme.com.')).toBe('mail.acme.com');
		expect(emailDomain('no-at-sign')).toBeNull();
		expect(normaliseEmail('a@b@acme.com')).toBeNull();
	});
});

describe('C5: public domains come from the maintained list', () => {
	it.each(['gmail.com', 'GMAIL.com.', 'outlook.com', 'yahoo.com'])('C5: %s is public', (d) => {
		expect(isPublicDomain(d)).toBe(true);
	});

	it.each(['acme.com', 'other.org', 'mail.gmail.com', 'gmail.com.evil.org', 'not a domain'])(
		'C5: %s is not public (exact match only)',
		(d) => {
			expect(isPublicDomain(d)).toBe(false);
		}
	);
});
