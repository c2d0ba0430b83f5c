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

const PATH = 'src/lib/sync/tessera-changes.v1.schema.json';

describe('published JSON Schema', () => {
	it('is the one the zod definition generates', async () => {
		const generated = syncFileJsonSchema();
		if (process.env.UPDATE_SCHEMA === '1') {
			const config = (await resolveConfig(PATH)) ?? {};
			const text = await format(JSON.stringify(generated), { ...config, filepath: PATH });
			writeFileSync(PATH, text);
		}
		expect(existsSync(PATH), `${PATH} is missing: run with UPDATE_SCHEMA=1`).toBe(true);
		const committed: unknown = JSON.parse(readFileSync(PATH, 'utf8'));
		expect(committed).toEqual(generated);
	});

	it('describes both envelopes, every change type and the limits', () => {
		const schema = syncFileJsonSchema();
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
