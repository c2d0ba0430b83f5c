import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		expect: { requireAssertions: true },
		// Several tests do real work (progress over 100,000 changes, full-cost PBKDF2 where the
		// cost is not injectable yet); on a busy 2-core machine Vitest's 5 s default fails them.
		testTimeout: 30_000,
		// As Playwright does in CI: a test that fails is run once more, and `npm test` names
		// every test that passed only on its retry, so a flake is reported, never hidden.
		retry: process.env.CI ? 1 : 0,
		reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts'],
					setupFiles: ['tests/unit/setup-rules.ts']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					include: ['tests/component/**/*.test.ts'],
					setupFiles: ['tests/unit/setup-rules.ts', 'tests/component/setup.ts']
				}
			}
		]
	}
});
