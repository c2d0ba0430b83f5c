// Type-aware linting for TypeScript and Svelte; floating promises are errors because a
// dropped promise in a storage or sync path is lost data nobody hears about.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'reports/', 'test-results/']
	},
	js.configs.recommended,
	...ts.configs.recommendedTypeChecked,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { parser: ts.parser, svelteConfig }
		}
	},
	{
		// The worker has its own lib (webworker, no DOM), so its own tsconfig.
		files: ['src/service-worker.ts'],
		languageOptions: {
			parserOptions: { projectService: false, project: './tsconfig.sw.json' }
		}
	},
	{
		rules: {
			// Tessera is always served at the site root (no paths.base), so resolve() would be
			// the identity; plain hrefs keep links readable and testable in components.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Plain JS tools are not part of the type-checked program.
		files: ['**/*.js'],
		...ts.configs.disableTypeChecked
	}
);
