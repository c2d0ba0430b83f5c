/**
 * S3: the sync format is published as a JSON Schema in the repository, generated from the
 * zod definition. This test fails when the two drift apart; `UPDATE_SCHEMA=1 npx vitest run
 * tests/unit/sync/schema.test.ts` writes the file again (formatted with the project's
 * Prettier settings). Version 1 is shipped: change it only in ways old files still pass.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { syncFileJsonSchema } from '$lib/sync/format';

// One published file per version: version 1 stays as shipped (X6 added version 2).
const VERSIONS = [1, 2] as const;
const pathOf = (version: number) => `src/lib/sync/tessera-changes.v${version}.schema.json`;

describe('published JSON Schema', () => {
	for (const version of VERSIONS) {
		it(`version ${version} is the one the zod definition generates`, async () => {
			const PATH = pathOf(version);
			const generated = syncFileJsonSchema(version);
			if (process.env.UPDATE_SCHEMA === '1') {
				const config = (await resolveConfig(PATH)) ?? {};
				const text = await format(JSON.stringify(generated), { ...config, filepath: PATH });
				writeFileSync(PATH, text);
			}
			expect(existsSync(PATH), `${PATH} is missing: run with UPDATE_SCHEMA=1`).toBe(true);
			const committed: unknown = JSON.parse(readFileSync(PATH, 'utf8'));
			expect(committed).toEqual(generated);
		});
	}

	it('X6: version 2 adds the head signatures to the plain envelope', () => {
		const text = JSON.stringify(syncFileJsonSchema(2));
		expect(text).toContain('"signatures"');
		expect(text).toContain('"const":2');
		expect(JSON.stringify(syncFileJsonSchema(1))).not.toContain('"signatures"');
	});

	it('describes both envelopes, every change type and the limits', () => {
		const schema = syncFileJsonSchema(1);
		const text = JSON.stringify(schema);
		expect(schema).toMatchObject({
			$schema: 'https://json-schema.org/draft/2020-12/schema',
			title: 'Tessera change file, version 1'
		});
		for (const type of ['account.create', 'handover', 'account.delete', 'plain', 'encrypted']) {
			expect(text).toContain(`"$ref":"#/$defs/${type}"`);
		}
		expect(text).toContain('"maxItems":50');
		expect(text).toContain('"maxLength":204800');
		expect(text).toContain('"maxLength":10000');
		expect(text).toContain('"minimum":100000');
	});
});
