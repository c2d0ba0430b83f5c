// The seam is one path (docs/architecture.md): pages and components reach the store only
// through `perform`. They may import types from `$lib/app/command-types` and nothing else of
// `app/` or `store/`, in any form (static, dynamic, re-export, relative path).
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './source-files';

const SRC = resolve(__dirname, '../../src');
const LIB = join(SRC, 'lib');

/** Every import statement: whether it is type-only, and the file under src/lib it names. */
const STATEMENT =
	/(?:^|[;\n])\s*(import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g;

interface Imported {
	readonly typeOnly: boolean;
	readonly target: string;
	readonly spec: string;
}

function importsOf(file: string, text = readFileSync(file, 'utf8')): Imported[] {
	return [...text.matchAll(STATEMENT)].flatMap((m) => {
		const spec = m[3] ?? m[4] ?? '';
		let target: string | null = null;
		if (spec.startsWith('$lib/')) target = join(LIB, spec.slice(5));
		else if (spec.startsWith('.')) target = resolve(file, '..', spec);
		if (target === null) return [];
		return [{ typeOnly: m[2] !== undefined, target: relative(LIB, target), spec }];
	});
}

function breaches(file: string, text?: string): string[] {
	return importsOf(file, text)
		.filter(({ target }) => target.startsWith('app') || target.startsWith('store'))
		.filter(({ typeOnly, target }) => !(typeOnly && target === join('app', 'command-types')))
		.map(({ spec }) => `${relative(SRC, file)} imports ${spec}`);
}

describe('the seam between the UI and the store', () => {
	it('the scanner catches value, dynamic and relative imports, and lets type-only command types by', () => {
		const page = join(SRC, 'routes', 'x', '+page.svelte');
		const text = [
			"import { commands } from '$lib/app/commands';",
			"const m = await import('$lib/store/idb-store');",
			"import type { Store } from '../../lib/store/types';",
			"import type { CommandName } from '$lib/app/command-types';"
		].join('\n');
		expect(breaches(page, text)).toEqual([
			'routes/x/+page.svelte imports $lib/app/commands',
			'routes/x/+page.svelte imports $lib/store/idb-store',
			'routes/x/+page.svelte imports ../../lib/store/types'
		]);
	});

	it('no page imports app/ or store/ except types from command-types', () => {
		expect(filesUnder(join(SRC, 'routes')).flatMap((f) => breaches(f))).toEqual([]);
	});

	it('no component imports app/ or store/ except types from command-types', () => {
		expect(filesUnder(join(LIB, 'components')).flatMap((f) => breaches(f))).toEqual([]);
	});
});
