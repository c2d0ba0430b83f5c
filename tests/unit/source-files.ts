// The source files under a folder (.ts and .svelte), for tests that scan imports
// (tests/unit/seam.test.ts, tests/unit/log/boundaries.test.ts).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return filesUnder(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}
