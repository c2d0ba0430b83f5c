// C5's public-domain list is injected (bundle size: the core never imports the package). A
// fresh instance of the module, with no list installed, must refuse to answer rather than
// answer wrongly; installing builds the lookup once.
import list from 'free-email-domains';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as DomainsModule from '$lib/core/domains';
import type * as ErrorsModule from '$lib/core/errors';

type Domains = typeof DomainsModule;
type Errors = typeof ErrorsModule;

// A new module registry per test: the setup file's installed list does not reach it.
async function fresh(): Promise<{ domains: Domains; errors: Errors }> {
	vi.resetModules();
	const domains = await import('$lib/core/domains');
	const errors = await import('$lib/core/errors');
	return { domains, errors };
}

describe('C5: the public-domain list is installed by the caller', () => {
	beforeEach(() => {
		vi.resetModules();
	});

	it('C5: isPublicDomain throws RulesNotReadyError (rules-not-ready) before a list is installed', async () => {
		const { domains, errors } = await fresh();
		expect(domains.publicDomainsLoaded()).toBe(false);
		expect(() => domains.isPublicDomain('gmail.com')).toThrow(errors.RulesNotReadyError);
		let code: string | null = null;
		try {
			domains.isPublicDomain('acme.com');
		} catch (e) {
			if (e instanceof errors.RulesNotReadyError) code = e.code;
		}
		expect(code).toBe('rules-not-ready');
	});

	it('C5: the rules throw too, instead of promoting across a public domain', async () => {
		const { domains } = await fresh();
		const core = await import('$lib/core');
		const { A, L1, ChangeFactory, build } = await import('./factories');
		expect(domains.publicDomainsLoaded()).toBe(false);
		const f = new ChangeFactory();
		const state = build([
			f.signup(A.alice, 'alice@acme.com'),
			f.signup(A.bob, 'bob@acme.com'),
			f.license(A.alice, L1),
			f.add(A.alice, L1, 'billing', 'bob@acme.com')
		]);
		expect(() => core.apply(state, f.makePrimary(A.alice, L1, 'billing', A.bob))).toThrow(
			core.RulesNotReadyError
		);
	});

	it('C5: once installed, the answers come from that list', async () => {
		const { domains } = await fresh();
		domains.usePublicDomains(['Example-Free.com ', 'gmail.com']);
		expect(domains.publicDomainsLoaded()).toBe(true);
		expect(domains.isPublicDomain('example-free.com.')).toBe(true);
		expect(domains.isPublicDomain('outlook.com')).toBe(false);
		domains.usePublicDomains(list);
		expect(domains.isPublicDomain('outlook.com')).toBe(true);
		expect(domains.isPublicDomain('example-free.com')).toBe(false);
	});
});
