// The one-way flow (docs/architecture.md): `store` and `sync` both build on `log` (hashing,
// planning and merging a set of changes, the clock, X6 evidence) and never import each other;
// `log` imports neither, nor anything above it. Scans every import and re-export statement,
// static or dynamic, so a new arrow against the flow fails here before review.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../source-files';

const LIB = resolve(__dirname, '../../../src/lib');

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** The folder under src/lib that each import of `file` points into ('' for packages). */
function importedFolders(file: string): { spec: string; folder: string }[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(SPECIFIER)].map(([, spec = '']) => {
		let target: string | null = null;
		if (spec.startsWith('$lib/')) target = join(LIB, spec.slice(5));
		else if (spec.startsWith('.')) target = resolve(file, '..', spec);
		const folder = target === null ? '' : (relative(LIB, target).split(/[\\/]/)[0] ?? '');
		return { spec, folder };
	});
}

function violations(from: string, forbidden: readonly string[]): string[] {
	return filesUnder(join(LIB, from)).flatMap((file) =>
		importedFolders(file)
			.filter(({ folder }) => forbidden.includes(folder))
			.map(({ spec }) => `${relative(LIB, file)} imports ${spec}`)
	);
}

describe('the log module sits below store and sync', () => {
	it('the scanner sees imports in every form it must catch', () => {
		const seen = importedFolders(join(LIB, 'store', 'importing.ts')).map((i) => i.folder);
		expect(seen).toContain('log');
		expect(seen).toContain('core');
	});

	it('store never imports sync', () => {
		expect(violations('store', ['sync'])).toEqual([]);
	});

	it('sync never imports store', () => {
		expect(violations('sync', ['store'])).toEqual([]);
	});

	it('log imports neither store nor sync, nor anything that runs the UI', () => {
		expect(violations('log', ['store', 'sync', 'app', 'state', 'ui', 'components'])).toEqual([]);
		const packages = filesUnder(join(LIB, 'log')).flatMap((file) =>
			importedFolders(file).filter(({ folder, spec }) => folder === '' && !spec.startsWith('$'))
		);
		expect(packages).toEqual([]);
	});
});
