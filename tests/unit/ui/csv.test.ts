// O6 "Export CSV": a real CSV (every field quoted, quotes doubled, CRLF records) whose cells a
// spreadsheet never runs as formulas (OWASP CSV injection: = + - @ tab CR get an apostrophe).
import { describe, expect, it } from 'vitest';
import { safeCell, toCsv } from '$lib/ui/csv';

describe('O6: CSV export', () => {
	it('quotes every field and doubles quotes; commas and newlines stay inside the field', () => {
		expect(
			toCsv([
				['Time', 'Actor'],
				['a,b', 'say "hi"\nbye']
			])
		).toBe('"Time","Actor"\r\n"a,b","say ""hi""\nbye"\r\n');
	});

	it('defuses cells a spreadsheet would run as a formula', () => {
		for (const start of ['=', '+', '-', '@', '\t', '\r']) {
			expect(safeCell(`${start}HYPERLINK("http://evil")`)).toBe(
				`"'${start}HYPERLINK(""http://evil"")"`
			);
		}
		expect(safeCell('Olivia Park <olivia@acme.com>')).toBe('"Olivia Park <olivia@acme.com>"');
		expect(safeCell('')).toBe('""');
	});
});
