// X4: only the app's own paths are links, and a log in only goes on to one of them (`?next=`).
import { describe, expect, it } from 'vitest';
import { isAppLink, nextPathOf } from '$lib/components/mail/safe-link';

describe('X4: app links', () => {
	it('X4: a path with one leading slash is an app link; other sites and schemes are not', () => {
		expect(isAppLink('/verify?token=abc')).toBe(true);
		for (const href of ['javascript:alert(1)', '//evil.test/x', 'https://evil.test', '/\\evil']) {
			expect(isAppLink(href)).toBe(false);
		}
	});

	it('X4: a log in goes on to ?next= only when it is an app path, else to Licenses', () => {
		expect(nextPathOf(new URL('https://app.test/login?next=%2Fprofile'))).toBe('/profile');
		expect(nextPathOf(new URL('https://app.test/login?next=%2F%2Fevil.test'))).toBe('/licenses');
		expect(nextPathOf(new URL('https://app.test/login'))).toBe('/licenses');
	});
});
