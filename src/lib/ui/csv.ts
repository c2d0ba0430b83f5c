// O6 "Export CSV": RFC 4180 text (every field quoted, quotes doubled, CRLF between records)
// whose cells a spreadsheet never runs as a formula: a cell that starts with = + - @ or a tab
// or carriage return gets a leading apostrophe (OWASP's advice on CSV injection).

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as a spreadsheet may open it safely. */
export function safeCell(value: string): string {
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map(safeCell).join(',')).join('\r\n') + '\r\n';
}
